"""Pieces of the main window's layout: a pane with its heading, and the right-hand tabs with
the pages built when first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scope_picker.ui.shared.widgets import describe
from scope_picker.ui.window.actions import AUTHORIZE_SHORTCUT, COVERAGE_SHORTCUT, PICKER_SHORTCUT


def make_right_tabs(coverage_page: QWidget) -> tuple[QTabWidget, QScrollArea, QWidget]:
    """Endpoints and consent, Authorization URL, Pick endpoints.

    Returns the tabs, the scroll area the Authorization URL panel goes in, and the empty page
    that stands in for the picker until it is built (see ``MainWindow.picker``).
    """
    authorize = QScrollArea()
    authorize.setObjectName("authorizeScrollArea")
    authorize.setWidgetResizable(True)
    authorize.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    authorize.setFrameShape(QScrollArea.Shape.NoFrame)
    # Tab goes straight to the panel's fields; the area scrolls to whichever has focus.
    authorize.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    tabs = QTabWidget()
    describe(
        tabs,
        "rightTabs",
        "Coverage, authorization URL and endpoint picker",
        f"What the scopes unlock ({COVERAGE_SHORTCUT.toString()}), the authorization "
        f"URL built from them ({AUTHORIZE_SHORTCUT.toString()}) and the endpoints your "
        f"app calls, to pick the scopes from ({PICKER_SHORTCUT.toString()})",
    )
    tabs.addTab(coverage_page, "Endpoints and consent")
    tabs.addTab(authorize, "Authorization URL")
    # An empty page stands in for the picker until it is built.
    placeholder = QWidget()
    placeholder.setObjectName("endpointPickerPlaceholder")
    tabs.addTab(placeholder, "Pick endpoints")
    # Three tabs in a narrow window: whole titles, scroll buttons when they do not all fit.
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    tabs.setUsesScrollButtons(True)
    tab_bar = tabs.tabBar()
    describe(
        tab_bar,
        "rightTabBar",
        "Right-hand pages",
        tabs.toolTip(),
    )
    # The scroll buttons are for the mouse: the arrow keys on the tab bar (and Ctrl+E, Ctrl+U,
    # Ctrl+K) already reach every page, and as Tab stops they sat after the copy format.
    for button in tab_bar.findChildren(QToolButton):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return tabs, authorize, placeholder


def pane(heading: str, widget: QWidget, buddy: QWidget | None = None) -> QWidget:
    """A heading over a widget; the heading's mnemonic moves focus to ``buddy`` (or the widget)."""
    label = QLabel(heading)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy or widget)
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget)
    return pane
