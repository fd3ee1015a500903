"""Colours derived from the current palette, so text stays readable in light and dark themes.

Nothing in the UI names a colour of its own: secondary text and links are computed from the
palette's Text, Base and Link roles with the WCAG contrast rules in ``core.contrast``. Views
that bake colours into HTML rebuild it when the palette changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from scope_picker.core.contrast import CONTROL_CONTRAST, Rgb, first_readable


def rgb(colour: QColor) -> Rgb:
    """A ``QColor`` as the core's ``(red, green, blue)``."""
    return colour.red(), colour.green(), colour.blue()


def muted_text_colour(palette: QPalette) -> QColor:
    """Secondary text: as faint as it can be while still readable on Base and AlternateBase.

    The palette's disabled text colour is no substitute: Fusion's is 1.9:1 on white.
    """
    base = rgb(palette.color(QPalette.ColorRole.Base))
    grounds = (base, rgb(palette.color(QPalette.ColorRole.AlternateBase)))
    text = rgb(palette.color(QPalette.ColorRole.Text))
    return QColor(*first_readable(base, text, grounds))


def control_outline_colour(palette: QPalette) -> QColor:
    """The faintest outline that still shows a control (an empty check box) on Base."""
    base = rgb(palette.color(QPalette.ColorRole.Base))
    text = rgb(palette.color(QPalette.ColorRole.Text))
    return QColor(*first_readable(base, text, [base], CONTROL_CONTRAST))


def link_colour(palette: QPalette) -> QColor:
    """The palette's link colour, moved towards Text only as far as it takes to be readable
    on Base (text panes) and Window (labels, message boxes).

    Palettes built from a dark window colour keep Qt's default blue links: 2.4:1 on black.
    """
    link = rgb(palette.color(QPalette.ColorRole.Link))
    text = rgb(palette.color(QPalette.ColorRole.Text))
    grounds = [
        rgb(palette.color(role)) for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window)
    ]
    return QColor(*first_readable(link, text, grounds))


class PaletteAwareBrowser(QTextBrowser):
    """A read-only rich-text view whose HTML is rebuilt when its palette changes.

    Subclasses pass :meth:`show_html` a function that builds the HTML from the current
    palette; a theme switch (or the system going dark) then re-renders the same content
    with the new colours, at the same scroll position.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._build_html: Callable[[], str] = str
        self._muted_name: tuple[int | None, str] = (None, "")

    def show_html(self, build_html: Callable[[], str]) -> None:
        """Show what ``build_html`` returns now, and again after every palette change."""
        self._build_html = build_html
        self.setHtml(build_html())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            scroll_bar = self.verticalScrollBar()
            position = scroll_bar.value()
            self.setHtml(self._build_html())
            scroll_bar.setValue(position)

    def muted_colour_name(self) -> str:
        """The secondary text colour for this view's palette, as HTML wants it; worked out
        once per palette, as every change of a view's HTML asks for it."""
        palette = self.palette()
        if self._muted_name[0] != palette.cacheKey():
            self._muted_name = (palette.cacheKey(), muted_text_colour(palette).name())
        return self._muted_name[1]

    def link_colour_name(self) -> str:
        """The link colour for this view's palette, as HTML wants it."""
        return link_colour(self.palette()).name()
