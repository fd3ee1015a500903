"""From the endpoints an app will call to the fewest scopes that let it call them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from scope_picker.core.catalogue import Catalogue, Endpoint


@dataclass(frozen=True)
class ScopeChoice:
    """A real choice between scopes (public or private playlists): the app's use decides.

    ``chosen`` is None when a scope needed anyway already settles the choice.
    """

    options: tuple[str, ...]
    chosen: str | None
    endpoints: tuple[Endpoint, ...]
    note: str | None


@dataclass(frozen=True)
class LeastScopes:
    """The least scopes for a set of endpoints, why each is there, and the choices made."""

    scopes: tuple[str, ...]
    reasons: Mapping[str, tuple[Endpoint, ...]]
    choices: tuple[ScopeChoice, ...]
    optional: Mapping[str, tuple[Endpoint, ...]]

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
            (endpoint, option.unlocks)
            for endpoint in self.optional.get(scope, ())
            for option in endpoint.requirement.optional
            if option.scope == scope
        )


def least_scopes(
    catalogue: Catalogue,
    endpoint_ids: Iterable[str],
    preferences: Mapping[frozenset[str], str] | None = None,
) -> LeastScopes:
    """The smallest set of scopes under which every given endpoint is callable.

    Required scopes are always in. Each ``any_of`` group not already satisfied is a choice:
    the fewest extra scopes that settle all of them are picked (``preferences`` maps a
    group's options to the option the user chose), and every choice is reported, never
    settled silently. Optional scopes are left out and listed with what they would add.
    """
    endpoints = sorted(
        {catalogue.endpoint(i) for i in endpoint_ids}, key=catalogue.endpoint_sort_key
    )
    preferences = preferences or {}
    reasons: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        for name in endpoint.requirement.required:
            reasons.setdefault(name, []).append(endpoint)
    required = frozenset(reasons)

    open_groups: dict[frozenset[str], list[Endpoint]] = {}
    settled_groups: dict[frozenset[str], list[Endpoint]] = {}
    for endpoint in endpoints:
        for options in endpoint.requirement.any_of:
            key = frozenset(options)
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
            else next(name for name in catalogue.in_scope_order(group) if name in extra)
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
    )


def _fewest_hitting(
    catalogue: Catalogue,
    groups: list[frozenset[str]],
    preferences: Mapping[frozenset[str], str],
) -> frozenset[str]:
    """The fewest scopes with one in every group, honouring the user's preferences.

    Groups are few and small (two or three options), so trying sizes in increasing order is
    exact and cheap; ties go to the option listed first in the catalogue.
    """
    fixed = frozenset(preferences[g] for g in groups if g in preferences and preferences[g] in g)
    remaining = [g for g in groups if g.isdisjoint(fixed)]
    if not remaining:
        return fixed
    candidates = catalogue.in_scope_order(frozenset().union(*remaining))
    for size in range(1, len(remaining) + 1):
        for combo in combinations(candidates, size):
            picked = frozenset(combo)
            if all(group & picked for group in remaining):
                return fixed | picked
    raise AssertionError("every group has at least one option")  # pragma: no cover


def _choice(
    catalogue: Catalogue, group: frozenset[str], chosen: str | None, users: list[Endpoint]
) -> ScopeChoice:
    notes = [e.requirement.choice for e in users if e.requirement.choice]
    return ScopeChoice(
        options=catalogue.in_scope_order(group),
        chosen=chosen,
        endpoints=_unique_endpoints(users),
        note=notes[0] if notes else None,
    )


def _unique_endpoints(endpoints: Iterable[Endpoint]) -> tuple[Endpoint, ...]:
    return tuple(dict.fromkeys(endpoints))
