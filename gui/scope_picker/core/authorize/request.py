"""The ``/authorize`` URL and a copy-paste token request for the Authorization Code flow with
PKCE, built from what the user typed.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from scope_picker.core.authorize.client_id import check_client_id
from scope_picker.core.authorize.findings import CheckResult, Finding, Severity
from scope_picker.core.authorize.pkce import code_challenge
from scope_picker.core.authorize.redirect_uri import check_redirect_uri

AUTHORIZE_ENDPOINT = "https://accounts.spotify.com/authorize"
TOKEN_ENDPOINT = "https://accounts.spotify.com/api/token"
CODE_PLACEHOLDER = "PASTE_CODE_HERE"


@dataclass(frozen=True)
class AuthorizationRequest:
    """The inputs of one authorization request (as typed, or once checked and trimmed)."""

    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str
    code_verifier: str
    show_dialog: bool = False


def _encode(params: Sequence[tuple[str, str]]) -> str:
    """Percent-encode every reserved character, spaces as %20 (never '+')."""
    return urlencode(params, quote_via=quote, safe="")


def authorization_url(request: AuthorizationRequest, endpoint: str = AUTHORIZE_ENDPOINT) -> str:
    """The ``/authorize`` URL; ``scope``, ``state``, ``show_dialog`` only when they say something.

    ``endpoint`` is Spotify's unless a test points the app at a fake accounts service. Without
    ``scope`` Spotify grants access to public data only; ``show_dialog`` is false by default, so
    it is sent only when true.
    """
    for scope in request.scopes:
        if not scope or any(character.isspace() for character in scope):
            raise ValueError(f"not a scope: {scope!r}")
    params = [
        ("client_id", request.client_id),
        ("response_type", "code"),
        ("redirect_uri", request.redirect_uri),
    ]
    if request.scopes:
        params.append(("scope", " ".join(request.scopes)))
    if request.state:
        params.append(("state", request.state))
    params += [
        ("code_challenge_method", "S256"),
        ("code_challenge", code_challenge(request.code_verifier)),
    ]
    if request.show_dialog:
        params.append(("show_dialog", "true"))
    return f"{endpoint}?{_encode(params)}"


def token_request_example(request: AuthorizationRequest) -> str:
    """A curl command that trades the callback's code for tokens; PKCE needs no client secret.

    Each field is form-encoded and shell-quoted on its own line; the code placeholder is to be
    replaced with the ``code`` value from the callback URL, which is already URL-safe.
    """
    fields = [
        ("grant_type", "authorization_code"),
        ("code", CODE_PLACEHOLDER),
        ("redirect_uri", request.redirect_uri),
        ("client_id", request.client_id),
        ("code_verifier", request.code_verifier),
    ]
    lines = [
        f"curl {shlex.quote(TOKEN_ENDPOINT)}",
        f"-H {shlex.quote('Content-Type: application/x-www-form-urlencoded')}",
        *(f"-d {shlex.quote(_encode([field]))}" for field in fields),
    ]
    return " \\\n  ".join(lines)


# --- Everything at once --------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorizationDraft:
    """The checks of every input, and the URL and token request once nothing is wrong."""

    client_id: CheckResult
    redirect_uri: CheckResult
    notes: tuple[Finding, ...]
    url: str | None
    token_request: str | None


NO_SCOPES_NOTE = (
    "No scopes selected: the URL leaves out scope, so the token can read only public data."
)
NO_STATE_NOTE = (
    "No state: the URL leaves it out, so your app cannot tell its own callback from a forged one."
)


def draft_authorization(typed: AuthorizationRequest) -> AuthorizationDraft:
    """Check the request as typed and, if nothing has an error, build the URL and token request."""
    client_id = check_client_id(typed.client_id)
    redirect_uri = check_redirect_uri(typed.redirect_uri)
    notes: list[Finding] = []
    if not typed.scopes:
        notes.append(Finding(Severity.INFO, NO_SCOPES_NOTE))
    if not typed.state:
        notes.append(Finding(Severity.WARNING, NO_STATE_NOTE))
    if not (client_id.ok and redirect_uri.ok):
        return AuthorizationDraft(client_id, redirect_uri, tuple(notes), None, None)
    request = replace(typed, client_id=client_id.value, redirect_uri=redirect_uri.value)
    return AuthorizationDraft(
        client_id,
        redirect_uri,
        tuple(notes),
        authorization_url(request),
        token_request_example(request),
    )
