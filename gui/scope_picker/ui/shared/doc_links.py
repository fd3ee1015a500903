"""Opening Spotify's documentation for a scope or endpoint in the user's browser.

The app itself never goes online: it hands the address to the desktop, which opens it in
the browser. Views ask for a page through signals; the window opens it and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu


def open_documentation(url: str) -> str:
    """Open ``url`` in the browser; the status-bar message that says what happened."""
    from PySide6.QtCore import QUrl  # deferred: creating its enums costs a start
    from PySide6.QtGui import QDesktopServices

    if QDesktopServices.openUrl(QUrl(url)):
        return f"Opened {url} in your browser"
    return f"Could not open a browser: the documentation is at {url}"


class OpenDocumentationAction(QAction):
    """Opens the documentation of the current row of ``view``; disabled on rows without any.

    The action is the view's context menu (right click, or the Menu key, on a row) and
    answers its ``shortcuts``. It does not open anything itself: it emits :attr:`requested`
    with the address.
    """

    requested = Signal(str)

    def __init__(
        self,
        text: str,
        view: QAbstractItemView,
        url_at: Callable[[QModelIndex | QPersistentModelIndex], str | None],
        shortcuts: Sequence[QKeySequence],
        shortcut_context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
    ) -> None:
        super().__init__(text, view)
        self._view = view
        self._url_at = url_at
        self.setShortcuts(list(shortcuts))
        self.setShortcutContext(shortcut_context)
        self.triggered.connect(lambda: self.open_at(view.currentIndex()))
        view.addAction(self)
        self.context_menu = QMenu(view)
        self.context_menu.setObjectName(f"{view.objectName()}ContextMenu")
        self.context_menu.addAction(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_menu)
        view.selectionModel().currentChanged.connect(self._follow_current)
        view.model().modelReset.connect(self._follow_current)
        self._follow_current()

    def open_at(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Ask for the documentation of the row at ``index``, if it has any."""
        url = self._url_at(index)
        if url is not None:
            self.requested.emit(url)

    def _follow_current(self) -> None:
        self.setEnabled(self._url_at(self._view.currentIndex()) is not None)

    def _show_menu(self, position: QPoint) -> None:
        # A right click has already made the row under the pointer current; the Menu key
        # opens the menu for the current row.
        self._follow_current()
        self.context_menu.popup(self._view.viewport().mapToGlobal(position))
