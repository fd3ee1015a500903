"""Scope strings coming in: the report on what was read (the Import dialog is in
``import_dialog``, loaded when first opened)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from scope_picker.core.scope_string import ParsedScopes
from scope_picker.ui.shared.widgets import ScrollingLabel, describe
from scope_picker.ui.shared.wording import html_keeping_names_whole, plural

SHAPES_TEXT = (
    "Paste a scope string in any shape: separated by spaces, commas or +, URL-encoded, "
    "a list from code, a client library's scope constants (tk.scope.user_read_email, "
    ".userReadEmail), or a whole authorize URL (only its scope parameter is read)."
)
REPORT_LINES = 8
"""The paste report's height at most, in lines of text; a longer report scrolls."""
REPORT_MIN_LINES = 2
"""The paste report's height at least, where the window has no more room."""


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


def suggestion_button_text(suggestions: Mapping[str, str]) -> str:
    """ "Use user-read-playback-state" for one suggestion, "Use the 2 suggestions" for more."""
    names = tuple(dict.fromkeys(suggestions.values()))
    return f"Use {names[0]}" if len(names) == 1 else f"Use the {len(names)} suggestions"


def suggestion_tooltip(suggestions: Mapping[str, str]) -> str:
    """Which token each suggestion replaces, for the button that takes them up."""
    return "Select instead: " + "; ".join(
        f"{suggestion} for '{token}'" for token, suggestion in suggestions.items()
    )


class ImportReport(QFrame):
    """An inline report of a paste or import with problems; Dismiss or Esc hides it.

    Shown only when the text was not clean, so every unknown token, retired scope and
    duplicate is named where the user is looking, not just in a status bar that fades.
    When a token resembles a scope ("did you mean"), a button takes up the suggestions and
    has the focus: Space or Enter selects them.
    """

    suggestions_accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text_area = ScrollingLabel(REPORT_LINES, min_lines=REPORT_MIN_LINES)
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
        self.use_suggestions_button = QPushButton()
        describe(
            self.use_suggestions_button,
            "useSuggestedScopes",
            "Use the suggested scopes",
            "Select the scopes suggested for the tokens that resemble one",
        )
        self.use_suggestions_button.clicked.connect(self.suggestions_accepted)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text_area, 1)
        layout.addWidget(self.use_suggestions_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_report(
        self, headline: str, problems: Sequence[str], suggestions: Mapping[str, str]
    ) -> None:
        """Show the headline and the problems, and put the focus on the button that takes up
        the ``suggestions`` (token to scope), or on Dismiss to read and close."""
        items = "".join(f"<li>{html_keeping_names_whole(problem)}</li>" for problem in problems)
        self.text_area.set_text(
            f"<b>{escape(headline)}.</b> Check the pasted text:<ul>{items}</ul>"
        )
        plain = "\n".join((f"{headline}.", *problems))
        self.setAccessibleDescription(plain)
        self.dismiss_button.setAccessibleDescription(plain)
        button = self.use_suggestions_button
        button.setVisible(bool(suggestions))
        if suggestions:
            button.setText(suggestion_button_text(suggestions))
            button.setToolTip(suggestion_tooltip(suggestions))
            button.setAccessibleDescription(plain)
        self.show()
        (button if suggestions else self.dismiss_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        """Hide the report."""
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.dismiss()
            return
        super().keyPressEvent(event)
