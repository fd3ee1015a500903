"""What a check found about one input (error, warning or note), and how to show it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum, auto


class Severity(Enum):
    """How much a finding matters, the most first: only errors make the URL unusable."""

    ERROR = auto()
    WARNING = auto()
    INFO = auto()


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user about an input, with a corrected value where one exists."""

    severity: Severity
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class CheckResult:
    """An input after trimming, and what was found about it."""

    value: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing stops the value from being used."""
        return all(finding.severity is not Severity.ERROR for finding in self.findings)

    @property
    def suggestion(self) -> str | None:
        """The first corrected value offered, errors first, or None."""
        for finding in sorted(self.findings, key=lambda f: _SEVERITY_ORDER[f.severity]):
            if finding.suggestion is not None:
                return finding.suggestion
        return None


_SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(Severity)}


def format_findings(findings: Sequence[Finding]) -> str:
    """One line per finding, labelled by severity, for a message next to an input."""
    labels = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
    return "\n".join(f"{labels[finding.severity]}: {finding.message}" for finding in findings)


def describe_character(character: str) -> str:
    names = {" ": "a space", "\t": "a tab", "\n": "a line break", "\r": "a line break"}
    if character in names:
        return names[character]
    if character.isprintable():
        return f"'{character}'"
    return f"U+{ord(character):04X}"


def describe_characters(characters: Sequence[str]) -> str:
    """Each description once, in order of first appearance: a CR LF pair is one line break."""
    descriptions = dict.fromkeys(describe_character(character) for character in characters)
    return ", ".join(descriptions)


def trim_note(text: str, trimmed: str, what: str) -> list[Finding]:
    if trimmed == text:
        return []
    return [Finding(Severity.INFO, f"Removed the spaces or line breaks around the {what}.")]


# --- Client ID -----------------------------------------------------------------------------
