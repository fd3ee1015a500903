"""What every interactive widget carries, set in one call."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def describe(widget: QWidget, name: str, accessible_name: str, tooltip: str) -> None:
    """Give ``widget`` its object name (tests and style sheets find it by that), the name
    screen readers announce, and the tooltip that says what it does."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible_name)
    widget.setToolTip(tooltip)
