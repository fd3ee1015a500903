"""Application entry point: ``main(argv) -> int``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from scope_picker import APP_NAME, ORGANIZATION_NAME, __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Start Scope Picker and return its exit code.

    An existing ``QApplication`` is reused, so tests and host applications can call this.
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
    return app.exec()
