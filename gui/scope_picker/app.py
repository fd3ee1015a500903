"""Application entry point: ``main(argv) -> int``."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from scope_picker import APP_NAME, ORGANIZATION_NAME, __version__

SMOKE_TEST_FLAG = "--smoke-test"


def main(argv: Sequence[str] | None = None) -> int:
    """Start Scope Picker and return its exit code.

    An existing ``QApplication`` is reused, so tests and host applications can call this.
    With ``--smoke-test`` the app shows its window, prints one JSON line describing what it
    loaded, and quits: packaging tests use it to check a built app from the outside.
    """
    args = list(sys.argv if argv is None else argv)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel("Scope Picker"))
    window.show()
    if SMOKE_TEST_FLAG in args[1:]:
        QTimer.singleShot(0, lambda: _report_and_quit(app, window))
    return app.exec()


def _report_and_quit(app: QApplication, window: QMainWindow) -> None:
    report = {"window_title": window.windowTitle(), "visible": window.isVisible()}
    print(json.dumps(report), flush=True)
    app.quit()
