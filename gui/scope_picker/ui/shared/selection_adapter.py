"""Lets Qt widgets listen to the core's ``Selection`` through a signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.selection import Selection


class SelectionAdapter(QObject):
    """Re-emits every change of a ``Selection`` as ``changed(Coverage)``.

    The selection stays the one owner of the ticked scopes: views change it through
    ``selection`` and redraw on ``changed``, so none of them keeps a copy that could drift.
    The adapter must live as long as the selection it listens to (one window, one selection).
    """

    changed = Signal(object)

    def __init__(self, selection: Selection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.selection = selection
        selection.subscribe(self.changed.emit)

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the selection draws from."""
        return self.selection.catalogue
