"""Help > About: this build's version, the catalogue's version and sources, the promises."""

from __future__ import annotations

from html import escape

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from scope_picker import __version__
from scope_picker.core.catalogue import Catalogue
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def help_action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert isinstance(action, QAction), name
    return action


def test_about_names_versions_sources_licence_and_promises(
    window: MainWindow, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.append((parent, title, text))
    )
    help_action(window, "aboutAction").trigger()
    [(parent, title, text)] = shown
    assert parent is window
    assert title == "About Scope Picker"
    assert f"Scope Picker {__version__}" in text
    assert f"Scope catalogue {catalogue.version}" in text
    dates = [source.date for source in catalogue.sources]
    assert dates == ["2026-12-04", "2026-12-04"]  # the days the snapshots were taken
    for source in catalogue.sources:
        assert f"captured {source.date}" in text
        assert escape(source.title) in text
    assert "version 2026.5.31" in text
    assert "MIT License" in text
    assert "makes no network calls" in text
    assert "client secret" in text
    assert "Spotify is a trademark of Spotify AB" in text
    assert "not affiliated" in text


def test_about_qt_shows_qts_own_box(window: MainWindow) -> None:
    titles: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        titles.append(box.windowTitle())
        box.close()

    QTimer.singleShot(0, close_box)
    help_action(window, "aboutQtAction").trigger()
    assert titles == ["About Qt"]
