"""Copying in every format (remembered between runs), and the Presets menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.presets import presets
from scope_picker.core.scope_string import CopyFormat, format_scopes
from scope_picker.core.selection import Selection
from scope_picker.ui.scope_string.copy_format import COPY_FORMAT_KEY
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

SCOPES = ("playlist-modify-private", "user-read-email", "user-read-private")


def test_the_chooser_lists_every_format_space_first(window: MainWindow) -> None:
    box = window.copy_format
    assert [box.itemText(i) for i in range(box.count())] == [f.label for f in CopyFormat]
    assert box.current_format() is CopyFormat.SPACE
    assert window.scope_string.text() == ""


@pytest.mark.parametrize("fmt", list(CopyFormat))
def test_copy_uses_the_chosen_format(
    window: MainWindow, selection: Selection, fmt: CopyFormat
) -> None:
    selection.replace(SCOPES)
    window.copy_format.setCurrentIndex(list(CopyFormat).index(fmt))
    QGuiApplication.clipboard().setText("untouched")
    window.copy_button.click()
    assert QGuiApplication.clipboard().text() == format_scopes(SCOPES, fmt)
    shape = "" if fmt is CopyFormat.SPACE else f" as {fmt.label}"
    assert window.statusBar().currentMessage() == f"Copied 3 scopes{shape}"
    # The field keeps showing what goes in the authorize URL.
    assert window.scope_string.text() == " ".join(SCOPES)


def test_the_copy_shortcut_uses_the_chosen_format_too(
    window: MainWindow, selection: Selection
) -> None:
    selection.replace(SCOPES)
    window.copy_format.set_format(CopyFormat.JSON)
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        '["playlist-modify-private", "user-read-email", "user-read-private"]'
    )


def test_the_chosen_format_is_remembered(
    qtbot: QtBot, window: MainWindow, catalogue: Catalogue, settings_path: Path
) -> None:
    window.copy_format.set_format(CopyFormat.TEKORE)
    again = MainWindow(
        catalogue, Selection(catalogue), QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(again)
    assert again.copy_format.current_format() is CopyFormat.TEKORE
    assert again.statusBar().currentMessage() == ""


@pytest.mark.parametrize("saved", ["NO_SUCH_FORMAT", "JSON array", "3"])
def test_a_saved_format_that_names_none_falls_back_to_space(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings, saved: str
) -> None:
    settings.setValue(COPY_FORMAT_KEY, saved)
    window = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(window)
    assert window.copy_format.current_format() is CopyFormat.SPACE
    assert window.statusBar().currentMessage() == (
        "Ignored saved settings: the copy format (unknown)"
    )
    assert settings.value(COPY_FORMAT_KEY) is None


def test_the_presets_menu_offers_the_five_presets_with_their_descriptions(
    window: MainWindow, catalogue: Catalogue
) -> None:
    actions = window.presets_menu.actions()
    expected = presets(catalogue)
    assert [a.text() for a in actions] == [p.name for p in expected]
    assert len(actions) == 5
    for action, preset in zip(actions, expected, strict=True):
        assert action.statusTip() == preset.description
        assert action.toolTip().startswith(preset.description)
        assert action.objectName() == f"preset:{preset.id}"
    assert window.presets_menu.menuAction() in window.menuBar().actions()


def test_choosing_a_preset_replaces_the_selection_in_one_change(
    window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["user-top-read"])
    changes: list[Coverage] = []
    selection.subscribe(changes.append)
    for action, preset in zip(window.presets_menu.actions(), presets(catalogue), strict=True):
        action.trigger()
        assert selection.scopes == preset.scopes
        assert window.statusBar().currentMessage() == (
            f"Preset {preset.name}: {len(preset.scopes)} scopes ticked, "
            "replacing the previous selection"
        )
    assert len(changes) == 5


@pytest.mark.usefixtures("active_window")
def test_the_format_chooser_and_the_search_field_are_on_the_tab_chain(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.copy_button.setFocus()
    qtbot.keyClick(window.copy_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.copy_format
    window.scope_tree.setFocus()
    qtbot.keyClick(window.scope_tree, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search.field


def test_a_format_chosen_in_an_earlier_run_shows_in_the_box_and_the_menu_item(
    qtbot: QtBot, window: MainWindow, catalogue: Catalogue, settings: QSettings
) -> None:
    assert window.copy_button.accessibleName() == "Copy scope string"
    window.copy_format.set_format(CopyFormat.TYPESCRIPT_SDK)
    later = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(later)
    assert later.copy_format.currentText() == "Spotify Web API TypeScript SDK"
    assert later.copy_button.accessibleName() == (
        "Copy scope string as Spotify Web API TypeScript SDK"
    )
    assert later.copy_action.text() == "&Copy Scope String as Spotify Web API TypeScript SDK"
    later.copy_format.set_format(CopyFormat.SPACE)
    assert later.copy_button.accessibleName() == "Copy scope string"
    assert later.copy_action.text() == "&Copy Scope String"


@pytest.mark.parametrize("fmt", list(CopyFormat))
def test_the_scope_string_keeps_its_width_at_800_px_whatever_the_format(
    qtbot: QtBot, window: MainWindow, fmt: CopyFormat
) -> None:
    """The button reads "Copy" beside the format box ("Copy as [tekore]"); with the format's
    name on the button too, the field shrank to about 140 px for the TypeScript SDK."""
    window.resize(800, 560)
    window.show()
    qtbot.waitExposed(window)
    window.copy_format.set_format(fmt)
    assert window.copy_button.text() == "&Copy"
    two_scopes = "user-read-playback-state user-modify-playback-state"
    assert window.scope_string.width() >= window.scope_string.fontMetrics().horizontalAdvance(
        two_scopes[: len(two_scopes) * 9 // 10]
    )


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen
def test_a_preset_description_shows_when_reached_by_keyboard(
    qtbot: QtBot, active_window: MainWindow, catalogue: Catalogue
) -> None:
    menu = active_window.presets_menu
    qtbot.keyClick(active_window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible)
    descriptions = {p.name: p.description for p in presets(catalogue)}
    for _ in range(2):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        shown = menu.activeAction().text()
        assert active_window.statusBar().currentMessage() == descriptions[shown]
    menu.close()


def test_a_status_message_does_not_move_the_panes(qtbot: QtBot, active_window: MainWindow) -> None:
    before = active_window.main_splitter.geometry()
    active_window.show_message("Copied 3 scopes")
    qtbot.wait(20)
    assert active_window.main_splitter.geometry() == before
