"""The entry point: the real window with its icon, the smoke-test report, a broken catalogue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from scope_picker import app as app_module
from scope_picker.core.catalogue import CatalogueError, load_catalogue
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def temp_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's QSettings() goes to a temp file, never the user's configuration."""
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(
        app_module, "QSettings", lambda: QSettings(str(path), QSettings.Format.IniFormat)
    )
    return path


@pytest.mark.usefixtures("qapp")
def test_the_icon_comes_from_the_resources() -> None:
    icon = app_module.app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()


@pytest.mark.usefixtures("qapp")
def test_the_icon_is_drawn_from_the_svg_at_any_size_and_scale() -> None:
    icon = app_module.app_icon()
    crisp = icon.pixmap(QSize(64, 64), 2.0)
    assert crisp.devicePixelRatio() == 2.0
    assert crisp.size() == QSize(128, 128)
    # A bitmap icon never grows past its largest image (the SVG's nominal 256 px);
    # only the SVG icon engine draws 1024 device pixels for a 512 px icon at 2x.
    assert icon.pixmap(QSize(512, 512), 2.0).size() == QSize(1024, 1024)


@pytest.mark.usefixtures("temp_settings")
def test_smoke_test_reports_the_loaded_window_as_json(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], system_ca_certificates: int
) -> None:
    assert app_module.main(["scope-picker", app_module.SMOKE_TEST_FLAG]) == 0
    catalogue = load_catalogue()
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "window_title": "Scope Picker",
        "visible": True,
        "scopes": len(catalogue.scopes),
        "endpoints": len(catalogue.endpoints),
        "ca_certificates": system_ca_certificates,
    }
    assert report["scopes"] == 25
    assert report["ca_certificates"] > 100
    assert report["endpoints"] == 108
    assert not qapp.windowIcon().isNull()


@pytest.mark.usefixtures("temp_settings")
def test_event_loops_run_normally_after_main_returns(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_module.main(["scope-picker", app_module.SMOKE_TEST_FLAG]) == 0
    capsys.readouterr()
    qapp.processEvents()  # what a host, or pytest-qt between tests, does next
    loop = QEventLoop()
    QTimer.singleShot(10, lambda: loop.exit(7))
    assert loop.exec() == 7  # not -1: no Quit was left queued to end every later loop


@pytest.mark.usefixtures("temp_settings")
def test_a_broken_catalogue_is_reported_in_a_message_box(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget | None, str, str]] = []

    class RecordingMessageBox:
        @staticmethod
        def critical(parent: QWidget | None, title: str, text: str) -> None:
            shown.append((parent, title, text))

    def broken_catalogue() -> None:
        raise CatalogueError("the catalogue: field 'format' is 2, this app reads format 1")

    monkeypatch.setattr(app_module, "load_catalogue", broken_catalogue)
    monkeypatch.setattr(QMessageBox, "critical", RecordingMessageBox.critical)
    assert app_module.main(["scope-picker"]) == app_module.EXIT_CATALOGUE_ERROR == 1
    assert len(shown) == 1
    parent, title, text = shown[0]
    assert parent is None
    assert title == "Scope Picker"
    assert "field 'format' is 2, this app reads format 1" in text
    assert not any(
        isinstance(widget, MainWindow) and widget.isVisible() for widget in qapp.topLevelWidgets()
    )


def test_starting_imports_none_of_what_only_some_sessions_use() -> None:
    """The app's start (what tests/benchmarks/bench.py times) leaves these until they are used."""
    deferred = [
        "difflib",
        "importlib.resources",
        "scope_picker.ui.about.about",
        "scope_picker.ui.authorize.authorize_panel",
        "scope_picker.ui.picker.endpoint_picker",
        "scope_picker.ui.errors.error_dialog",
        "scope_picker.ui.paste.import_dialog",
        "scope_picker.ui.theme.light_dark",
    ]
    script = "import sys, scope_picker.app; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert [name for name in deferred if name in result.stdout.split()] == []


def test_the_app_paints_without_qt_s_thread_pool(tmp_path: Path) -> None:
    """main() keeps Qt's raster engine from handing fills to pooled threads (see the bench)."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("thread names are read from /proc")
    script = """
import pathlib
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import scope_picker.app as app

def tick_every_scope_and_quit():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    selection = window.adapter.selection
    for name in selection.catalogue.scope_names:  # the list grows long, the panes repaint
        selection.set_selected([name], True)
        QApplication.processEvents()
    QApplication.quit()

qt_app = QApplication([])
QTimer.singleShot(0, tick_every_scope_and_quit)
app.main(["scope-picker"])
tasks = pathlib.Path("/proc/self/task").iterdir()
print([(task / "comm").read_text().strip() for task in tasks].count("Thread (pooled)"))
"""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path))
    env.pop("QT_NO_GUI_THREADPOOL", None)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0"
