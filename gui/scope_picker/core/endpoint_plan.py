"""The endpoints an app will call, the choices made for them, and the scopes that follow.

``least_scopes`` answers one question; the plan remembers the answers' inputs between
questions (picked endpoints, which alternative the user prefers, which kinds of library item
the app handles, which optional scopes they want) and says, for any scope, how it relates to
the picked endpoints.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum, auto

from scope_picker.core.catalogue import (
    DEFAULT_LIBRARY_ITEMS,
    AppMode,
    Catalogue,
    Endpoint,
    LibraryItem,
)
from scope_picker.core.least_scopes import LeastScopes, least_scopes

NOT_NEEDED = "not needed by any picked endpoint"


class ScopeRole(Enum):
    """How one scope relates to the picked endpoints (compared by identity; no value is
    shown anywhere)."""

    NEEDED = auto()
    """In the least set: a picked endpoint cannot be called without it."""
    OPTIONAL = auto()
    """Not needed, but adds data to a picked endpoint's answer."""
    ALTERNATIVE = auto()
    """One of the alternatives of a picked endpoint; another one was chosen."""
    UNRELATED = auto()
    """No picked endpoint mentions it: ticked, it asks for more than the app uses."""


class EndpointPlan:
    """Picked endpoints plus the user's preferences; ``scopes`` is what they add up to.

    ``scopes`` is the least set (``least_scopes``) plus the optional scopes the user asked
    for. Preferences between alternatives outlive the endpoints that raised them, so
    unpicking and re-picking an endpoint does not undo a choice; a wanted optional scope is
    forgotten once no picked endpoint offers it, so it never comes back unannounced.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._picked: frozenset[str] = frozenset()
        self._preferences: dict[frozenset[str], str] = {}
        self._library_items: frozenset[LibraryItem] = DEFAULT_LIBRARY_ITEMS
        self._mode = AppMode.DEVELOPMENT
        self._wanted_optional: frozenset[str] = frozenset()
        self._result = least_scopes(catalogue, ())
        self._picked_endpoints: tuple[Endpoint, ...] = ()
        self._mentioned: frozenset[str] = frozenset()

    @property
    def picked(self) -> tuple[Endpoint, ...]:
        """The picked endpoints in reference order."""
        return self._picked_endpoints

    def is_picked(self, endpoint_id: str) -> bool:
        """True when the endpoint with this id is picked."""
        return endpoint_id in self._picked

    @property
    def result(self) -> LeastScopes:
        """The least scopes for the picked endpoints, with reasons, choices and optional ones."""
        return self._result

    @property
    def scopes(self) -> tuple[str, ...]:
        """The least scopes plus the optional ones the user wants, in catalogue order."""
        return self.catalogue.in_scope_order(self._result.scopes + tuple(self._wanted_optional))

    @property
    def preferences(self) -> dict[frozenset[str], str]:
        """The choices made between alternatives: options to the preferred scope (a copy)."""
        return dict(self._preferences)

    @property
    def library_items(self) -> frozenset[LibraryItem]:
        """The kinds of item the app saves, removes or checks with the library endpoints."""
        return self._library_items

    def set_library_items(self, items: Iterable[LibraryItem]) -> None:
        """Say which kinds of library item the app handles (ValueError when none)."""
        chosen = frozenset(items)
        if not chosen:
            raise ValueError("choose at least one kind of library item")
        self._library_items = chosen
        self._recompute()

    @property
    def mode(self) -> AppMode:
        """The app's quota mode the least scopes are worked out for."""
        return self._mode

    def set_mode(self, mode: AppMode) -> None:
        """Work the least scopes out for another mode."""
        self._mode = mode
        self._recompute()

    @property
    def wanted_optional(self) -> frozenset[str]:
        """The optional scopes the user asked for."""
        return self._wanted_optional

    def wants_optional(self, scope: str) -> bool:
        """True when the user asked for this optional scope."""
        return scope in self._wanted_optional

    def set_picked(self, endpoint_ids: Iterable[str], picked: bool) -> None:
        """Pick (or unpick) endpoints; unknown ids raise KeyError."""
        ids = frozenset(endpoint_ids)
        for endpoint_id in ids:
            self.catalogue.endpoint(endpoint_id)
        self._picked = self._picked | ids if picked else self._picked - ids
        self._recompute()

    def clear(self) -> None:
        """Unpick every endpoint."""
        self._picked = frozenset()
        self._recompute()

    def prefer(self, options: Iterable[str], scope: str) -> None:
        """Settle the choice between ``options`` with ``scope`` (ValueError if not among them)."""
        group = frozenset(options)
        if scope not in group:
            raise ValueError(f"'{scope}' is not one of {', '.join(sorted(group))}")
        self._preferences[group] = scope
        self._recompute()

    def want_optional(self, scope: str, wanted: bool) -> None:
        """Ask for (or drop) an optional scope a picked endpoint offers (ValueError if none)."""
        if wanted and scope not in self._result.optional:
            raise ValueError(f"no picked endpoint offers '{scope}' as an optional scope")
        self._wanted_optional = (
            self._wanted_optional | {scope} if wanted else self._wanted_optional - {scope}
        )

    def role(self, scope: str) -> ScopeRole | None:
        """How ``scope`` relates to the picked endpoints; None when nothing is picked."""
        if not self._picked:
            return None
        if scope in self._result.reasons:
            return ScopeRole.NEEDED
        if scope in self._result.optional:
            return ScopeRole.OPTIONAL
        if scope in self._mentioned:
            return ScopeRole.ALTERNATIVE
        return ScopeRole.UNRELATED

    def explain(self, scope: str) -> str | None:
        """One line on why the scope is (or is not) needed; None when nothing is picked."""
        role = self.role(scope)
        if role is ScopeRole.NEEDED:
            return self._result.needed_by(scope)
        if role is ScopeRole.OPTIONAL:
            return "optional for: " + "; ".join(
                f"{endpoint.name} ({unlocks})" for endpoint, unlocks in self._result.adds(scope)
            )
        if role is ScopeRole.ALTERNATIVE:
            users = (e.name for e in self.picked if scope in e.requirement.scopes)
            return "an alternative, not chosen, for: " + ", ".join(users)
        if role is ScopeRole.UNRELATED:
            return NOT_NEEDED
        return None

    def unneeded(self, selected: Iterable[str]) -> tuple[str, ...]:
        """The selected scopes no picked endpoint mentions (none while nothing is picked)."""
        return tuple(
            name
            for name in self.catalogue.in_scope_order(selected)
            if self.role(name) is ScopeRole.UNRELATED
        )

    def _recompute(self) -> None:
        endpoints = (self.catalogue.endpoint(i) for i in self._picked)
        self._picked_endpoints = tuple(sorted(endpoints, key=self.catalogue.endpoint_sort_key))
        self._mentioned = frozenset().union(*(e.requirement.scopes for e in self._picked_endpoints))
        self._result = least_scopes(
            self.catalogue,
            self._picked,
            self._preferences,
            library_items=self._library_items,
            mode=self._mode,
        )
        self._wanted_optional &= frozenset(self._result.optional)
