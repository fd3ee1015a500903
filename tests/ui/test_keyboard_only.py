"""The whole job without a mouse, and every control tells assistive technology what it is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from scope_picker.ui.errors.error_dialog import ErrorDialog
from scope_picker.ui.scopes.scope_tree_model import SCOPE_NAME_ROLE
from scope_picker.ui.search.search_bar import find_keys
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class MouseEventCounter(QObject):
    """Counts every mouse event the application delivers, to any object."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        del watched
        if event.type() in MOUSE_EVENTS:
            self.seen.append(event.type())
        return False


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def keyboard_only(qtbot: QtBot, window: MainWindow, qapp: QApplication) -> Iterator[MainWindow]:
    """The window shown and active, the clipboard primed; no mouse event may reach the app."""
    mice = MouseEventCounter()
    qapp.installEventFilter(mice)
    try:
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        QGuiApplication.clipboard().setText("untouched")
        yield window
    finally:
        qapp.removeEventFilter(mice)
    assert mice.seen == []


def tick_and_copy_the_current_scope(qtbot: QtBot, window: MainWindow) -> None:
    """Space ticks the current row (streaming), Ctrl+Shift+C copies it."""
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.scope_string.text() == "streaming"
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == "streaming"
    assert window.statusBar().currentMessage() == "Copied 1 scope"


def current_scope(window: MainWindow) -> str | None:
    name = window.scope_tree.currentIndex().data(SCOPE_NAME_ROLE)
    return None if name is None else str(name)


def test_type_ahead_tick_and_copy_with_the_keyboard_alone(
    qtbot: QtBot, keyboard_only: MainWindow
) -> None:
    window = keyboard_only
    assert focused() is window.scope_tree  # a keyboard user starts in the scope list
    qtbot.keyClicks(focused(), "strea")  # type-ahead finds the scope by its name
    assert current_scope(window) == "streaming"
    tick_and_copy_the_current_scope(qtbot, window)


def test_find_tick_and_copy_with_the_keyboard_alone(
    qtbot: QtBot, keyboard_only: MainWindow
) -> None:
    """Ctrl+F, type, Tab into the list, Down to the scope, Space, Ctrl+Shift+C, Esc."""
    window = keyboard_only
    qtbot.keySequence(focused(), find_keys())
    assert focused() is window.search.field
    qtbot.keyClicks(focused(), "streaming")
    assert window.search.count.text() == "1 scope in Scopes, 1 endpoint in Pick endpoints"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.scope_tree
    assert window.scope_tree.currentIndex().data() == "Playback"  # the one category shown
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert current_scope(window) == "streaming"
    tick_and_copy_the_current_scope(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the list has no use for Esc: the search ends
    assert window.search.query == ""
    assert focused() is window.scope_tree
    assert current_scope(window) == "streaming"
    assert window.scope_string.text() == "streaming"


def test_the_mouse_event_counter_sees_a_click(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    """The counter above would notice a mouse: a real (synthesised) click shows up in it."""
    mice = MouseEventCounter()
    window.show()
    qapp.installEventFilter(mice)
    try:
        qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    finally:
        qapp.removeEventFilter(mice)
    assert QEvent.Type.MouseButtonPress in mice.seen


def _focusable(top: QWidget) -> list[QWidget]:
    """Every widget under ``top`` that can take focus, shown or not (hidden ones appear later)."""
    return [
        widget
        for widget in [top, *top.findChildren(QWidget)]
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def _explained(widget: QWidget) -> bool:
    """Named, with an accessible name and a tooltip. The arrows Qt adds to a crowded tab bar
    come with Qt's own names ("Scroll Left") and no tooltip; they are not the app's to label."""
    if isinstance(widget.parentWidget(), QTabBar) and isinstance(widget, QToolButton):
        return bool(widget.objectName() and widget.accessibleName())
    return bool(widget.objectName() and widget.accessibleName() and widget.toolTip())


@pytest.mark.parametrize("which", ["main window", "error dialog"])
def test_every_focusable_widget_has_a_name_and_a_tooltip(
    qtbot: QtBot, window: MainWindow, which: str
) -> None:
    top: QWidget = window
    window.authorize  # noqa: B018 (built on first use: its widgets are checked too)
    if which == "error dialog":
        top = ErrorDialog("RuntimeError: x", "details", window)
        qtbot.addWidget(top)
    widgets = _focusable(top)
    assert widgets
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if not _explained(w)]
    assert unnamed == []


def tab_walk(qtbot: QtBot, steps: int, *, back: bool = False) -> list[str]:
    """The object names the focus visits, from the focused widget, pressing Tab (or
    Shift+Tab) ``steps`` times."""
    visited = [focused().objectName()]
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    for _ in range(steps):
        qtbot.keyClick(focused(), key)
        visited.append(focused().objectName())
    return visited


# The README's key table: "search, scopes, details (and each link in it), the right-hand
# page, scope string, Copy, copy format"; then Tab starts again at the search field.
TAB_ROW = [
    "searchField",
    "scopeTree",
    "scopeDetails",
    "rightTabBar",
    "showPublicEndpoints",
    "endpointList",
    "consentPreview",
    "scopeString",
    "copyScopeStringButton",
    "copyFormat",
]


def test_tab_goes_round_the_window_and_back_to_search(
    qtbot: QtBot, keyboard_only: MainWindow
) -> None:
    keyboard_only.search.field.setFocus()
    assert tab_walk(qtbot, len(TAB_ROW)) == [*TAB_ROW, "searchField"]
    assert tab_walk(qtbot, len(TAB_ROW), back=True) == ["searchField", *reversed(TAB_ROW)]


def test_a_report_and_a_notice_above_the_panes_are_reached_where_they_show(
    qtbot: QtBot, keyboard_only: MainWindow
) -> None:
    """Top to bottom: the search field, then the import report's controls and the drift
    notice's buttons, then the panes; never after the copy format."""
    window = keyboard_only
    window.edits.import_scope_text("user-read-emial streaming", "clipboard")
    window.picker.model.set_picked(["get-current-users-profile", "get-queue"], True)
    window.adapter.selection.replace(["streaming"])
    assert window.import_report.isVisible()
    assert window.drift_notice.isVisible()
    window.search.field.setFocus()
    above_the_panes = [
        "importReportScroller",
        "useSuggestedScopes",
        "dismissImportReport",
        "fitTicksToPicks",
        "keepTicksDropPicks",
    ]
    row = [TAB_ROW[0], *above_the_panes, *TAB_ROW[1:]]
    assert tab_walk(qtbot, len(row)) == [*row, "searchField"]


def test_the_authorization_page_is_reached_between_the_tab_bar_and_the_scope_string(
    qtbot: QtBot, keyboard_only: MainWindow
) -> None:
    window = keyboard_only
    window.show_tab(1)
    panel = window.authorize
    window.right_tabs.tabBar().setFocus()
    stops = [w for w in panel.findChildren(QWidget) if w.isVisibleTo(window) and w.isEnabled()]
    tabbable = [w.objectName() for w in stops if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tabbable[0] == "clientIdEdit"
    walked = tab_walk(qtbot, len(tabbable) + 4)
    assert walked == [
        "rightTabBar",
        *tabbable,
        "scopeString",
        "copyScopeStringButton",
        "copyFormat",
        "searchField",
    ]


def test_a_crowded_tab_bar_adds_no_tab_stop(qtbot: QtBot, keyboard_only: MainWindow) -> None:
    """At 1280x800 and scale 2 (640x390 for the window) the tab bar needs its scroll arrows;
    Tab went from the copy format to the "Scroll Right" arrow before the search field."""
    window = keyboard_only
    window.resize(640, 390)
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in window.right_tabs.tabBar().findChildren(QToolButton))
    )
    window.search.field.setFocus()
    assert tab_walk(qtbot, len(TAB_ROW)) == [*TAB_ROW, "searchField"]
