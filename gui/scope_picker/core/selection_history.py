"""Undo and redo for the ticked scopes: every change of a ``Selection`` is one step."""

from __future__ import annotations

from collections.abc import Callable

from scope_picker.core.coverage import Coverage
from scope_picker.core.selection import Selection

HISTORY_LIMIT = 500
"""Steps kept for undo; the oldest go first. A step is a tuple of scope names."""


class SelectionHistory:
    """The sets of ticked scopes a ``Selection`` moved away from, so that a paste, a preset
    or an endpoint pick that replaced a careful selection can be taken back.

    It listens to the selection, so every change is one step however it was made (a whole
    category ticked at once is one change). Undo and redo change the selection too, but are
    not recorded as new steps; a new change after an undo drops what could have been redone.
    Listeners are called after every change of what can be undone or redone.
    """

    def __init__(self, selection: Selection, limit: int = HISTORY_LIMIT) -> None:
        self._selection = selection
        self._limit = limit
        self._undo: list[tuple[str, ...]] = []
        self._redo: list[tuple[str, ...]] = []
        self._current = selection.scopes
        self._stepping = False
        self._listeners: list[Callable[[], None]] = []
        selection.subscribe(self._record)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever ``can_undo`` or ``can_redo`` may have changed."""
        self._listeners.append(listener)

    @property
    def can_undo(self) -> bool:
        """True when there is an earlier selection to go back to."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when an undone change can be made again."""
        return bool(self._redo)

    def undo(self) -> bool:
        """Go back to the selection before the last change; False when there is none."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        """Make the last undone change again; False when there is none."""
        return self._step(self._redo, self._undo)

    def forget(self) -> None:
        """Start afresh from the current selection (say, once saved settings are restored)."""
        self._undo.clear()
        self._redo.clear()
        self._notify()

    def _step(self, source: list[tuple[str, ...]], target: list[tuple[str, ...]]) -> bool:
        if not source:
            return False
        scopes = source.pop()
        target.append(self._current)
        self._stepping = True
        try:
            self._selection.replace(scopes)
        finally:
            self._stepping = False
        self._notify()
        return True

    def _record(self, coverage: Coverage) -> None:
        previous, self._current = self._current, coverage.scopes
        if self._stepping:
            return  # an undo or redo: ``_step`` has moved the steps and notifies
        self._undo.append(previous)
        del self._undo[: max(0, len(self._undo) - self._limit)]
        self._redo.clear()
        self._notify()

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
