"""Scope strings coming in: the report on what was read (the Import dialog is in
``import_dialog``, loaded when first opened)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from scope_picker.core.scope_string import ParsedScopes
from scope_picker.ui.shared.widgets import ScrollingLabel, describe
from scope_picker.ui.shared.wording import plural

SHAPES_TEXT = (
    "Paste a scope string in any shape: separated by spaces, commas or +, URL-encoded, "
    "a list from code, a client library's scope constants (tk.scope.user_read_email, "
    ".userReadEmail), or a whole authorize URL (only its scope parameter is read)."
)
REPORT_LINES = 8
"""The paste report's height at most, in lines of text; a longer report scrolls."""


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
        self.text_area = ScrollingLabel(REPORT_LINES)
        describe(
            self.text_area,
            "importReportScroller",
            "Paste report",
            "Everything the pasted text held; a long report scrolls (Page Up, Page Down)",
        )
        self.label = self.text_area.label
        describe(
            self.label,
            "importReportText",
            "Paste report",
            "What the pasted text held; select a name to copy it",
        )
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
        layout.addWidget(self.text_area, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_report(self, headline: str, problems: Sequence[str]) -> None:
        """Show the headline and the problems, and put the focus on Dismiss to read and close."""
        items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
        self.text_area.set_text(
            f"<b>{escape(headline)}.</b> Check the pasted text:<ul>{items}</ul>"
        )
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
