"""The Light and Dark themes of View > Theme: their palettes, and Fusion with outlined check boxes.

Imported only when one of them is applied: the style and palette classes they need cost a
start that follows the system (the default) a few milliseconds (tests/benchmarks/bench.py
measures cold starts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from scope_picker.ui.shared.palette import control_outline_colour
from scope_picker.ui.theme.choice import Theme

THEMED_STYLE = "Fusion"


@dataclass(frozen=True)
class _Scheme:
    """The colours a palette is built from; every text colour is 4.5:1 or more on its ground."""

    window: str
    text: str
    base: str
    alternate_base: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    tooltip_base: str
    disabled_text: str


# Fusion's own greys, with selection and link colours dark (or light) enough for text on them.
_SCHEMES: Mapping[Theme, _Scheme] = {
    Theme.LIGHT: _Scheme(
        window="#efefef",
        text="#000000",
        base="#ffffff",
        alternate_base="#f7f7f7",
        highlight="#266ead",
        highlighted_text="#ffffff",
        link="#1a5fb4",
        link_visited="#613583",
        tooltip_base="#ffffdc",
        disabled_text="#bebebe",
    ),
    Theme.DARK: _Scheme(
        window="#323232",
        text="#f0f0f0",
        base="#242424",
        alternate_base="#2c2c2c",
        highlight="#266ead",
        highlighted_text="#f0f0f0",
        link="#78aeed",
        link_visited="#dc8add",
        tooltip_base="#3c3c3c",
        disabled_text="#828282",
    ),
}


def theme_palette(theme: Theme) -> QPalette:
    """The palette of the Light or Dark theme."""
    scheme = _SCHEMES[theme]
    window = QColor(scheme.window)
    palette = QPalette(window, window)  # Qt derives the bevel shades from the window colour
    roles = {
        QPalette.ColorRole.WindowText: scheme.text,
        QPalette.ColorRole.Text: scheme.text,
        QPalette.ColorRole.ButtonText: scheme.text,
        QPalette.ColorRole.ToolTipText: scheme.text,
        QPalette.ColorRole.Base: scheme.base,
        QPalette.ColorRole.AlternateBase: scheme.alternate_base,
        QPalette.ColorRole.ToolTipBase: scheme.tooltip_base,
        QPalette.ColorRole.Highlight: scheme.highlight,
        QPalette.ColorRole.Accent: scheme.highlight,
        QPalette.ColorRole.HighlightedText: scheme.highlighted_text,
        QPalette.ColorRole.Link: scheme.link,
        QPalette.ColorRole.LinkVisited: scheme.link_visited,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    placeholder = QColor(scheme.text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(scheme.disabled_text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    return palette


class ThemedStyle(QProxyStyle):
    """Fusion, with check boxes outlined so that an empty one shows on any base colour.

    Fusion outlines a check box a shade darker than the window: on a dark base the empty box
    all but disappears, and with it the only sign that a scope can be ticked.
    """

    def __init__(self) -> None:
        super().__init__(THEMED_STYLE)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # Fusion draws an item view's check box as a PE_IndicatorCheckBox, through here too.
        if element is QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(control_outline_colour(option.palette))
            painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))
            painter.restore()
