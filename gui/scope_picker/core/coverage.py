"""What a set of granted scopes gives an app: endpoints, consent lines, the scope string."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from scope_picker.core.catalogue import (
    AppMode,
    Catalogue,
    Endpoint,
    OptionalScope,
    RemovedEndpoint,
    Scope,
)


class CoverageLevel(Enum):
    """How far the granted scopes cover one endpoint."""

    FULL = "full"
    """Callable, and every optional scope it knows is granted too."""
    PARTIAL = "partial"
    """Callable, but some data needs an optional scope that is not granted."""
    BLOCKED = "blocked"
    """A granted scope concerns it, but a required scope (or alternative) is missing."""


@dataclass(frozen=True)
class EndpointCoverage:
    """One endpoint's standing under a selection, with what is missing."""

    endpoint: Endpoint
    level: CoverageLevel
    missing_required: tuple[str, ...] = ()
    missing_any_of: tuple[tuple[str, ...], ...] = ()
    missing_optional: tuple[OptionalScope, ...] = ()
    removed: RemovedEndpoint | None = None
    """Set in Development mode when Spotify removed the endpoint for such apps."""
    without_gain: tuple[OptionalScope, ...] = ()
    """Granted optional scopes whose whole gain the app's mode removed (``GET /me``'s email)."""

    @property
    def callable(self) -> bool:
        """True when a token with the selection can call the endpoint (in the app's mode)."""
        return self.level is not CoverageLevel.BLOCKED and self.removed is None

    def explain(self) -> str:
        """One sentence on what is missing, or an empty string when nothing is."""
        if self.removed is not None:
            return unavailable_text(self.removed)
        if self.missing_required or self.missing_any_of:
            needs = list(self.missing_required)
            needs += [" or ".join(group) for group in self.missing_any_of]
            return "also needs " + " and ".join(needs)
        gains = [f"{option.scope} adds {option.unlocks}" for option in self.missing_optional]
        gains += [f"{option.scope} adds {no_gain_text(option)}" for option in self.without_gain]
        return "; ".join(gains)


@dataclass(frozen=True)
class ConsentLine:
    """What Spotify's consent screen says for one scope (None: Spotify publishes nothing)."""

    scope: Scope

    @property
    def text(self) -> str | None:
        """The published "Visible to users" wording."""
        return self.scope.consent


@dataclass(frozen=True)
class Coverage:
    """Everything a selection of scopes means, computed once per change of the selection."""

    scopes: tuple[str, ...]
    endpoints: tuple[EndpointCoverage, ...]
    consent: tuple[ConsentLine, ...]

    @property
    def scope_string(self) -> str:
        """The ``scope`` parameter: single spaces, catalogue order, no duplicates."""
        return " ".join(self.scopes)


def unavailable_text(removed: RemovedEndpoint) -> str:
    """``unavailable in Development mode since 2026-02-11``."""
    return f"unavailable in Development mode since {removed.since}"


def no_gain_text(option: OptionalScope) -> str:
    """``nothing in Development mode: Spotify no longer returns the email address``."""
    return (
        f"nothing in {AppMode.DEVELOPMENT.display_name}: Spotify no longer returns {option.unlocks}"
    )


def evaluate(
    endpoint: Endpoint,
    granted: frozenset[str],
    removed: RemovedEndpoint | None = None,
    emptied: frozenset[str] = frozenset(),
) -> EndpointCoverage:
    """How ``granted`` covers one endpoint.

    ``removed``: the endpoint is unavailable in the app's mode; ``emptied``: optional scopes
    whose whole gain the mode removed, which are then neither missing nor a gain.
    """
    requirement = endpoint.requirement
    missing_required = tuple(name for name in requirement.required if name not in granted)
    missing_any_of = tuple(group for group in requirement.any_of if granted.isdisjoint(group))
    missing_optional = tuple(
        o for o in requirement.optional if o.scope not in granted and o.scope not in emptied
    )
    without_gain = tuple(o for o in requirement.optional if o.scope in granted & emptied)
    if missing_required or missing_any_of:
        level = CoverageLevel.BLOCKED
    elif missing_optional:
        level = CoverageLevel.PARTIAL
    else:
        level = CoverageLevel.FULL
    return EndpointCoverage(
        endpoint, level, missing_required, missing_any_of, missing_optional, removed, without_gain
    )


def cover(
    catalogue: Catalogue,
    selected: Iterable[str],
    previous: Coverage | None = None,
    mode: AppMode = AppMode.DEVELOPMENT,
) -> Coverage:
    """The endpoints, consent lines and scope string for the selected scopes.

    Only endpoints that a selected scope concerns are listed (see ``public_endpoints`` for
    those that need none); the cost follows the selection, not the catalogue's size.
    Given ``previous``, the coverage of an earlier selection from the same catalogue, only
    the endpoints that a scope ticked or unticked since then mentions are looked at again;
    the others keep their entries (the same objects), so a tick costs what it changes and
    listeners can tell unchanged entries by identity. In Development mode (the default: every
    new app starts there) an endpoint Spotify removed for such apps is marked, and not
    callable, and an optional scope whose only gain was a field Spotify removed is neither
    missing nor a gain; ``previous`` must come from the same mode.
    """
    scopes = catalogue.in_scope_order(selected)
    granted = frozenset(scopes)
    if previous is None:
        entries: dict[str, EndpointCoverage] = {}
        changed: Iterable[str] = scopes
        consent = {}
    else:
        entries = {entry.endpoint.id: entry for entry in previous.endpoints}
        changed = granted.symmetric_difference(previous.scopes)
        consent = {line.scope.name: line for line in previous.consent}
    for name in changed:
        for endpoint in catalogue.endpoints_for_scope(name):
            if granted.isdisjoint(endpoint.requirement.scopes):
                entries.pop(endpoint.id, None)
            else:
                entries[endpoint.id] = evaluate(
                    endpoint,
                    granted,
                    removal(catalogue, endpoint, mode),
                    emptied_scopes(catalogue, endpoint, mode),
                )
    ordered = sorted(
        entries.values(), key=lambda entry: catalogue.endpoint_sort_key(entry.endpoint)
    )
    return Coverage(
        scopes=scopes,
        endpoints=tuple(ordered),
        consent=tuple(consent.get(name) or ConsentLine(catalogue.scope(name)) for name in scopes),
    )


def public_endpoints(catalogue: Catalogue) -> tuple[Endpoint, ...]:
    """Web API endpoints that a token with no scope can call, in reference-group order."""
    found = [e for e in catalogue.endpoints if e.requirement.needs_no_scope]
    return tuple(sorted(found, key=catalogue.endpoint_sort_key))


def removal(catalogue: Catalogue, endpoint: Endpoint, mode: AppMode) -> RemovedEndpoint | None:
    """Why an app in ``mode`` cannot call the endpoint; None when it can."""
    if mode is AppMode.EXTENDED:
        return None
    return catalogue.development_mode.removal(endpoint.id)


def emptied_scopes(catalogue: Catalogue, endpoint: Endpoint, mode: AppMode) -> frozenset[str]:
    """The endpoint's optional scopes whose whole gain the app's ``mode`` removed."""
    if mode is AppMode.EXTENDED:
        return frozenset()
    fields = catalogue.development_mode.fields_removed_from(endpoint.id)
    return frozenset() if fields is None else frozenset(fields.emptied_scopes)
