"""Help > About: this build's version, the catalogue's version and sources, the promises."""

from __future__ import annotations

import json
import sys
from html import escape
from pathlib import Path

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
    assert (
        escape(
            "makes no network call until you ask it to go live (Get token, Try it, Probe), and "
            "then talks only to Spotify's accounts and API hosts"
        )
        in text
    )
    assert "keeps a token in memory only" in text
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


def test_about_names_the_licences_of_what_the_app_runs_on(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    help_action(window, "aboutAction").trigger()
    [text] = shown
    assert "<li>Qt, PySide6 and Shiboken6: LGPL-3.0-only</li>" in text
    assert "<li>Python: PSF-2.0</li>" in text
    assert "in the Python environment the app runs from" in text


def test_frozen_about_lists_every_bundled_component_and_where_the_texts_are(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    licences = tmp_path / "licenses"
    licences.mkdir()
    (licences / "components.json").write_text(
        json.dumps(
            [
                {"name": "ICU (International Components for Unicode)", "licence": "ICU"},
                {"name": "libxcb1 (Debian package)", "licence": "see debian/libxcb1.txt"},
                {"name": "Qt, PySide6 and Shiboken6", "licence": "LGPL-3.0-only"},
            ]
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    help_action(window, "aboutAction").trigger()
    [text] = shown
    assert "<li>ICU (International Components for Unicode): ICU</li>" in text
    assert "<li>libxcb1 (Debian package): see debian/libxcb1.txt</li>" in text
    assert f"Their licence texts are in {licences}" in text
    assert "Qt-NOTICE.txt" in text
