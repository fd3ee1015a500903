"""The ticked scopes as saved between runs, and how a saved value is read back.

The saved value is the scope string itself. Whatever comes back is untrusted (a settings file
from an older version, edited by hand or damaged): reading it never raises, keeps the known
scopes and names what it ignored, briefly, so the window can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scope_picker.core.catalogue import Catalogue

NAMES_SHOWN = 3
"""At most this many ignored names are quoted; the rest are counted."""
NAME_LENGTH_SHOWN = 40
"""Longer ignored names (garbage, most likely) are cut to this length in messages."""


@dataclass(frozen=True)
class RestoredScopes:
    """The known scopes read from a saved value, and a phrase naming what was ignored."""

    scopes: tuple[str, ...]
    ignored: str | None = None


def saved_value(scopes: Sequence[str]) -> str:
    """The value to save for these scopes (catalogue order expected): the scope string."""
    return " ".join(scopes)


def restore_scopes(catalogue: Catalogue, stored: object) -> RestoredScopes:
    """Read a saved value back; ``None`` (nothing saved) restores an empty selection."""
    if stored is None:
        return RestoredScopes(())
    if not isinstance(stored, str):
        return RestoredScopes((), f"the saved scopes ({type(stored).__name__}, not text)")
    names = stored.split()
    known = [name for name in names if catalogue.has_scope(name)]
    unknown = list(dict.fromkeys(name for name in names if not catalogue.has_scope(name)))
    return RestoredScopes(catalogue.in_scope_order(known), _unknown_phrase(unknown))


def _unknown_phrase(unknown: Sequence[str]) -> str | None:
    if not unknown:
        return None
    quoted = [f"'{_shorten(name)}'" for name in unknown[:NAMES_SHOWN]]
    more = len(unknown) - NAMES_SHOWN
    if more > 0:
        quoted.append(f"{more} more")
    noun = "scope" if len(unknown) == 1 else "scopes"
    return f"unknown saved {noun} {', '.join(quoted)}"


def _shorten(name: str) -> str:
    """Printable and short: damaged settings can hold control characters and long runs."""
    printable = "".join(char if char.isprintable() else "?" for char in name)
    if len(printable) <= NAME_LENGTH_SHOWN:
        return printable
    return printable[: NAME_LENGTH_SHOWN - 1] + "…"
