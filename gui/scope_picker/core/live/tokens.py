"""The token Spotify grants, held in memory only, and the two trades at the token endpoint:
an authorization code (with the PKCE verifier) and a refresh token. Never a client secret.

A Token's repr shows no secret, so it cannot leak into a log line or a crash report.
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.transport import send

MASK = "•" * 12
_TOKEN_ERRORS = {
    "invalid_grant": (
        "the code or refresh token was not accepted: it expired, was already used, or the "
        "redirect URI or PKCE verifier did not match the authorize request"
    ),
    "invalid_client": "the Client ID is not one of Spotify's apps",
    "invalid_request": "the request was incomplete",
    "unsupported_grant_type": "this kind of trade is not supported",
}


@dataclass(frozen=True)
class Token:
    """An access token, what was asked and granted, and when it expires (seconds since epoch)."""

    access_token: str = field(repr=False)
    token_type: str
    expires_at: float
    asked: tuple[str, ...]
    granted: tuple[str, ...]
    client_id: str
    refresh_token: str | None = field(default=None, repr=False)
    response: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def seconds_left(self, now: float | None = None) -> int:
        """Whole seconds until expiry, 0 once expired."""
        left = self.expires_at - (time.time() if now is None else now)
        return max(0, int(left))

    @property
    def not_granted(self) -> tuple[str, ...]:
        """Scopes asked for that Spotify did not grant."""
        return tuple(scope for scope in self.asked if scope not in self.granted)

    @property
    def not_asked(self) -> tuple[str, ...]:
        """Scopes granted without being asked for (an earlier consent carried over)."""
        return tuple(scope for scope in self.granted if scope not in self.asked)

    @property
    def masked(self) -> str:
        """What the window shows until the user asks to see the token."""
        return f"{self.access_token[:4]}{MASK}" if len(self.access_token) > 16 else MASK

    @property
    def authorization_header(self) -> str:
        """``Authorization: Bearer …``, for pasting into an HTTP client."""
        return f"Authorization: Bearer {self.access_token}"


def exchange_code(
    hosts: Hosts,
    *,
    client_id: str,
    code: str,
    redirect_uri: str,
    code_verifier: str,
    asked: Sequence[str],
    tls: ssl.SSLContext | None = None,
) -> Token:
    """Trade the callback's code for a token, proving the request with the PKCE verifier."""
    fields = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "code_verifier": code_verifier,
    }
    answer = _post(hosts, fields, tls)
    return _token(answer, client_id=client_id, asked=tuple(asked), previous=None)


def refresh(hosts: Hosts, token: Token, *, tls: ssl.SSLContext | None = None) -> Token:
    """A new access token from the refresh token (PKCE: the client ID proves nothing more)."""
    if token.refresh_token is None:
        raise LiveError("This token came without a refresh token: get a new token instead.")
    fields = {
        "grant_type": "refresh_token",
        "refresh_token": token.refresh_token,
        "client_id": token.client_id,
    }
    answer = _post(hosts, fields, tls)
    return _token(answer, client_id=token.client_id, asked=token.asked, previous=token)


def _post(hosts: Hosts, fields: Mapping[str, str], tls: ssl.SSLContext | None) -> dict[str, Any]:
    response = send(
        "POST",
        hosts.token_endpoint,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        body=urlencode(fields).encode("ascii"),
        tls=tls,
    )
    try:
        answer = json.loads(response.body)
    except (ValueError, UnicodeDecodeError):
        answer = None
    if not isinstance(answer, dict):
        raise LiveError(
            f"The token endpoint answered HTTP {response.status} {response.reason} without a "
            "token (not JSON). Try again later."
        )
    if response.status != 200:
        error = str(answer.get("error", "unknown_error"))
        description = str(answer.get("error_description", "")).strip()
        meaning = _TOKEN_ERRORS.get(error, "no token was given")
        said = f" Spotify said: “{description}”." if description else ""
        raise LiveError(f"Spotify refused the token request ({error}): {meaning}.{said}")
    return answer


def _token(
    answer: Mapping[str, Any], *, client_id: str, asked: tuple[str, ...], previous: Token | None
) -> Token:
    access_token = answer.get("access_token")
    expires_in = answer.get("expires_in")
    if not isinstance(access_token, str) or not access_token:
        raise LiveError("The token endpoint answered without an access token.")
    if not isinstance(expires_in, int) or isinstance(expires_in, bool) or expires_in <= 0:
        raise LiveError("The token endpoint answered without a valid expires_in.")
    scope = answer.get("scope")
    if isinstance(scope, str):
        granted = tuple(scope.split())
    else:
        granted = previous.granted if previous is not None else ()
    refresh_token = answer.get("refresh_token")
    if not isinstance(refresh_token, str) or not refresh_token:
        refresh_token = previous.refresh_token if previous is not None else None
    return Token(
        access_token=access_token,
        token_type=str(answer.get("token_type", "Bearer")),
        expires_at=time.time() + expires_in,
        asked=asked,
        granted=granted,
        client_id=client_id,
        refresh_token=refresh_token,
        response=dict(answer),
    )
