"""Damaged input never reaches the user as a traceback: a broken catalogue stops the app with
a message and a non-zero exit, garbage settings give defaults and a note, a clipboard that
refuses text is reported by every Copy button."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from run_app import run_app

import scope_picker
from scope_picker import APP_NAME, ORGANIZATION_NAME
from scope_picker.app import EXIT_CATALOGUE_ERROR
from scope_picker.core.resources import CATALOGUE_FILE
from scope_picker.ui.errors.error_dialog import ErrorDialog
from scope_picker.ui.window import edits as edits_module
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def _truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")


def _future_format(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"format": 2', '"format": 99', 1), encoding="utf-8")


def _not_utf8(path: Path) -> None:
    path.write_bytes(b"\xff\xfe{" + bytes(range(128, 256)))


# (how the file is broken, what the message must say)
BROKEN_CATALOGUES: list[tuple[Callable[[Path], None], str]] = [
    (_truncate, "the catalogue is not valid JSON (line "),
    (_future_format, "field 'format' is 99, this app reads format 2"),
    (_not_utf8, f"cannot read the catalogue file {CATALOGUE_FILE}"),
    (Path.unlink, f"cannot read the catalogue file {CATALOGUE_FILE}"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damage", "reason"), BROKEN_CATALOGUES, ids=["truncated", "format", "not-utf8", "missing"]
)
def test_a_broken_catalogue_is_a_message_and_exit_code_1(
    tmp_path: Path, damage: Callable[[Path], None], reason: str
) -> None:
    """The installed package, copied with its catalogue damaged, runs in a child process."""
    site = tmp_path / "site"
    shutil.copytree(
        Path(scope_picker.__file__).parent,
        site / "scope_picker",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    damage(site / "scope_picker" / "resources" / CATALOGUE_FILE)
    result, report = run_app("start", tmp_path, python_path=site)
    assert report["package"].startswith(str(site))
    assert result.returncode == report["exit_code"] == EXIT_CATALOGUE_ERROR == 1
    assert "Traceback" not in result.stderr
    [dialog] = report["dialogs"]
    assert dialog["class"] == "QMessageBox"
    assert dialog["title"] == APP_NAME
    assert dialog["text"].startswith("Scope Picker cannot start: its scope catalogue is broken.")
    assert reason in dialog["text"]
    assert report["steps"] == []  # no window to drive


@pytest.mark.slow
def test_a_garbage_settings_file_gives_defaults_and_a_note(tmp_path: Path) -> None:
    """QSettings' own file for the app, filled with noise, as a crash or a bad sync leaves it."""
    settings_file = tmp_path / "config" / ORGANIZATION_NAME / f"{APP_NAME}.conf"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(bytes(range(256)) * 8)
    result, report = run_app("start", tmp_path)
    assert result.returncode == report["exit_code"] == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert report["status_message"] == (
        "Ignored saved settings: the settings file (damaged or unreadable)"
    )
    assert report["scope_string"] == ""
    assert "dialogs" not in report


class RefusingClipboard:
    """A platform clipboard that takes the text and keeps nothing (no owner, no X selection)."""

    def setText(self, text: str) -> None:
        del text

    def text(self) -> str:
        return ""


@pytest.fixture
def refusing_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QGuiApplication, "clipboard", staticmethod(RefusingClipboard))


@pytest.mark.usefixtures("refusing_clipboard")
def test_the_copy_button_reports_a_clipboard_that_keeps_nothing(window: MainWindow) -> None:
    window.adapter.selection.set_selected(["streaming"], True)
    window.copy_button.click()
    assert window.statusBar().currentMessage() == edits_module.NO_CLIPBOARD
    window.copy_action.trigger()
    assert window.statusBar().currentMessage() == edits_module.NO_CLIPBOARD


@pytest.mark.usefixtures("refusing_clipboard")
def test_the_error_dialog_reports_a_clipboard_that_keeps_nothing(qtbot: QtBot) -> None:
    dialog = ErrorDialog("RuntimeError: x", "details")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert dialog.copy_button.text() == "No clipboard available"
