"""A preview of Spotify's consent screen: what the app's users will be asked to allow."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from scope_picker.core.coverage import ConsentLine, Coverage
from scope_picker.ui.palette import PaletteAwareBrowser
from scope_picker.ui.selection_adapter import SelectionAdapter

CONSENT_HEADING = "This app will be able to:"
NO_SCOPE_TEXT = (
    "No scope is ticked: a token without scopes reads only public data, such as albums, "
    "artists, tracks, shows, public playlists and public profiles. "
    "\u201cShow endpoints that need no scope\u201d lists what that covers."
)
UNPUBLISHED_TEXT = "Spotify publishes no consent wording"


class ConsentView(PaletteAwareBrowser):
    """The consent lines of the ticked scopes, in catalogue order, redrawn on every change.

    Scopes without published wording are listed greyed with a note: the preview never makes
    up a sentence Spotify does not show.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # setHtml empties the document first: an as-needed scroll bar would vanish and come
        # back on every change, laying the text out three times at two widths. Always there,
        # it costs one layout, and the lines no longer jump sideways as the list outgrows the pane.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        adapter.changed.connect(self._show)
        self._show(adapter.selection.coverage)

    def _show(self, coverage: Coverage) -> None:
        self.show_html(lambda: self._html(coverage))

    def _html(self, coverage: Coverage) -> str:
        if not coverage.consent:
            return f"<p>{escape(NO_SCOPE_TEXT)}</p>"
        muted = self.muted_colour_name()
        items = "".join(self._line_html(line, muted) for line in coverage.consent)
        return f"<p><b>{escape(CONSENT_HEADING)}</b></p><ul>{items}</ul>"

    @staticmethod
    def _line_html(line: ConsentLine, muted: str) -> str:
        scope = escape(line.scope.name)
        if line.text is None:
            return f'<li style="color:{muted}">{scope} — {escape(UNPUBLISHED_TEXT)}</li>'
        return f'<li>{escape(line.text)} <span style="color:{muted}">({scope})</span></li>'
