"""Scope strings coming in: the report on what was read, and the Import dialog."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import ParsedScopes, parse_scopes
from scope_picker.ui.widgets import describe
from scope_picker.ui.wording import plural

SHAPES_TEXT = (
    "Paste a scope string in any shape: separated by spaces, commas or +, URL-encoded, "
    "a list from code, or a whole authorize URL (only its scope parameter is read)."
)


def import_outcome(parsed: ParsedScopes, source: str) -> tuple[str, tuple[str, ...]]:
    """The headline for importing ``parsed`` from ``source`` and every problem found.

    Known scopes replace the selection; with none, the selection is left alone, so a
    clipboard holding something else entirely costs the user nothing.
    """
    if parsed.known:
        headline = (
            f"Selected {plural(len(parsed.known), 'scope')} from the {source}, "
            "replacing the previous selection"
        )
    else:
        headline = (
            f"Nothing selected: the {source} holds no Spotify scope; the selection is unchanged"
        )
    return headline, parsed.messages()


class ImportReport(QFrame):
    """An inline report of a paste or import with problems; Dismiss or Esc hides it.

    Shown only when the text was not clean, so every unknown token, retired scope and
    duplicate is named where the user is looking, not just in a status bar that fades.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        describe(
            self.label,
            "importReportText",
            "Paste report",
            "What the pasted text held; select a name to copy it",
        )
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton("Dismiss")
        describe(
            self.dismiss_button,
            "dismissImportReport",
            "Dismiss the paste report",
            "Hide this report (Esc)",
        )
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_report(self, headline: str, problems: Sequence[str]) -> None:
        """Show the headline and the problems, and put the focus on Dismiss to read and close."""
        items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
        self.label.setText(f"<b>{escape(headline)}.</b> Check the pasted text:<ul>{items}</ul>")
        plain = "\n".join((f"{headline}.", *problems))
        self.setAccessibleDescription(plain)
        self.dismiss_button.setAccessibleDescription(plain)
        self.show()
        self.dismiss_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        """Hide the report."""
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.dismiss()
            return
        super().keyPressEvent(event)


class ImportDialog(QDialog):
    """A box to paste a scope string into, with a live account of what it holds."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import Scope String")
        self._catalogue = catalogue
        intro = QLabel(SHAPES_TEXT)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        describe(self.editor, "importText", "Scope string to import", SHAPES_TEXT)
        self.editor.setTabChangesFocus(True)
        intro.setBuddy(self.editor)
        self.preview = QLabel()
        self.preview.setObjectName("importPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("importButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Select Scopes")
        describe(
            self.ok_button,
            "importOkButton",
            "Select the scopes found",
            "Replace the ticked scopes with the known scopes found",
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        describe(
            cancel,
            "importCancelButton",
            "Cancel the import",
            "Close without changing the ticked scopes",
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._preview)
        self._preview()
        self.resize(560, 360)

    def text(self) -> str:
        """The text as pasted."""
        return self.editor.toPlainText()

    def _preview(self) -> None:
        parsed = parse_scopes(self._catalogue, self.text())
        self.ok_button.setEnabled(bool(parsed.known))
        if parsed.known:
            found = f"Will select {plural(len(parsed.known), 'scope')}: {', '.join(parsed.known)}"
        elif self.text().strip():
            found = "No Spotify scope found"
        else:
            found = "Nothing pasted yet"
        items = "".join(f"<li>{escape(message)}</li>" for message in parsed.messages())
        self.preview.setText(f"<p>{escape(found)}</p>" + (f"<ul>{items}</ul>" if items else ""))
