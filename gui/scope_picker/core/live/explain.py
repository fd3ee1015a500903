"""What an error answer from the Web API means, in the catalogue's terms: an expired token, the
scope the catalogue says is missing, Development mode's allowlist and removed endpoints, a rate
limit, a removed endpoint's replacement.
"""

from __future__ import annotations

from dataclasses import dataclass

from scope_picker.core.catalogue import Catalogue, Endpoint
from scope_picker.core.coverage import evaluate
from scope_picker.core.live.api import ApiResponse
from scope_picker.core.live.tokens import Token

# Spotify's error.message for a user missing from a Development-mode app's allowlist.
_NOT_ALLOWLISTED = ("not registered", "developer dashboard", "allowlist")
_INSUFFICIENT_SCOPE = "insufficient client scope"
_DEV_MODE = (
    "If the app is in Development mode, the Spotify user must be on its allowlist "
    "(dashboard, User Management), and since February 2026 Spotify removed some endpoints "
    "for such apps."
)


@dataclass(frozen=True)
class Explanation:
    """A sentence or two, and the one action that helps: scopes to tick, or a refresh."""

    text: str
    missing_scopes: tuple[str, ...] = ()
    refresh: bool = False


def explain(
    response: ApiResponse, endpoint: Endpoint | None, token: Token, catalogue: Catalogue
) -> Explanation | None:
    """None for a success; otherwise what the answer means and what to do."""
    if response.ok:
        return None
    said = response.error_message
    quoted = f" Spotify said: “{said}”." if said else ""
    if response.status == 401:
        return Explanation(
            f"The token is expired or revoked.{quoted} Refresh gets a new one.", refresh=True
        )
    if response.status == 403:
        return _forbidden(said.lower(), quoted, endpoint, token, catalogue)
    if response.status == 429:
        wait = (
            f"wait {response.retry_after} seconds (Retry-After)"
            if response.retry_after is not None
            else "wait a little"
        )
        return Explanation(f"Too many requests: {wait} before sending again.{quoted}")
    if response.status == 404 and endpoint is not None and endpoint.deprecated:
        return Explanation(_removed(endpoint, catalogue) + quoted)
    if response.status == 404:
        return Explanation(f"Not found: check the IDs in the path.{quoted}")
    if response.status == 400:
        return Explanation(f"Spotify refused the request as malformed.{quoted} Check the query.")
    if response.status >= 500:
        return Explanation(f"Spotify had a problem (HTTP {response.status}).{quoted} Try later.")
    return Explanation(f"HTTP {response.status} {response.reason}.{quoted}")


def _forbidden(
    said: str, quoted: str, endpoint: Endpoint | None, token: Token, catalogue: Catalogue
) -> Explanation:
    if any(phrase in said for phrase in _NOT_ALLOWLISTED):
        return Explanation(
            "The app is in Development mode and this Spotify user is not on its allowlist: "
            f"add them in the dashboard under User Management.{quoted}"
        )
    if endpoint is not None and _INSUFFICIENT_SCOPE in said:
        coverage = evaluate(endpoint, frozenset(token.granted))
        missing = (*coverage.missing_required, *(group[0] for group in coverage.missing_any_of))
        if missing:
            return Explanation(
                f"The token lacks a scope. The catalogue says {endpoint.label} "
                f"{coverage.explain()}: tick {', '.join(missing)} and get a new token.{quoted}",
                missing_scopes=catalogue.in_scope_order(missing),
            )
        return Explanation(
            f"The catalogue says the token's scopes cover {endpoint.label}, yet Spotify "
            f"wants another scope.{quoted} Run Probe and report the difference."
        )
    if endpoint is not None and endpoint.deprecated:
        return Explanation(f"{_removed(endpoint, catalogue)}{quoted} {_DEV_MODE}")
    premium = ""
    if endpoint is not None and endpoint.premium_only:
        premium = " It needs a Premium account."
    return Explanation(f"Forbidden.{quoted}{premium} {_DEV_MODE}")


def _removed(endpoint: Endpoint, catalogue: Catalogue) -> str:
    note = f" {endpoint.deprecation_note}" if endpoint.deprecation_note else ""
    return f"{endpoint.label} is {catalogue.deprecation_mark(endpoint)}.{note}"
