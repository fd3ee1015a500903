"""Unexpected errors become a dialog with copyable details; the app keeps running.

PySide6 reports an exception raised in a slot through ``sys.excepthook`` and then returns to
the event loop, so replacing the hook is enough to keep a traceback away from the user's
terminal-less desktop while still giving them something to paste into a bug report.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scope_picker import APP_NAME, __version__
from scope_picker.ui.clipboard import copy_text
from scope_picker.ui.widgets import describe

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorDialog(QDialog):
    """Shows what went wrong in a sentence, the details below, and a Copy details button."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(f"{APP_NAME}: unexpected error")
        self.setAccessibleName("Unexpected error")
        self.summary = QLabel(
            f"Something went wrong: {summary}\n"
            "The app is still running; your selection is unchanged. "
            "Copy the details below into a bug report."
        )
        self.summary.setWordWrap(True)
        self.summary.setObjectName("errorSummary")
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        describe(
            self.details, "errorDetails", "Error details", "The technical details of the error"
        )
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        describe(
            self.close_button,
            "closeErrorDialog",
            "Close",
            "Close this message and go back to the app",
        )
        self.copy_button = QPushButton("Copy details")
        describe(
            self.copy_button,
            "copyErrorDetails",
            "Copy details",
            "Copy the error details to the clipboard",
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._copy_details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _copy_details(self) -> None:
        copied = copy_text(self.details.toPlainText())
        self.copy_button.setText("Copied" if copied else "No clipboard available")


class ExceptionReporter:
    """A ``sys.excepthook`` that shows an ErrorDialog (one at a time) and logs to stderr."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent = parent
        self._showing = False
        self.previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        """Make this the interpreter's exception hook."""
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Put back the hook ``install`` replaced, so nothing reports into a closed window."""
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        details = f"{APP_NAME} {__version__}\n" + "".join(
            traceback.format_exception(exc_type, exc, tb)
        )
        print(details, file=sys.stderr)
        if self._showing:  # an error while the dialog is up is logged, not stacked
            return
        self._showing = True
        try:
            dialog = ErrorDialog(f"{exc_type.__name__}: {exc}", details, self._parent())
            dialog.exec()
        finally:
            self._showing = False
