"""The one search field over the scope list and the endpoint picker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from scope_picker.ui.shared.widgets import describe
from scope_picker.ui.shared.wording import plural


def find_keys() -> QKeySequence:
    """The platform's Find key (Ctrl+F on Linux and Windows); needs a running application."""
    return QKeySequence(QKeySequence.StandardKey.Find)


class SearchBar(QWidget):
    """A labelled search field and a count of what matches; Esc (in the window) clears it."""

    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        keys = find_keys().toString(QKeySequence.SequenceFormat.NativeText)
        self.field = QLineEdit()
        describe(
            self.field,
            "searchField",
            "Search scopes and endpoints",
            "Shows the scopes and endpoints whose name, description, consent wording or path "
            "holds every word typed (any case, ' or ’ alike); Esc clears it. While searching, "
            "ticking a category or group ticks only the rows shown.",
        )
        self.field.setPlaceholderText(f"Search scopes and endpoints ({keys})")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.query_changed)
        label = QLabel("Search:")
        label.setBuddy(self.field)
        self.count = QLabel()
        self.count.setObjectName("searchCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)

    @property
    def query(self) -> str:
        """What is being searched for, as typed."""
        return self.field.text()

    def clear(self) -> None:
        """End the search: every row shows again."""
        self.field.clear()

    def show_counts(self, scopes: int, endpoints: int) -> None:
        """Say how much matches (nothing while no search is on)."""
        if not self.query.strip():
            self.count.clear()
        elif scopes == endpoints == 0:
            self.count.setText("nothing matches")
        else:
            self.count.setText(f"{plural(scopes, 'scope')}, {plural(endpoints, 'endpoint')} match")
