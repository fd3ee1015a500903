"""Ready-made selections for common kinds of app, each explained in a sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scope_picker.core.catalogue import Catalogue, Scope, ScopeNote


@dataclass(frozen=True)
class Preset:
    """A named selection; ``scopes`` are in catalogue order."""

    id: str
    name: str
    description: str
    scopes: tuple[str, ...]


def _reads(scope: Scope) -> bool:
    return "read" in scope.name.split("-") and ScopeNote.PARTNER_ONLY not in scope.notes


def _named(*names: str) -> Callable[[Scope], bool]:
    return lambda scope: scope.name in names


_PRESETS: tuple[tuple[str, str, str, Callable[[Scope], bool]], ...] = (
    (
        "read-only",
        "Read-only",
        "Everything an app can read about the user, nothing it can change.",
        _reads,
    ),
    (
        "library",
        "Library",
        "Read and manage the user's saved tracks, albums, episodes, shows and audiobooks.",
        _named("user-library-read", "user-library-modify"),
    ),
    (
        "playback-control",
        "Playback control",
        "See what is playing and control playback on the user's devices (Premium for control).",
        _named(
            "user-read-playback-state", "user-modify-playback-state", "user-read-currently-playing"
        ),
    ),
    (
        "web-playback-sdk",
        "Web Playback SDK",
        "Play in the browser with the Web Playback SDK, as Spotify's SDK guide asks "
        "(Premium accounts).",
        _named("streaming", "user-read-email", "user-read-private"),
    ),
    (
        "all-but-partner",
        "Everything except partner-only",
        "Every scope but the Open Access ones, which only approved partners can use.",
        lambda scope: ScopeNote.PARTNER_ONLY not in scope.notes,
    ),
)


def presets(catalogue: Catalogue) -> tuple[Preset, ...]:
    """The presets, resolved against the catalogue."""
    return tuple(
        Preset(preset_id, name, description, tuple(s.name for s in catalogue.scopes if wanted(s)))
        for preset_id, name, description, wanted in _PRESETS
    )
