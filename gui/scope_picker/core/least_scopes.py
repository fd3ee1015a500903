"""From the endpoints an app will call to the fewest scopes that let it call them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from scope_picker.core.catalogue import (
    DEFAULT_LIBRARY_ITEMS,
    AppMode,
    Catalogue,
    Endpoint,
    EndpointRule,
    LibraryItem,
    RemovedEndpoint,
)
from scope_picker.core.coverage import emptied_scopes, no_gain_text, removal


@dataclass(frozen=True)
class ScopeChoice:
    """A real choice between scopes (public or private playlists): the app's use decides.

    ``chosen`` is None when a scope needed anyway already settles the choice. ``notes`` holds
    each affected endpoint's own note on which option applies when.
    """

    options: tuple[str, ...]
    chosen: str | None
    endpoints: tuple[Endpoint, ...]
    notes: tuple[tuple[Endpoint, str], ...] = ()

    @property
    def note(self) -> str | None:
        """Every affected endpoint's note: one text when they agree, else each by name."""
        texts = tuple(dict.fromkeys(text for _, text in self.notes))
        if len(texts) <= 1:
            return texts[0] if texts else None
        return "; ".join(f"{endpoint.name}: {text}" for endpoint, text in self.notes)


@dataclass(frozen=True)
class LeastScopes:
    """The least scopes for a set of endpoints, why each is there, and the choices made."""

    scopes: tuple[str, ...]
    reasons: Mapping[str, tuple[Endpoint, ...]]
    choices: tuple[ScopeChoice, ...]
    optional: Mapping[str, tuple[Endpoint, ...]]
    mode: AppMode = AppMode.EXTENDED
    unavailable: tuple[tuple[Endpoint, RemovedEndpoint], ...] = ()
    """Picked endpoints the app's mode cannot call: left out of the scopes, flagged."""
    rules: tuple[tuple[Endpoint, EndpointRule], ...] = ()
    """Rules of the app's mode that narrow a picked endpoint (playlist items: own ones only)."""
    emptied: frozenset[tuple[str, str]] = frozenset()
    """(endpoint id, optional scope) pairs whose whole gain the app's mode removed."""

    def needed_by(self, scope: str) -> str:
        """``needed by: Add Items to Playlist, ...`` for one chosen scope."""
        return "needed by: " + ", ".join(e.name for e in self.reasons.get(scope, ()))

    def settled_by(self, choice: ScopeChoice) -> tuple[str, ...]:
        """The options a scope needed anyway already grants (none when the choice was made)."""
        if choice.chosen is not None:
            return ()
        return tuple(option for option in choice.options if option in self.scopes)

    def adds(self, scope: str) -> tuple[tuple[Endpoint, str], ...]:
        """What a left-out optional scope would add: each endpoint with what it unlocks."""
        return tuple(
            (
                endpoint,
                no_gain_text(option) if (endpoint.id, scope) in self.emptied else option.unlocks,
            )
            for endpoint in self.optional.get(scope, ())
            for option in endpoint.requirement.optional
            if option.scope == scope
        )


def least_scopes(
    catalogue: Catalogue,
    endpoint_ids: Iterable[str],
    preferences: Mapping[frozenset[str], str] | None = None,
    *,
    library_items: Iterable[LibraryItem] = DEFAULT_LIBRARY_ITEMS,
    mode: AppMode = AppMode.DEVELOPMENT,
) -> LeastScopes:
    """The smallest set of scopes under which every given endpoint is callable.

    Required scopes are always in, and so are the scopes the library endpoints need for the
    kinds of item the app handles (``library_items``). Each ``any_of`` group not already
    satisfied is a choice: the fewest extra scopes that settle all of them are picked, and
    among as few, those whose consent asks users least (the catalogue's consent order);
    ``preferences`` maps a group's options to the option the user chose. Every choice is
    reported, never settled silently. Optional scopes are left out and listed with what
    they would add. In Development mode (the default) an endpoint Spotify removed for such
    apps asks for no scope and is listed as unavailable instead, and an optional scope whose
    only gain was a removed field says so.
    """
    picked = sorted({catalogue.endpoint(i) for i in endpoint_ids}, key=catalogue.endpoint_sort_key)
    unavailable = tuple(
        (endpoint, removed)
        for endpoint in picked
        if (removed := removal(catalogue, endpoint, mode)) is not None
    )
    gone = {endpoint for endpoint, _ in unavailable}
    endpoints = [endpoint for endpoint in picked if endpoint not in gone]
    preferences = preferences or {}
    items = frozenset(library_items)
    reasons: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        for name in (*endpoint.requirement.required, *_item_scopes(catalogue, endpoint, items)):
            reasons.setdefault(name, []).append(endpoint)
    required = frozenset(reasons)

    open_groups: dict[frozenset[str], list[Endpoint]] = {}
    settled_groups: dict[frozenset[str], list[Endpoint]] = {}
    for endpoint in endpoints:
        by_item = frozenset(scope for _, scope in endpoint.requirement.by_item)
        for options in endpoint.requirement.any_of:
            key = frozenset(options)
            if key == by_item and endpoint.requirement.scopes_for_items(items):
                continue  # settled by the kinds of item, already among the required
            target = settled_groups if key & required else open_groups
            target.setdefault(key, []).append(endpoint)

    extra = _fewest_hitting(catalogue, list(open_groups), preferences)
    choices: list[ScopeChoice] = []
    for group, users in open_groups.items():
        # The user's own pick, where one was made: another preference may put an option
        # listed earlier in ``extra`` too, and a preferred scope must never go unexplained.
        preferred = preferences.get(group)
        chosen = (
            preferred
            if preferred in group & extra
            else min(group & extra, key=lambda name: (catalogue.consent_rank(name), name))
        )
        reasons.setdefault(chosen, []).extend(users)
        choices.append(_choice(catalogue, group, chosen, users))
    for group, users in settled_groups.items():
        for name in catalogue.in_scope_order(group & required):
            reasons[name].extend(users)
        choices.append(_choice(catalogue, group, None, users))

    chosen_scopes = catalogue.in_scope_order(required | extra)
    optional: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        for option in endpoint.requirement.optional:
            if option.scope not in chosen_scopes:
                optional.setdefault(option.scope, []).append(endpoint)
    return LeastScopes(
        scopes=chosen_scopes,
        reasons={name: _unique_endpoints(reasons[name]) for name in chosen_scopes},
        choices=tuple(choices),
        optional={name: _unique_endpoints(found) for name, found in optional.items()},
        mode=mode,
        unavailable=unavailable,
        **_mode_notes(catalogue, endpoints, mode),
    )


def _mode_notes(catalogue: Catalogue, endpoints: list[Endpoint], mode: AppMode) -> dict[str, Any]:
    """The mode's rules on the picked endpoints, and the optional scopes it left without gain."""
    if mode is AppMode.EXTENDED:
        return {}
    rules = catalogue.development_mode
    emptied = frozenset(
        (endpoint.id, scope)
        for endpoint in endpoints
        for scope in emptied_scopes(catalogue, endpoint, mode)
    )
    return {
        "rules": tuple((e, rule) for e in endpoints for rule in rules.rules_for(e.id)),
        "emptied": emptied,
    }


def _fewest_hitting(
    catalogue: Catalogue,
    groups: list[frozenset[str]],
    preferences: Mapping[frozenset[str], str],
) -> frozenset[str]:
    """The fewest scopes with one in every group, honouring the user's preferences.

    Groups are few and small (two or three options), so trying sizes in increasing order is
    exact and cheap. Among sets of the smallest size, the one whose consent asks least wins
    (the sum of the catalogue's consent ranks; the loader makes sure every choice is ranked),
    and only then, for a stable answer, the names.
    """
    fixed = frozenset(preferences[g] for g in groups if g in preferences and preferences[g] in g)
    remaining = [g for g in groups if g.isdisjoint(fixed)]
    if not remaining:
        return fixed
    candidates = sorted(frozenset().union(*remaining))
    for size in range(1, len(remaining) + 1):
        hitting = [
            frozenset(combo)
            for combo in combinations(candidates, size)
            if all(group.intersection(combo) for group in remaining)
        ]
        if hitting:
            return fixed | min(
                hitting,
                key=lambda picked: (
                    sum(catalogue.consent_rank(name) for name in picked),
                    sorted(picked),
                ),
            )
    raise AssertionError("every group has at least one option")  # pragma: no cover


def _item_scopes(
    catalogue: Catalogue, endpoint: Endpoint, items: frozenset[LibraryItem]
) -> tuple[str, ...]:
    """The scopes a library endpoint needs for these kinds of item, in catalogue order."""
    return catalogue.in_scope_order(endpoint.requirement.scopes_for_items(items))


def _choice(
    catalogue: Catalogue, group: frozenset[str], chosen: str | None, users: list[Endpoint]
) -> ScopeChoice:
    endpoints = _unique_endpoints(users)
    return ScopeChoice(
        options=catalogue.in_scope_order(group),
        chosen=chosen,
        endpoints=endpoints,
        notes=tuple((e, e.requirement.choice) for e in endpoints if e.requirement.choice),
    )


def _unique_endpoints(endpoints: Iterable[Endpoint]) -> tuple[Endpoint, ...]:
    return tuple(dict.fromkeys(endpoints))
