"""View > Theme: System leaves Qt alone; Light and Dark apply at once and are remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.contrast import CONTROL_CONTRAST, contrast_ratio
from scope_picker.core.selection import Selection
from scope_picker.ui.shared.palette import muted_text_colour, rgb
from scope_picker.ui.theme.choice import Theme
from scope_picker.ui.theme.light_dark import ThemedStyle, theme_palette
from scope_picker.ui.theme.theme_menu import THEME_KEY
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

BASE = QPalette.ColorRole.Base


@pytest.fixture(autouse=True)
def restore_look() -> Iterator[None]:
    """Start from Qt's Windows style, so going back to the system's style is visible."""
    original = QApplication.style().name()
    QApplication.setStyle("Windows")
    yield
    QApplication.setStyle(original)
    QApplication.setPalette(QPalette())


def new_window(qtbot: QtBot, catalogue: Catalogue, settings: QSettings) -> MainWindow:
    window = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(window)
    return window


def wait_for_base(qtbot: QtBot, window: MainWindow, colour: QColor) -> None:
    qtbot.waitUntil(lambda: window.consent.palette().color(BASE) == colour)


def test_system_is_the_default_and_changes_nothing(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    platform_base = QApplication.palette().color(BASE)
    window = new_window(qtbot, catalogue, settings)
    assert window.theme_menu.theme is Theme.SYSTEM
    assert window.theme_menu.theme_actions[Theme.SYSTEM].isChecked()
    assert QApplication.style().name() == "windows"
    assert QApplication.palette().color(BASE) == platform_base
    assert not QApplication.testAttribute(Qt.ApplicationAttribute.AA_SetPalette)
    assert settings.value(THEME_KEY) is None


def test_dark_applies_at_once_is_saved_and_system_undoes_it(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    window = new_window(qtbot, catalogue, settings)
    window.show()
    window.adapter.selection.replace(["user-personalized"])
    platform_base = QApplication.palette().color(BASE)

    window.theme_menu.theme_actions[Theme.DARK].trigger()
    dark = theme_palette(Theme.DARK)
    wait_for_base(qtbot, window, dark.color(BASE))
    assert isinstance(QApplication.style(), ThemedStyle)
    assert settings.value(THEME_KEY) == "dark"
    assert window.theme_menu.theme_actions[Theme.DARK].isChecked()
    assert muted_text_colour(dark).name() in window.consent.toHtml()

    window.theme_menu.theme_actions[Theme.SYSTEM].trigger()
    wait_for_base(qtbot, window, platform_base)
    assert QApplication.style().name() == "windows"
    assert not QApplication.testAttribute(Qt.ApplicationAttribute.AA_SetPalette)
    assert settings.value(THEME_KEY) == "system"


def test_light_is_fusions_light_palette_whatever_the_system(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    window = new_window(qtbot, catalogue, settings)
    window.show()
    window.theme_menu.theme_actions[Theme.LIGHT].trigger()
    wait_for_base(qtbot, window, QColor("#ffffff"))
    assert isinstance(QApplication.style(), ThemedStyle)
    assert QApplication.style().baseStyle().name() == "fusion"
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor("#efefef")


def test_a_saved_theme_is_used_by_the_next_window(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    settings.setValue(THEME_KEY, "dark")
    window = new_window(qtbot, catalogue, settings)
    assert window.theme_menu.theme is Theme.DARK
    assert window.theme_menu.theme_actions[Theme.DARK].isChecked()
    assert QApplication.palette().color(BASE) == theme_palette(Theme.DARK).color(BASE)
    assert window.statusBar().currentMessage() == ""


def test_an_unknown_saved_theme_is_ignored_and_named(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    settings.setValue(THEME_KEY, "solarized")
    window = new_window(qtbot, catalogue, settings)
    assert window.theme_menu.theme is Theme.SYSTEM
    assert QApplication.style().name() == "windows"
    assert window.statusBar().currentMessage() == "Ignored saved settings: the theme"


def test_the_theme_menu_is_under_view(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    window = new_window(qtbot, catalogue, settings)
    view_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&View"
    )
    assert window.theme_menu.menuAction() in view_menu.actions()
    assert [action.text() for action in window.theme_menu.actions()] == [
        "&System",
        "&Light",
        "&Dark",
    ]


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_an_empty_check_box_stands_out_on_the_base_colour(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings, theme: Theme
) -> None:
    window = new_window(qtbot, catalogue, settings)
    window.show()
    window.theme_menu.choose(theme)
    wait_for_base(qtbot, window, theme_palette(theme).color(BASE))
    box = window.endpoints.show_public
    assert not box.isChecked()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    base = rgb(box.palette().color(BASE))
    top_edge = [
        rgb(image.pixelColor(x, indicator.top()))
        for x in range(indicator.left() + 2, indicator.right() - 1)
    ]
    assert min(contrast_ratio(pixel, base) for pixel in top_edge) >= CONTROL_CONTRAST
