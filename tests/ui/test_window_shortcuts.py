"""Every window key in the README's key table works from every focus stop, unless the focused
control uses that key itself (a text field keeps Ctrl+V and Ctrl+Z for its own text).

The keys are pressed on the focused widget as a user would (``QTest`` sends the shortcut
override first, so a control that claims a key keeps it); each action reports the shortcut it
received instead of acting, so one window serves the whole table.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

TABS = ["Endpoints and consent", "Authorization URL", "Pick endpoints"]


class ShortcutCatcher(QObject):
    """Takes the shortcut events sent to the watched actions, noting which action got one."""

    def __init__(self) -> None:
        super().__init__()
        self.caught: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.caught.append(watched.objectName())
            return True
        return False


def window_keys(window: MainWindow) -> dict[str, QAction]:
    """The README's window-wide keys and the action each one triggers."""
    return {
        "Ctrl+Shift+C": window.copy_action,
        "Ctrl+Shift+V": window.import_action,
        "Ctrl+F": window.find_action,
        "Ctrl+E": window.show_coverage_action,
        "Ctrl+U": window.show_authorize_action,
        "Ctrl+K": window.show_picker_action,
        "F1": window.scope_documentation_action,
        "Ctrl+Q": window.quit_action,
        # Outside text fields only:
        "Ctrl+V": window.paste_action,
        "Ctrl+Z": window.undo_action,
    }


TEXT_FIELD_KEYS = {"Ctrl+V", "Ctrl+Z"}


def is_text_field(widget: QWidget) -> bool:
    """A control where the user edits text, which keeps paste and undo for that text."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


def focus_stops(window: MainWindow) -> list[QWidget]:
    """The controls Tab reaches on the page shown: visible, enabled, taking focus by Tab."""
    return [
        widget
        for widget in window.centralWidget().findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    ]


@pytest.fixture
def catching(active_window: MainWindow) -> Iterator[tuple[MainWindow, ShortcutCatcher]]:
    window = active_window
    window.authorize  # noqa: B018 (built on first use; its fields are focus stops too)
    window.picker  # noqa: B018
    window.edits.import_scope_text("streaming", "a test")  # something for the undo key
    catcher = ShortcutCatcher()
    actions = window_keys(window).values()
    for action in actions:
        action.installEventFilter(catcher)
    try:
        yield window, catcher
    finally:
        for action in actions:
            action.removeEventFilter(catcher)


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_every_window_key_works_from_every_focus_stop(
    qtbot: QtBot, catching: tuple[MainWindow, ShortcutCatcher], tab: int
) -> None:
    window, catcher = catching
    window.right_tabs.setCurrentIndex(tab)
    assert window.undo_action.isEnabled()
    stops = focus_stops(window)
    assert len(stops) > 8
    dead: list[str] = []
    for widget in stops:
        for key, action in window_keys(window).items():
            if key in TEXT_FIELD_KEYS and is_text_field(widget):
                continue
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            assert QApplication.focusWidget() is widget
            catcher.caught.clear()
            sequence = QKeySequence(key)
            combo = sequence[0]
            qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
            if catcher.caught != [action.objectName()]:
                dead.append(f"{key} in {widget.objectName()} ({type(widget).__name__})")
    assert dead == [], "\n".join(dead)


def test_ctrl_e_and_ctrl_u_switch_pages_from_search_and_leave_its_text(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    """On X11 the search field's own bindings (end of line, delete the line) took both keys."""
    window = active_window
    field = window.search.field
    field.setFocus()
    qtbot.keyClicks(field, "playback")
    qtbot.keyClick(field, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.right_tabs.currentIndex() == TABS.index("Authorization URL")
    assert QApplication.focusWidget() is window.authorize.client_id_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.right_tabs.currentIndex() == TABS.index("Endpoints and consent")
    assert QApplication.focusWidget() is window.endpoints.view
    assert field.text() == "playback"
