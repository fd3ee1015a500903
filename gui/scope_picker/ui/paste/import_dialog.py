"""Edit > Import Scope String: a box to paste a scope string into, with a live account of
what it holds.

Imported when the box is first opened: its dialog classes and their Python enums cost every
start about a millisecond and a half, and most sessions never import anything.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import parse_scopes
from scope_picker.ui.paste.scope_import import REPORT_LINES, SHAPES_TEXT
from scope_picker.ui.shared.widgets import ScrollingLabel, describe
from scope_picker.ui.shared.wording import plural


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
        self.preview_area = ScrollingLabel(REPORT_LINES)
        describe(
            self.preview_area,
            "importPreviewScroller",
            "What the text holds",
            "The scopes found and every problem; a long account scrolls (Page Up, Page Down)",
        )
        self.preview = self.preview_area.label
        self.preview.setObjectName("importPreview")
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
        layout.addWidget(self.preview_area)
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
        self.preview_area.set_text(
            f"<p>{escape(found)}</p>" + (f"<ul>{items}</ul>" if items else "")
        )
