"""An exception escaping a slot of the running app is shown, copyable, and survived."""

from __future__ import annotations

from pathlib import Path

import pytest
from run_app import run_app

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_the_app_shows_a_slot_error_and_keeps_running(tmp_path: Path) -> None:
    result, report = run_app("slot-exception", tmp_path)
    assert result.returncode == report["exit_code"] == 0, result.stderr
    assert report["steps"] == ["raise_in_a_slot", "tick_a_scope_afterwards", "close_the_window"]
    [dialog] = report["dialogs"]
    assert dialog["class"] == "ErrorDialog"
    assert dialog["parent"] == "mainWindow"
    assert "RuntimeError: a slot failed on purpose" in dialog["summary"]
    assert "The app is still running" in dialog["summary"]
    assert "Traceback (most recent call last)" in dialog["details"]
    assert "in _raise_runtime_error" in dialog["details"]
    assert dialog["copy_button"] == "Copied"
    assert dialog["clipboard_has_details"]
    # After the dialog the window still answers: a tick reaches the scope string.
    assert report["scope_string_after_error"] == "user-read-email"
    assert report["excepthook_restored"]
    assert "RuntimeError: a slot failed on purpose" in result.stderr  # logged as well
