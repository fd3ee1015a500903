"""Shared fixtures: the real catalogue, a fresh selection, settings in a temp file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.selection import Selection
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.window.main_window import MainWindow


@pytest.fixture
def selection(catalogue: Catalogue) -> Selection:
    return Selection(catalogue)


@pytest.fixture
def adapter(selection: Selection) -> SelectionAdapter:
    return SelectionAdapter(selection)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qtbot: QtBot, catalogue: Catalogue, selection: Selection, settings: QSettings
) -> MainWindow:
    window = MainWindow(catalogue, selection, settings)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def active_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window shown and active, so that window shortcuts and key clicks reach it."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window
