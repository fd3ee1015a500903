"""A preview of Spotify's consent screen: what the app's users will be asked to allow."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from scope_picker.core.coverage import ConsentLine, Coverage
from scope_picker.ui.shared.palette import PaletteAwareBrowser
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.widgets import let_shrink_to_lines

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat

CONSENT_HEADING = "This app will be able to:"
NO_SCOPE_TEXT = (
    "No scope is ticked: a token without scopes reads only public data, such as albums, "
    "artists, tracks, shows and public playlists (other users' profiles are unavailable in "
    "Development mode since 2026-02-11). "
    "\u201cShow endpoints that need no scope\u201d lists what that covers."
)
UNPUBLISHED_TEXT = "Spotify publishes no consent wording"
FIRST_LINE_BLOCK = 1
"""The document's block number of the first consent line: the heading comes before it."""


class ConsentView(PaletteAwareBrowser):
    """The consent lines of the ticked scopes, in catalogue order, kept up on every change.

    Scopes without published wording are listed greyed with a note: the preview never makes
    up a sentence Spotify does not show. A change that keeps some lines edits the document
    in place, removing and inserting only the lines that went and came: rebuilding it from
    HTML parses and lays out every line again, which grows with the selection.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # setHtml empties the document first: an as-needed scroll bar would vanish and come
        # back on every change, laying the text out three times at two widths. Always there,
        # it costs one layout, and the lines no longer jump sideways as the list outgrows the pane.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        let_shrink_to_lines(self)
        self.document().setUndoRedoEnabled(False)  # edits are the app's, never the user's
        self._shown: tuple[ConsentLine, ...] = ()
        adapter.changed.connect(self._show)
        self._show(adapter.selection.coverage)

    def _show(self, coverage: Coverage) -> None:
        lines, shown = coverage.consent, self._shown
        self._shown = lines
        names = {line.scope.name for line in lines}
        if names.isdisjoint(line.scope.name for line in shown):
            self.show_html(self._html)  # the list comes, goes or is replaced: render afresh
        else:
            self._edit(shown, lines, names)

    def _html(self) -> str:
        if not self._shown:
            return f"<p>{escape(NO_SCOPE_TEXT)}</p>"
        muted = self.muted_colour_name()
        items = "".join(self._item_html(line, muted) for line in self._shown)
        # No margin above the list or below it (the heading's own spaces them), so that
        # every line has the same format and an edit can give a new line its neighbour's.
        return (
            f"<p><b>{escape(CONSENT_HEADING)}</b></p>"
            f'<ul style="margin-top:0px; margin-bottom:0px">{items}</ul>'
        )

    def _edit(
        self, shown: tuple[ConsentLine, ...], lines: tuple[ConsentLine, ...], kept: set[str]
    ) -> None:
        """Turn the list items showing ``shown`` into ``lines`` (named ``kept``); both are in
        catalogue order.

        At least one line stays, so the list never empties and a new line always has a
        list item beside it to take its format from.
        """
        # Imported on the first edit, not at start-up: the first window shows a fresh render,
        # and these classes' enums cost PySide6 time to create (README, "Performance").
        from PySide6.QtGui import QTextCursor

        document = self.document()
        names = [line.scope.name for line in shown]
        for number in reversed(range(len(names))):
            if names[number] not in kept:
                # The break before the line, and the line: removing the break after it
                # instead would leave the next line in this line's block, with its bullet.
                block = document.findBlockByNumber(FIRST_LINE_BLOCK + number)
                cursor = QTextCursor(document)
                cursor.setPosition(block.position() - 1)
                cursor.setPosition(
                    block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.removeSelectedText()
                del names[number]
        muted = self.muted_colour_name()
        for number, line in enumerate(lines):
            if number < len(names) and names[number] == line.scope.name:
                continue
            if number < len(names):  # a new line before the one there now
                cursor = QTextCursor(document.findBlockByNumber(FIRST_LINE_BLOCK + number))
                # The line there moves to the new block: it takes its bullet's format along.
                cursor.insertBlock(cursor.blockFormat(), cursor.blockCharFormat())
                cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
            else:  # a new last line
                block = document.findBlockByNumber(FIRST_LINE_BLOCK + number - 1)
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(cursor.blockFormat())
            cursor.insertHtml(self._line_html(line, muted))
            cursor.setBlockCharFormat(self._bullet_format(line, muted))  # after: HTML resets it
            names.insert(number, line.scope.name)

    @classmethod
    def _item_html(cls, line: ConsentLine, muted: str) -> str:
        """The line as a list item: greyed, bullet and all, when Spotify publishes no wording."""
        style = f' style="color:{muted}"' if line.text is None else ""
        return f"<li{style}>{cls._line_html(line, muted)}</li>"

    @staticmethod
    def _bullet_format(line: ConsentLine, muted: str) -> QTextCharFormat:
        """The list item's own format, which its bullet is drawn in: greyed like its text
        when Spotify publishes no wording, as ``_html`` styles the item."""
        from PySide6.QtGui import QTextCharFormat  # on the first edit too, as in _edit

        bullet = QTextCharFormat()
        if line.text is None:
            bullet.setForeground(QColor(muted))
        return bullet

    @staticmethod
    def _line_html(line: ConsentLine, muted: str) -> str:
        scope = escape(line.scope.name)
        if line.text is None:
            return f'<span style="color:{muted}">{scope} — {escape(UNPUBLISHED_TEXT)}</span>'
        return f'{escape(line.text)} <span style="color:{muted}">({scope})</span>'
