"""Search filtering for the checkable trees: the model decides, the proxy hides."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel

from scope_picker.ui.shared.two_level_model import AnyIndex, CheckableTwoLevelModel


class CheckFilterProxy(QSortFilterProxyModel):
    """Hides the rows a search leaves out; ``CheckableTwoLevelModel.shows`` says which.

    Which rows show, and what ticking a group does while some are hidden, is the model's
    business, so the model's own answers (and its tests) hold with or without this proxy,
    and no row's data has to pass through Python twice on its way to a view.
    """

    def __init__(self, source: CheckableTwoLevelModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)

    def set_search(self, query: str) -> None:
        """Filter by ``query`` (words in any order, any case; empty shows everything)."""
        self._source.set_search(query)
        # A new filter string makes Qt ask filterAcceptsRow again for every row (the
        # dedicated call, invalidateFilter, is deprecated in Qt 6.11; its successor needs 6.9).
        self.setFilterFixedString(query)

    def visible_leaf_count(self) -> int:
        """How many leaf rows the search shows."""
        return sum(self.rowCount(self.index(row, 0)) for row in range(self.rowCount()))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if source_parent.isValid():
            return self._source.shows(source_parent.row(), source_row)
        return self._source.shows(source_row)
