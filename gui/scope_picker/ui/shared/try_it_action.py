"""Try It on an endpoint row: the view's context menu and a key ask the window to open the
endpoint's request panel. Only Web API rows (a method and a path) can be tried."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu

from scope_picker.core.catalogue import Endpoint

TRY_IT_SHORTCUT = QKeySequence("Ctrl+T")


class TryItAction(QAction):
    """Emits :attr:`requested` with the current row's endpoint id; disabled elsewhere.

    It joins the view's context ``menu`` when the view has one, or becomes the view's own.
    """

    requested = Signal(str)

    def __init__(
        self,
        view: QAbstractItemView,
        endpoint_at: Callable[[QModelIndex | QPersistentModelIndex], Endpoint | None],
        menu: QMenu | None = None,
    ) -> None:
        super().__init__("&Try It…", view)
        self.setObjectName(f"{view.objectName()}TryItAction")
        self.setShortcut(TRY_IT_SHORTCUT)
        self.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.setStatusTip("Send this endpoint's request with a live token (goes online)")
        self._view = view
        self._endpoint_at = endpoint_at
        view.addAction(self)
        if menu is None:
            menu = QMenu(view)
            menu.setObjectName(f"{view.objectName()}ContextMenu")
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._show_menu)
        self.context_menu = menu
        menu.addAction(self)
        menu.aboutToShow.connect(self._follow_current)
        view.selectionModel().currentChanged.connect(self._follow_current)
        view.model().modelReset.connect(self._follow_current)
        self.triggered.connect(self._try_current)
        self._follow_current()

    def _show_menu(self, position: QPoint) -> None:
        self.context_menu.popup(self._view.viewport().mapToGlobal(position))

    def _triable(self) -> Endpoint | None:
        endpoint = self._endpoint_at(self._view.currentIndex())
        if endpoint is None or endpoint.method is None or endpoint.path is None:
            return None
        return endpoint

    def _follow_current(self) -> None:
        self.setEnabled(self._triable() is not None)

    def _try_current(self) -> None:
        endpoint = self._triable()
        if endpoint is not None:
            self.requested.emit(endpoint.id)
