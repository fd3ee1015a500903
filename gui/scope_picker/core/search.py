"""Text search over scopes and endpoints, forgiving about case, spacing and apostrophes.

Spotify writes its consent wording with typographic apostrophes (``user’s``) while
developers type straight ones; both, and backticks, read as the same character here.
The search keys are built once; a query is turned into one regular expression (``re``)
that is matched against each key once per query.
"""

from __future__ import annotations

import re

from scope_picker.core.catalogue import Catalogue, Endpoint, Scope

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def normalise(text: str) -> str:
    """Curly apostrophes straightened and runs of whitespace made one space."""
    return " ".join(text.translate(_APOSTROPHES).split())


def search_key(*parts: str | None) -> str:
    """What a query is matched against: the parts normalised, case-folded, one per line."""
    return "\n".join(normalise(part).casefold() for part in parts if part)


def search_pattern(query: str) -> str:
    """A regular expression that matches a search key holding every word of ``query``.

    Words may appear in any order and inside longer words (``play`` finds ``playback``);
    an empty query matches everything.
    """
    words = dict.fromkeys(normalise(query).casefold().split())
    if not words:
        return ""
    return "\\A" + "".join(f"(?=[\\s\\S]*{re.escape(word)})" for word in words)


def scope_search_key(catalogue: Catalogue, scope: Scope) -> str:
    """A scope is found by its name, description, consent wording, notes, category and the
    names, method and path of every endpoint it concerns (``/me/player`` and ``skip`` find
    the player scopes)."""
    endpoints = catalogue.endpoints_for_scope(scope.name)
    return search_key(
        scope.name,
        scope.description,
        scope.consent,
        *scope.note_texts,
        catalogue.category(scope.category).name,
        *(e.label for e in endpoints if e.path),
        *(name for e in endpoints for name in (e.name, *e.page_names)),
    )


def endpoint_search_key(endpoint: Endpoint) -> str:
    """An endpoint is found by its names, method and path, id, group, the scopes it names
    and, when deprecated, the word and Spotify's note."""
    deprecation = ("deprecated", endpoint.deprecation_note) if endpoint.deprecated else ()
    return search_key(
        endpoint.name,
        *endpoint.page_names,
        endpoint.label,
        endpoint.id,
        endpoint.group,
        *sorted(endpoint.requirement.scopes),
        *deprecation,
    )
