"""Edit > Import Scope String: a box to paste a scope string into, with a live account of
what it holds.

Imported when the box is first opened: its dialog classes and their Python enums cost every
start about a millisecond and a half, and most sessions never import anything.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import apply_suggestions, parse_scopes
from scope_picker.ui.paste.scope_import import (
    REPORT_LINES,
    SHAPES_TEXT,
    suggestion_button_text,
    suggestion_tooltip,
)
from scope_picker.ui.shared.widgets import ScrollingLabel, describe
from scope_picker.ui.shared.wording import html_keeping_names_whole, plural


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
        # "did you mean": rewrites the text, so the preview shows what OK will select.
        self.use_suggestions_button = self.buttons.addButton(
            "Use", QDialogButtonBox.ButtonRole.ActionRole
        )
        describe(
            self.use_suggestions_button,
            "importUseSuggestions",
            "Use the suggested scopes",
            "Replace each token that resembles a scope with that scope (Alt+U)",
        )
        self.use_suggestions_button.clicked.connect(self.use_suggestions)
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

    def use_suggestions(self) -> None:
        """Write each suggested scope over the token it was suggested for, as one edit that
        Ctrl+Z takes back, leaving the cursor at the end (setPlainText would put it at the
        start and forget the undo history)."""
        parsed = parse_scopes(self._catalogue, self.text())
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(apply_suggestions(self.text(), parsed))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _preview(self) -> None:
        parsed = parse_scopes(self._catalogue, self.text())
        self.ok_button.setEnabled(bool(parsed.known))
        suggestions = parsed.suggestions
        self.use_suggestions_button.setVisible(bool(suggestions))
        if suggestions:
            # The text carries the key: Alt+U ("&U").
            self.use_suggestions_button.setText("&" + suggestion_button_text(suggestions))
            self.use_suggestions_button.setToolTip(suggestion_tooltip(suggestions) + " (Alt+U)")
        if parsed.known:
            found = f"Will select {plural(len(parsed.known), 'scope')}: {', '.join(parsed.known)}"
        elif self.text().strip():
            found = "No Spotify scope found"
        else:
            found = "Nothing pasted yet"
        items = "".join(
            f"<li>{html_keeping_names_whole(message)}</li>" for message in parsed.messages()
        )
        self.preview_area.set_text(
            f"<p>{html_keeping_names_whole(found)}</p>" + (f"<ul>{items}</ul>" if items else "")
        )
