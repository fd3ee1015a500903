"""The one object that owns which scopes are ticked; everything else listens to it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from scope_picker.core.catalogue import AppMode, Catalogue
from scope_picker.core.coverage import Coverage, cover

Listener = Callable[[Coverage], None]


class Selection:
    """The ticked scopes, and their coverage, recomputed once per change.

    Listeners are called with the new ``Coverage`` after every change that alters the set
    (a whole category ticked at once is one change). Unknown scope names raise ValueError:
    callers parse untrusted text first (``scope_string.parse_scopes``).
    """

    def __init__(self, catalogue: Catalogue, scopes: Iterable[str] = ()) -> None:
        self.catalogue = catalogue
        self._listeners: list[Listener] = []
        self._scopes: frozenset[str] = frozenset()
        self._mode = AppMode.DEVELOPMENT
        self._coverage = cover(catalogue, ())
        self.replace(scopes)

    @property
    def scopes(self) -> tuple[str, ...]:
        """Selected scope names in catalogue order."""
        return self._coverage.scopes

    @property
    def coverage(self) -> Coverage:
        """What the current selection covers."""
        return self._coverage

    @property
    def mode(self) -> AppMode:
        """The app's quota mode the coverage is worked out for (Development by default)."""
        return self._mode

    def set_mode(self, mode: AppMode) -> None:
        """Work the coverage out again for another mode, as one change."""
        if mode is self._mode:
            return
        self._mode = mode
        self._coverage = cover(self.catalogue, self._scopes, mode=mode)
        self._notify()

    def __contains__(self, name: object) -> bool:
        return name in self._scopes

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with the new coverage after each change."""
        self._listeners.append(listener)

    def replace(self, scopes: Iterable[str]) -> None:
        """Make ``scopes`` the whole selection."""
        self._commit(frozenset(scopes))

    def set_selected(self, names: Iterable[str], selected: bool) -> None:
        """Tick (or untick) several scopes as one change."""
        names = frozenset(names)
        self._commit(self._scopes | names if selected else self._scopes - names)

    def toggle(self, name: str) -> None:
        """Flip one scope."""
        self.set_selected((name,), name not in self._scopes)

    def clear(self) -> None:
        """Untick everything."""
        self._commit(frozenset())

    def _commit(self, scopes: frozenset[str]) -> None:
        unknown = sorted(name for name in scopes if not self.catalogue.has_scope(name))
        if unknown:
            raise ValueError(f"not in the catalogue: {', '.join(unknown)}")
        if scopes == self._scopes:
            return
        self._scopes = scopes
        self._coverage = cover(self.catalogue, scopes, self._coverage, self._mode)
        self._notify()

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener(self._coverage)
