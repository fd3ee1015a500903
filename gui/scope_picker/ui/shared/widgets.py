"""What every interactive widget carries, set in one call."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QWidget,
)


def describe(widget: QWidget, name: str, accessible_name: str, tooltip: str) -> None:
    """Give ``widget`` its object name (tests and style sheets find it by that), the name
    screen readers announce, and the tooltip that says what it does."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible_name)
    widget.setToolTip(tooltip)


def tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can reach, in the order they were made."""
    return [
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


SHORT_VIEW_LINES = 3
"""The fewest lines of text a list or text view on the right keeps on a short screen."""


def let_shrink_to_lines(view: QAbstractScrollArea, lines: int = SHORT_VIEW_LINES) -> None:
    """Let a scrolling view be squeezed to ``lines`` lines of text (Qt's own minimum is about
    four): at scale 2 on a 1280x800 screen the window then still fits with a paste report."""
    view.setMinimumHeight(view.fontMetrics().lineSpacing() * lines + 2 * view.frameWidth())


def push_button(text: str, name: str, tooltip: str) -> QPushButton:
    """A described button; its accessible name is its text without the mnemonic's '&'."""
    button = QPushButton(text)
    describe(button, name, text.replace("&", ""), tooltip)
    return button


def message_label(name: str) -> QLabel:
    """A word-wrapped label for messages next to inputs, found by ``name``."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def group_font() -> QFont:
    """The bold font of group rows (categories, reference groups) in the app's lists."""
    font = QFont()
    font.setBold(True)
    return font


def deprecated_font() -> QFont:
    """The struck-out font that marks a deprecated endpoint's name wherever it is listed."""
    font = QFont()
    font.setStrikeOut(True)
    return font


def set_up_checklist(view: QTreeView) -> None:
    """The behaviour shared by the app's checkable trees: one row selected at a time, whole
    rows, no editing (Space ticks), equal row heights so a tick does not re-measure rows."""
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)


SQUEEZED_CHARS = 20
"""The narrowest a squeezed column of paths gets, in average characters: both ends readable."""


def fit_columns(view: QTreeView, columns: Sequence[int], squeezable: int, keep_chars: int) -> None:
    """Size ``columns`` to the rows shown now; the last column stretches over the rest.

    When the window is too narrow for them all, ``squeezable`` (a column of paths) gives up
    width, down to ``SQUEEZED_CHARS``, so that ``keep_chars`` average characters of the last
    column still show; its texts then elide in the middle, keeping both ends of a path.
    Narrower still, the list scrolls sideways.
    """
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    for column in columns:
        view.resizeColumnToContents(column)
    header = view.header()
    others = sum(view.columnWidth(c) for c in columns if c != squeezable)
    room = view.viewport().width() - others - view.fontMetrics().averageCharWidth() * keep_chars
    narrowest = max(
        header.sectionSizeHint(squeezable), view.fontMetrics().averageCharWidth() * SQUEEZED_CHARS
    )
    if view.columnWidth(squeezable) > room:
        view.setColumnWidth(squeezable, max(room, narrowest))


MIN_WIDTH_CHARS = 20
"""A scrolling label's narrowest, in average characters: a long word scrolls, not the window."""


class ScrollingLabel(QScrollArea):
    """A word-wrapped rich-text label as tall as its text up to ``max_lines`` lines, then
    scrolling: a report on a long paste keeps every line without pushing the window (or a
    dialog) past the bottom of the screen, and a word too long for the width scrolls sideways
    rather than widening it. Given ``min_lines``, it may be squeezed to that many lines where
    the window has no more room (a short screen at scale 2)."""

    def __init__(
        self, max_lines: int, parent: QWidget | None = None, *, min_lines: int | None = None
    ) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        line = self.label.fontMetrics().lineSpacing()
        self._max_height = line * max_lines
        self._min_height = line * (max_lines if min_lines is None else min_lines)
        self._min_width = self.label.fontMetrics().averageCharWidth() * MIN_WIDTH_CHARS

    def set_text(self, text: str) -> None:
        """Show ``text`` from its first line, and fit the height to it."""
        self.label.setText(text)
        self.verticalScrollBar().setValue(0)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        wanted = self.label.sizeHint()
        narrowest = self.label.minimumSizeHint().width()  # the longest word
        width = max(self.viewport().width() if self.isVisible() else wanted.width(), narrowest)
        height = self.label.heightForWidth(width)
        if height < 0:
            height = wanted.height()
        if self.isVisible() and narrowest > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        # Any width will do: the layout gives it the pane's, and the text wraps to that.
        return QSize(self._min_width, min(height, self._max_height))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._min_width, min(self.sizeHint().height(), self._min_height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped at another width, the text wants another height
