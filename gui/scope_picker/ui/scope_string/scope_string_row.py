"""The Scope string row along the bottom of the window: the read-only string, Copy, and the
format Copy uses.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from scope_picker.ui.scope_string.copy_format import CopyFormatBox
from scope_picker.ui.shared.widgets import describe


class ScopeStringField(QLineEdit):
    """The read-only scope string; the standard Copy key copies all of it, like the button."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            event.accept()
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)


def make_scope_string_field(copy_keys: str) -> ScopeStringField:
    """The scope string field; ``copy_keys`` names the window's Copy shortcut in its tooltip."""
    field = ScopeStringField()
    field.setObjectName("scopeString")
    field.setAccessibleName("Scope string")
    field.setReadOnly(True)
    field.setPlaceholderText("Tick scopes to build the scope string")
    field.setToolTip(
        "The scope parameter for Spotify's authorize URL: single spaces, catalogue order. "
        f"{copy_keys} or the Copy key copies all of it"
    )
    return field


def make_copy_button(copy_keys: str) -> QPushButton:
    """The Copy button beside the scope string."""
    button = QPushButton("&Copy")
    describe(
        button,
        "copyScopeStringButton",
        "Copy scope string",
        f"Copy the scope string to the clipboard ({copy_keys})",
    )
    return button


def scope_string_row(
    field: ScopeStringField, copy_button: QPushButton, copy_format: CopyFormatBox
) -> QHBoxLayout:
    """ "Scope string: [field] Copy as [format]", the field taking the spare width."""
    string_label = QLabel("Scope st&ring:")
    string_label.setBuddy(field)
    strip = QHBoxLayout()
    strip.addWidget(string_label)
    strip.addWidget(field, 1)
    strip.addWidget(copy_button)
    format_label = QLabel("as")
    format_label.setBuddy(copy_format)
    strip.addWidget(format_label)
    strip.addWidget(copy_format)
    return strip
