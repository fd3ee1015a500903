"""What every interactive widget carries, set in one call."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget


def describe(widget: QWidget, name: str, accessible_name: str, tooltip: str) -> None:
    """Give ``widget`` its object name (tests and style sheets find it by that), the name
    screen readers announce, and the tooltip that says what it does."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible_name)
    widget.setToolTip(tooltip)


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
