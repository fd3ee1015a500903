"""Check a pasted Spotify Client ID."""

from __future__ import annotations

import string

from scope_picker.core.authorize.findings import (
    CheckResult,
    Finding,
    Severity,
    describe_characters,
    trim_note,
)

CLIENT_ID_LENGTH = 32


def check_client_id(text: str) -> CheckResult:
    """Check a pasted Client ID: exactly 32 hexadecimal characters, as the dashboard shows it."""
    client_id = text.strip()
    findings = trim_note(text, client_id, "Client ID")
    if not client_id:
        message = "Paste the Client ID from your app's settings in the Spotify dashboard."
        return CheckResult(client_id, (Finding(Severity.ERROR, message),))
    not_hex = [character for character in client_id if character not in string.hexdigits]
    if not_hex:
        findings.append(
            Finding(
                Severity.ERROR,
                f"A Client ID has only the characters 0-9 and a-f; this one has "
                f"{describe_characters(not_hex)}.",
            )
        )
    if len(client_id) != CLIENT_ID_LENGTH:
        findings.append(
            Finding(
                Severity.ERROR,
                f"A Client ID has exactly {CLIENT_ID_LENGTH} characters; this one has "
                f"{len(client_id)}. Copy it again from the dashboard.",
            )
        )
    return CheckResult(client_id, tuple(findings))
