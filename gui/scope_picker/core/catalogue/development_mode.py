"""Spotify's rules for apps in Development mode, as the catalogue records them: endpoints
removed for such apps, fields removed from answers, rules that narrow an endpoint, and the
account limits, each with the date and the page that says so."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AppMode(StrEnum):
    """The quota mode of a Spotify app: every new app starts in Development mode."""

    DEVELOPMENT = "development"
    EXTENDED = "extended"

    @property
    def display_name(self) -> str:
        """``Development mode`` or ``Extended quota mode``, as Spotify's dashboard says it."""
        return "Development mode" if self is AppMode.DEVELOPMENT else "Extended quota mode"


@dataclass(frozen=True)
class DatedFact:
    """A dated step of the rollout (``2026-02-11``: new apps get the rules)."""

    date: str
    text: str
    source: str


@dataclass(frozen=True)
class SourcedFact:
    """One rule in words, with the page that states it."""

    text: str
    source: str


@dataclass(frozen=True)
class RemovedEndpoint:
    """An endpoint Development-mode apps can no longer call, since when, and what to use."""

    endpoint_id: str
    since: str
    source: str
    use_instead: str | None = None


@dataclass(frozen=True)
class RemovedFields:
    """Fields Spotify no longer returns to Development-mode apps, and the optional scopes
    that only ever added those fields."""

    endpoint_id: str
    fields: tuple[str, ...]
    source: str
    emptied_scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EndpointRule:
    """A rule that narrows what some endpoints do for Development-mode apps."""

    endpoint_ids: tuple[str, ...]
    text: str
    source: str


@dataclass(frozen=True)
class DevelopmentModeRules:
    """Everything the catalogue knows about Development mode, with look-ups by endpoint."""

    guide_url: str
    changelog_url: str
    dates: tuple[DatedFact, ...] = ()
    account_limits: tuple[SourcedFact, ...] = ()
    removed: tuple[RemovedEndpoint, ...] = ()
    removed_fields: tuple[RemovedFields, ...] = ()
    rules: tuple[EndpointRule, ...] = ()

    def removal(self, endpoint_id: str) -> RemovedEndpoint | None:
        """Why Development-mode apps cannot call this endpoint; None when they can."""
        return next((r for r in self.removed if r.endpoint_id == endpoint_id), None)

    def rules_for(self, endpoint_id: str) -> tuple[EndpointRule, ...]:
        """The rules that narrow this endpoint for Development-mode apps."""
        return tuple(rule for rule in self.rules if endpoint_id in rule.endpoint_ids)

    def fields_removed_from(self, endpoint_id: str) -> RemovedFields | None:
        """The fields this endpoint's answer lost for Development-mode apps, if any."""
        return next((f for f in self.removed_fields if f.endpoint_id == endpoint_id), None)
