"""PKCE's one-time code verifier and its S256 challenge, and the ``state`` value."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import string

CODE_VERIFIER_MIN_LENGTH = 43
CODE_VERIFIER_MAX_LENGTH = 128
# RFC 7636 says the longer the better; the length costs nothing since the app hands it over.
DEFAULT_CODE_VERIFIER_LENGTH = CODE_VERIFIER_MAX_LENGTH
UNRESERVED_CHARACTERS = string.ascii_letters + string.digits + "-._~"
STATE_BYTES = 16
_CODE_VERIFIER = re.compile(
    rf"[A-Za-z0-9._~-]{{{CODE_VERIFIER_MIN_LENGTH},{CODE_VERIFIER_MAX_LENGTH}}}"
)


def new_code_verifier(length: int = DEFAULT_CODE_VERIFIER_LENGTH) -> str:
    """A fresh code verifier: cryptographically random unreserved characters."""
    if not CODE_VERIFIER_MIN_LENGTH <= length <= CODE_VERIFIER_MAX_LENGTH:
        raise ValueError(
            f"a code verifier has {CODE_VERIFIER_MIN_LENGTH} to {CODE_VERIFIER_MAX_LENGTH} "
            f"characters, not {length}"
        )
    return "".join(secrets.choice(UNRESERVED_CHARACTERS) for _ in range(length))


def is_valid_code_verifier(verifier: str) -> bool:
    """True when the verifier has 43-128 characters, all unreserved."""
    return _CODE_VERIFIER.fullmatch(verifier) is not None


def code_challenge(verifier: str) -> str:
    """The S256 challenge: base64url of SHA-256 of the verifier, without padding."""
    if not is_valid_code_verifier(verifier):
        raise ValueError("not a code verifier: 43-128 characters from A-Z a-z 0-9 - . _ ~")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_state() -> str:
    """A fresh random state, to match Spotify's callback to this request."""
    return secrets.token_urlsafe(STATE_BYTES)


# --- URLs ----------------------------------------------------------------------------------
