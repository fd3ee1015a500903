"""Search filtering for the checkable trees, where ticking a group ticks only what is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QRegularExpression, QSortFilterProxyModel, Qt

from scope_picker.core.search import search_pattern
from scope_picker.ui.two_level_model import (
    SEARCH_KEY_ROLE,
    AnyIndex,
    CheckableTwoLevelModel,
    check_state,
    tri_state,
)


class CheckFilterProxy(QSortFilterProxyModel):
    """Shows the rows whose search key holds every word of the query, and their groups.

    A group that matches shows all its rows. While a search is on, a group's box stands for
    the rows it shows: ticking it ticks (or unticks) those rows only, as one change, because
    that is what a filtered list promises; rows the search hides are left as they were.
    """

    def __init__(self, source: CheckableTwoLevelModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setFilterRole(SEARCH_KEY_ROLE)
        self.setFilterKeyColumn(0)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_search(self, query: str) -> None:
        """Filter by ``query`` (words in any order, any case; empty shows everything)."""
        self.setFilterRegularExpression(QRegularExpression(search_pattern(query)))
        # Rows that stayed may now stand for a different set of visible rows.
        for row in range(self.rowCount()):
            group = self.index(row, 0)
            self.dataChanged.emit(group, group, [Qt.ItemDataRole.CheckStateRole])

    def visible_leaf_count(self) -> int:
        """How many leaf rows the search shows."""
        return sum(self.rowCount(self.index(row, 0)) for row in range(self.rowCount()))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and self._is_group_box(index):
            leaves = self._visible_leaves(index)
            if leaves:
                ticked = sum(
                    leaf.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                    for leaf in leaves
                )
                return tri_state(ticked, len(leaves))
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self._is_group_box(index):
            return super().setData(index, value, role)
        state = check_state(value)
        if state is None or state is Qt.CheckState.PartiallyChecked:
            return False
        leaves = [self.mapToSource(leaf) for leaf in self._visible_leaves(index)]
        self._source.set_leaves_checked(leaves, state is Qt.CheckState.Checked)
        return True

    def _is_group_box(self, index: AnyIndex) -> bool:
        return index.isValid() and index.column() == 0 and not index.parent().isValid()

    def _visible_leaves(self, group: AnyIndex) -> list[QModelIndex]:
        return [self.index(row, 0, group) for row in range(self.rowCount(group))]
