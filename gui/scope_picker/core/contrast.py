"""Colour contrast as WCAG 2 measures it, so derived colours stay readable in any palette.

Colours are ``(red, green, blue)`` tuples of 0-255 integers; the UI converts from and to
``QColor``. Kept free of Qt so the arithmetic is tested without a display.
"""

from __future__ import annotations

from collections.abc import Iterable

Rgb = tuple[int, int, int]

TEXT_CONTRAST = 4.5
"""WCAG 2 level AA for body text: every text colour the app derives meets it."""

CONTROL_CONTRAST = 3.0
"""WCAG 2.1 level AA for the parts of a control that say what it is, such as a check box."""

_SEARCH_STEPS = 16
"""Halvings of the blend search: 2**-16 is far below one step of an 8-bit channel."""


def relative_luminance(colour: Rgb) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """WCAG 2's contrast ratio, from 1 (the same luminance) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(start: Rgb, end: Rgb, amount: float) -> Rgb:
    """The colour ``amount`` of the way from ``start`` (0) to ``end`` (1)."""
    r0, g0, b0 = start
    r1, g1, b1 = end
    return (
        round(r0 + (r1 - r0) * amount),
        round(g0 + (g1 - g0) * amount),
        round(b0 + (b1 - b0) * amount),
    )


def first_readable(
    start: Rgb, end: Rgb, backgrounds: Iterable[Rgb], minimum: float = TEXT_CONTRAST
) -> Rgb:
    """The colour nearest ``start``, on the way to ``end``, readable on every background.

    Readable means a contrast ratio of at least ``minimum``. From the background towards the
    text colour this finds the faintest readable grey (for secondary text); from a link
    colour towards the text colour, the least change that makes the link readable. When
    ``start`` is readable it is returned as it is; when not even ``end`` is, ``end``.
    """
    grounds = tuple(backgrounds)

    def readable(colour: Rgb) -> bool:
        return all(contrast_ratio(colour, ground) >= minimum for ground in grounds)

    if readable(start):
        return start
    if not readable(end):
        return end
    unreadable, readable_amount = 0.0, 1.0
    for _ in range(_SEARCH_STEPS):
        middle = (unreadable + readable_amount) / 2
        if readable(blend(start, end, middle)):
            readable_amount = middle
        else:
            unreadable = middle
    return blend(start, end, readable_amount)
