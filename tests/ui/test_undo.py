"""Edit > Undo and Redo: a paste, preset or tick that went wrong can be taken back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.presets import presets
from scope_picker.core.selection import Selection
from scope_picker.ui.window.main_window import MainWindow
from scope_picker.ui.window.window_settings import SCOPES_KEY

pytestmark = pytest.mark.gui


def press(qtbot: QtBot, window: MainWindow, key: QKeySequence.StandardKey) -> None:
    """The standard key on the scope tree, where a keyboard user is after ticking."""
    window.scope_tree.setFocus()
    qtbot.keySequence(window.scope_tree, key)


def tick(window: MainWindow, name: str) -> None:
    """Tick a scope through the tree's model, the way a click lands."""
    index = window.scope_model.index_of_scope(name)
    assert window.scope_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_a_paste_that_replaced_the_ticks_is_undone_and_redone_with_the_keys(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    tick(active_window, "streaming")
    tick(active_window, "user-top-read")
    QGuiApplication.clipboard().setText("user-read-email")
    press(qtbot, active_window, QKeySequence.StandardKey.Paste)
    assert selection.scopes == ("user-read-email",)

    press(qtbot, active_window, QKeySequence.StandardKey.Undo)
    assert selection.scopes == ("streaming", "user-top-read")
    assert active_window.scope_string.text() == "streaming user-top-read"
    assert active_window.statusBar().currentMessage() == "Undone: 2 scopes ticked"
    assert active_window.redo_action.isEnabled()

    press(qtbot, active_window, QKeySequence.StandardKey.Redo)
    assert selection.scopes == ("user-read-email",)
    assert active_window.statusBar().currentMessage() == "Redone: 1 scope ticked"
    assert not active_window.redo_action.isEnabled()


def test_undo_steps_back_one_change_at_a_time_to_the_start(
    active_window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    assert not active_window.undo_action.isEnabled()
    tick(active_window, "streaming")
    active_window.edits.apply_preset(presets(catalogue)[0])
    assert active_window.undo_action.isEnabled()
    active_window.undo_action.trigger()
    assert selection.scopes == ("streaming",)
    active_window.undo_action.trigger()
    assert selection.scopes == ()
    assert not active_window.undo_action.isEnabled()
    active_window.undo_action.trigger()  # the key with nothing to undo changes nothing
    assert selection.scopes == ()


def test_the_selection_restored_at_start_is_where_undo_stops(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    settings.setValue(SCOPES_KEY, "user-read-email streaming")
    selection = Selection(catalogue)
    window = MainWindow(catalogue, selection, settings)
    qtbot.addWidget(window)
    assert selection.scopes == ("streaming", "user-read-email")
    assert not window.undo_action.isEnabled()
    tick(window, "user-top-read")
    window.undo_action.trigger()
    assert selection.scopes == ("streaming", "user-read-email")
    assert not window.undo_action.isEnabled()


def test_the_search_field_keeps_the_undo_key_for_its_text(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    tick(active_window, "streaming")
    field = active_window.search.field
    field.setFocus()
    qtbot.keyClicks(field, "play")
    qtbot.keySequence(field, QKeySequence.StandardKey.Undo)
    assert field.text() == ""
    assert selection.scopes == ("streaming",)


def test_undo_and_redo_are_in_the_edit_menu(active_window: MainWindow) -> None:
    edit_menu = next(
        action.menu() for action in active_window.menuBar().actions() if action.text() == "&Edit"
    )
    assert edit_menu.actions()[:2] == [active_window.undo_action, active_window.redo_action]
