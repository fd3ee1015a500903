"""The dialog an unexpected error becomes: what went wrong, and details to copy.

``exception_reporter.ExceptionReporter`` shows it; this module is imported only then.
"""

from __future__ import annotations

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

from scope_picker import APP_NAME
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.widgets import describe


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
