"""Start-up imports only what the first window needs: no network code, no live token flow, no
catalogue tool.

The real app runs to its first shown window in a fresh interpreter (``--smoke-test`` shows the
window, reports it and quits); the child then lists ``sys.modules``. The forbidden names are
prefixes, so modules that do not exist yet (the live token flow, the catalogue tool) are
covered the day they are added, under any module name inside those packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]

NOT_AT_START_UP = (
    "scope_picker.core.live",  # the live token flow (its core, then its window parts)
    "scope_picker.ui.live",
    "scope_picker.catalogue_tool",  # the maintainers' catalogue generator
    "PySide6.QtNetwork",
    "http.client",
    "http.server",
    "urllib.request",
    "ssl",
    "_ssl",
    "socket",  # socketserver too
    "_socket",
)
"""Prefixes of module names that the app's start must not import."""

QT_CLASSES_NOT_AT_START_UP = ("QStyle", "QCommonStyle", "QTextCursor", "QTextCharFormat")
"""Qt classes whose Python type (and every enum of it) PySide6 builds on first use, at a cost
of milliseconds, and that the first window does not need: the style's frame width and margins
are read off widgets, and the consent preview's first edit imports the text classes."""

CHILD = """
import json, linecache, sys
import scope_picker.app as app
seen = {}
def count_certificates_after_noting_the_modules():
    # The smoke report counts the CA certificates ssl trusts (importing ssl) once the window
    # is shown: what start-up imported is what was there just before.
    seen["modules"], seen["sources"] = sorted(sys.modules), sorted(linecache.cache)
    from PySide6 import QtGui, QtWidgets
    seen["qt_types"] = sorted([*vars(QtGui), *vars(QtWidgets)])
    return 1
app.trusted_ca_certificates = count_certificates_after_noting_the_modules
exit_code = app.main(["scope-picker", app.SMOKE_TEST_FLAG])
print(json.dumps({"exit_code": exit_code, **seen}))
"""


def start_up(tmp_path: Path) -> dict[str, Any]:
    """The app run to its first window in a fresh interpreter: what it had imported and read."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    finished = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    window_report, modules_report = (json.loads(line) for line in finished.stdout.splitlines())
    assert window_report["visible"] is True
    assert modules_report["exit_code"] == 0
    return dict(modules_report)


def test_start_up_imports_no_network_live_flow_or_catalogue_tool_module(tmp_path: Path) -> None:
    modules = start_up(tmp_path)["modules"]
    # The listing is the real one: it holds the window's own modules.
    assert {"scope_picker.ui.window.main_window", "PySide6.QtWidgets"} <= set(modules)
    imported = [name for name in modules if name.startswith(NOT_AT_START_UP)]
    assert imported == []


def test_start_up_keeps_no_source_of_the_app_in_linecache(tmp_path: Path) -> None:
    """PySide6's import hook looks into every module imported after it; by default through
    inspect.getsource, which keeps each source (about 2 MiB in all) in linecache."""
    kept = [name for name in start_up(tmp_path)["sources"] if "scope_picker" in Path(name).parts]
    assert kept == []


def test_start_up_builds_no_python_type_for_qt_classes_it_does_not_need(tmp_path: Path) -> None:
    qt_types = set(start_up(tmp_path)["qt_types"])
    assert {"QMainWindow", "QTreeView"} <= qt_types  # the listing is the real one
    assert qt_types & set(QT_CLASSES_NOT_AT_START_UP) == set()
