"""Find the endpoint a developer means from what they type or paste.

Accepted: ``GET /me/player`` (any placeholder names, concrete ids, a full
``https://api.spotify.com/v1/...`` URL, a query string), a bare path when only one method
uses it, an operationId (``get-a-users-available-devices``; one the catalogue splits names
all its endpoints), and a reference name or a
Scopes-page name, case-insensitively. A path starts with ``/`` (or is a URL), so a name
always wins: ``Get Album`` is the endpoint of that name, not GET on a path ``Album``. Text
that names nothing gets the closest endpoints; text that names several gets all of them, so
nothing is picked behind the user's back.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scope_picker.core.catalogue import Catalogue, Endpoint
from scope_picker.core.search import normalise

_METHOD_AND_PATH = re.compile(
    r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+((?:/|[a-z][a-z0-9+.-]*://)\S*)$", re.IGNORECASE
)
_API_VERSION = "v1"
_PLACEHOLDER = re.compile(r"^\{[^/{}]+\}$")
_SUGGESTIONS = 3


@dataclass(frozen=True)
class EndpointMatch:
    """What one piece of text named: an endpoint, several, or nothing (with near misses)."""

    text: str
    endpoint: Endpoint | None
    ambiguous: tuple[Endpoint, ...] = ()
    suggestions: tuple[Endpoint, ...] = ()

    def describe(self) -> str:
        """Why the text resolved to no single endpoint (empty when it did)."""
        if self.endpoint is not None:
            return ""
        if self.ambiguous:
            return (
                f"'{self.text}' names {len(self.ambiguous)} endpoints: "
                f"{_listing(self.ambiguous)}; give the method and path"
            )
        if self.suggestions:
            return (
                f"'{self.text}' is not a known endpoint; did you mean "
                f"{_listing(self.suggestions, ' or ')}?"
            )
        return f"'{self.text}' is not a known endpoint"


def find_endpoint(catalogue: Catalogue, text: str) -> EndpointMatch:
    """Resolve ``text`` to one endpoint of the catalogue; see the module docstring."""
    wanted = normalise(text)
    if catalogue.has_endpoint(wanted.lower()):
        return EndpointMatch(text, catalogue.endpoint(wanted.lower()))
    # An operationId the catalogue splits (GET /me/top/{type} is two endpoints) names its page.
    on_page = tuple(e for e in catalogue.endpoints if _page_slug(e) == wanted.lower())
    if on_page:
        return EndpointMatch(text, None, ambiguous=on_page)
    method_path = _METHOD_AND_PATH.match(wanted)
    if method_path:
        return _by_path(catalogue, text, _path_segments(method_path[2]), method_path[1].upper())
    if wanted.startswith("/") or "://" in wanted:
        return _by_path(catalogue, text, _path_segments(wanted), None)
    return _by_name(catalogue, text, wanted.lower())


def _by_path(
    catalogue: Catalogue, text: str, segments: tuple[str, ...], method: str | None
) -> EndpointMatch:
    at_path = _best_path_matches(catalogue.endpoints, segments)
    found = [e for e in at_path if method is None or e.method == method]
    if len(found) == 1:
        return EndpointMatch(text, found[0])
    if found:
        return EndpointMatch(text, None, ambiguous=tuple(found))
    return EndpointMatch(text, None, suggestions=at_path[:_SUGGESTIONS] or _near(catalogue, text))


def _best_path_matches(
    endpoints: Iterable[Endpoint], segments: tuple[str, ...]
) -> tuple[Endpoint, ...]:
    """Endpoints whose path template fits; literal segments beat placeholders."""
    scored: list[tuple[int, Endpoint]] = []
    for endpoint in endpoints:
        if endpoint.path is None:
            continue
        template = _path_segments(endpoint.path)
        if len(template) != len(segments):
            continue
        literal_hits = 0
        for part, given in zip(template, segments, strict=True):
            if _PLACEHOLDER.match(part):
                continue
            if part.lower() != given.lower():
                break
            literal_hits += 1
        else:
            scored.append((literal_hits, endpoint))
    best = max((score for score, _ in scored), default=0)
    return tuple(endpoint for score, endpoint in scored if score == best)


def _by_name(catalogue: Catalogue, text: str, wanted: str) -> EndpointMatch:
    """Reference names first, then the Scopes page's names for the same operations."""
    for names_of in (_reference_name, _page_names):
        found = [e for e in catalogue.endpoints if wanted in names_of(e)]
        current = _without_replaced(found)
        if len(current) == 1:
            return EndpointMatch(text, current[0])
        if current:
            return EndpointMatch(text, None, ambiguous=tuple(current))
    return EndpointMatch(text, None, suggestions=_near(catalogue, text))


def _page_slug(endpoint: Endpoint) -> str:
    """The last part of the endpoint's reference page address: the spec's operationId."""
    return endpoint.documentation_url.rpartition("/")[2]


def _reference_name(endpoint: Endpoint) -> tuple[str, ...]:
    return (normalise(endpoint.name).lower(),)


def _page_names(endpoint: Endpoint) -> tuple[str, ...]:
    return tuple(normalise(name).lower() for name in endpoint.page_names)


def _without_replaced(found: list[Endpoint]) -> list[Endpoint]:
    """Drops deprecated endpoints whose replacement shares their name and is also found.

    ``Get Playlist Items`` names both the retired ``/tracks`` operation and the ``/items``
    one that replaced it; the name means the current one.
    """
    ids = {e.id for e in found}
    return [e for e in found if not (e.deprecated and e.replaced_by in ids)]


def _near(catalogue: Catalogue, text: str) -> tuple[Endpoint, ...]:
    """The endpoints whose id, label or names read most like ``text``."""
    keys: dict[str, Endpoint] = {}
    for endpoint in catalogue.endpoints:
        for key in (endpoint.id, endpoint.label, endpoint.name, *endpoint.page_names):
            keys.setdefault(normalise(key).lower(), endpoint)
    # Every key above the cutoff, best first: one endpoint has several keys, so a cap on the
    # keys could leave fewer endpoints than there are close ones.
    close = difflib.get_close_matches(normalise(text).lower(), keys, n=len(keys), cutoff=0.6)
    return tuple(dict.fromkeys(keys[key] for key in close))[:_SUGGESTIONS]


def _path_segments(path: str) -> tuple[str, ...]:
    """``https://api.spotify.com/v1/me/player/?x=1`` -> ``("me", "player")``."""
    path = urlsplit(path).path if "://" in path else path.partition("?")[0].partition("#")[0]
    segments = tuple(part for part in path.split("/") if part)
    return segments[1:] if segments[:1] == (_API_VERSION,) else segments


def _listing(endpoints: Iterable[Endpoint], separator: str = ", ") -> str:
    return separator.join(f"{e.label} ({e.name})" if e.method else e.name for e in endpoints)
