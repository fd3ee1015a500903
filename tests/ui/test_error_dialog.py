"""An unexpected exception shows a dialog whose details can be copied."""

import sys

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from scope_picker.ui.errors.error_dialog import ErrorDialog
from scope_picker.ui.errors.exception_reporter import ExceptionReporter

pytestmark = pytest.mark.gui


def _raise() -> None:
    raise RuntimeError("the tree model lost its way")


def test_reporter_shows_the_error_and_the_details_copy(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[ErrorDialog] = []

    def fake_exec(dialog: ErrorDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        dialog.copy_button.click()
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", fake_exec)
    reporter = ExceptionReporter()
    try:
        _raise()
    except RuntimeError as error:
        reporter(type(error), error, error.__traceback__)
    [dialog] = shown
    assert "RuntimeError: the tree model lost its way" in dialog.summary.text()
    details = dialog.details.toPlainText()
    assert "Traceback (most recent call last)" in details
    assert "in _raise" in details
    assert QGuiApplication.clipboard().text() == details
    assert dialog.copy_button.text() == "Copied"
    assert "the tree model lost its way" in capsys.readouterr().err


def test_install_replaces_and_remembers_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    reporter = ExceptionReporter()
    reporter.install()
    assert sys.excepthook is reporter
    assert reporter.previous is sys.__excepthook__


def test_uninstall_puts_the_previous_hook_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    reporter = ExceptionReporter()
    reporter.install()
    reporter.uninstall()
    assert sys.excepthook is sys.__excepthook__


def test_uninstall_leaves_a_later_hook_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    reporter = ExceptionReporter()
    reporter.install()
    later = ExceptionReporter()
    later.install()
    reporter.uninstall()
    assert sys.excepthook is later
