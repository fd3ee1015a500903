"""Notices where the ticks and the endpoint picks part: what a pick unticked, with Undo, and
an offer to fit the ticks to the picks (or the picks to the ticks) when they disagree."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from scope_picker.ui.shared.widgets import describe
from scope_picker.ui.shared.wording import html_keeping_names_whole, plural


def _frame(notice: QFrame, text: QLabel, *buttons: QPushButton) -> None:
    notice.setFrameShape(QFrame.Shape.StyledPanel)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    layout = QHBoxLayout(notice)
    layout.addWidget(text, 1)
    for button in buttons:
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    notice.hide()


class UntickedNotice(QFrame):
    """Above the endpoint list after a pick unticked scopes: which, and Undo beside them."""

    undo_requested = Signal()

    def __init__(self, undo_keys: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("untickedNotice")
        self._undo_keys = undo_keys
        self.label = QLabel()
        self.label.setObjectName("untickedNoticeText")
        self.undo_button = QPushButton("Undo")
        describe(
            self.undo_button,
            "undoUntickButton",
            "Undo the unticking",
            f"Tick again the scopes the pick unticked ({undo_keys} anywhere in the window)",
        )
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.clicked.connect(self.hide)
        _frame(self, self.label, self.undo_button)

    def show_unticked(self, scopes: Sequence[str]) -> None:
        """Name the scopes the last pick unticked; hide when it unticked none."""
        if not scopes:
            self.hide()
            return
        names = html_keeping_names_whole(", ".join(scopes))
        self.label.setText(
            f"The picks replaced the ticks and unticked {names}. "
            f"Undo ({self._undo_keys}) ticks them again."
        )
        self.show()


class DriftNotice(QFrame):
    """Under the search when the ticks and the picked endpoints disagree: what differs, and
    one button to fit the ticks to the picks, one to keep the ticks and drop the picks."""

    fit_ticks_to_picks = Signal()
    keep_ticks = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("driftNotice")
        self.label = QLabel()
        self.label.setObjectName("driftNoticeText")
        self.fit_button = QPushButton("Tick What the Picks Need")
        describe(
            self.fit_button,
            "fitTicksToPicks",
            "Tick what the picks need",
            "Replace the ticked scopes with the fewest that cover the picked endpoints",
        )
        self.keep_button = QPushButton("Keep My Ticks")
        describe(
            self.keep_button,
            "keepTicksDropPicks",
            "Keep the ticked scopes",
            "Unpick every endpoint and keep the ticked scopes as they are",
        )
        self.fit_button.clicked.connect(self.fit_ticks_to_picks)
        self.keep_button.clicked.connect(self.keep_ticks)
        _frame(self, self.label, self.fit_button, self.keep_button)

    def show_drift(self, picked: int, unneeded: Sequence[str], missing: Sequence[str]) -> None:
        """Say how the ticks differ from what ``picked`` endpoints need; hide if they agree."""
        if not picked or not (unneeded or missing):
            self.hide()
            return
        parts = []
        if missing:
            parts.append(f"not ticked but needed: {html_keeping_names_whole(', '.join(missing))}")
        if unneeded:
            parts.append(
                f"ticked but not needed (⚠): {html_keeping_names_whole(', '.join(unneeded))}"
            )
        self.label.setText(
            f"The ticks differ from what the {plural(picked, 'picked endpoint')} need: "
            + "; ".join(parts)
            + "."
        )
        self.show()
