"""Alt+letter keys: no two controls shown at the same time answer to the same one.

Qt gives an ambiguous mnemonic to each control in turn (and a menu bar title beats a label
for it), so a duplicate means Alt+letter does not go where its underline says. What is shown
together is the menu bar, everything outside the right-hand tabs, and one tab's page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

TAB_PAGES = ["Endpoints and consent", "Authorization URL", "Pick endpoints"]


def mnemonic(text: str) -> str | None:
    """The Alt+letter key a control's text underlines ("Prese&ts" → "Alt+T"), if any."""
    key = QKeySequence.mnemonic(text)
    return key.toString() if not key.isEmpty() else None


def control_text(widget: QWidget) -> str | None:
    """The text whose mnemonic moves focus: a buddied label, a button, a checkable group box."""
    if isinstance(widget, QLabel):
        return widget.text() if widget.buddy() is not None else None
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return widget.title()
    return None


def shown_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(key, text) for the menu bar's titles and every control shown in the window."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [
        text
        for widget in window.centralWidget().findChildren(QWidget)
        if widget.isVisible() and (text := control_text(widget))
    ]
    return [(key, text) for text in texts if (key := mnemonic(text))]


def duplicates(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    pairs = list(pairs)
    counts = Counter(key for key, _ in pairs)
    return {
        key: [text for other, text in pairs if other == key]
        for key, count in counts.items()
        if count > 1
    }


@pytest.fixture
def shown_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.mark.parametrize("page", TAB_PAGES)
def test_no_two_controls_shown_together_share_an_alt_key(
    shown_window: MainWindow, page: str
) -> None:
    tabs = shown_window.right_tabs
    tabs.setCurrentIndex(TAB_PAGES.index(page))
    assert tabs.tabText(tabs.currentIndex()) == page
    found = shown_mnemonics(shown_window)
    assert len(found) >= 8, found  # the menu bar's titles and the panes' headings at least
    assert duplicates(found) == {}


def test_the_token_request_label_keeps_clear_of_the_presets_menu(
    shown_window: MainWindow,
) -> None:
    """Alt+T opens Prese&ts; the Token request label answers to a key of its own."""
    shown_window.show_authorize_action.trigger()
    [label] = [
        w
        for w in shown_window.authorize.findChildren(QLabel)
        if w.buddy() is shown_window.authorize.token_request_view
    ]
    presets_key = mnemonic(shown_window.presets_menu.title())
    assert presets_key == "Alt+T"
    assert mnemonic(label.text()) not in (None, presets_key)


def _menus(menu: QMenu) -> list[QMenu]:
    """A menu and every submenu in it."""
    return [
        menu,
        *(inner for action in menu.actions() if (sub := action.menu()) for inner in _menus(sub)),
    ]


def test_each_menu_gives_its_items_distinct_keys(window: MainWindow) -> None:
    menus = [m for a in window.menuBar().actions() if (top := a.menu()) for m in _menus(top)]
    assert len(menus) >= 5
    for menu in menus:
        found = [(key, a.text()) for a in menu.actions() if (key := mnemonic(a.text()))]
        assert duplicates(found) == {}, menu.title()


def test_no_window_shortcut_is_bound_twice_or_to_an_alt_key(shown_window: MainWindow) -> None:
    """Every window-wide shortcut does one thing, and no underlined letter is taken from it."""
    window_wide = {Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut}
    keys = [
        (key.toString(), action.text())
        for action in shown_window.findChildren(QAction)
        if action.shortcutContext() in window_wide
        for key in action.shortcuts()
    ]
    assert len(keys) >= 8
    assert duplicates(keys) == {}
    alt_keys = {key for page in range(len(TAB_PAGES)) for key, _ in _on_page(shown_window, page)}
    assert alt_keys.isdisjoint(key for key, _ in keys)


def _on_page(window: MainWindow, page: int) -> list[tuple[str, str]]:
    window.right_tabs.setCurrentIndex(page)
    return shown_mnemonics(window)
