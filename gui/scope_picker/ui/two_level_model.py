"""The shape shared by the scope tree and the endpoint list: group rows holding leaf rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

_GROUP_ID = 0
"""internalId of a group row; a leaf row's internalId is its group's row + 1."""


class TwoLevelModel(QAbstractItemModel):
    """Index bookkeeping for two levels, so subclasses only say what is in each row.

    Leaf rows carry their group's row in ``internalId``: no Python objects hide behind
    ``internalPointer``, so an index can never outlive what it points to.
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)

    def group_count(self) -> int:
        """How many group rows there are."""
        raise NotImplementedError

    def leaf_count(self, group_row: int) -> int:
        """How many leaf rows the group in ``group_row`` holds."""
        raise NotImplementedError

    @staticmethod
    def is_group(index: AnyIndex) -> bool:
        """True for a group row, False for a leaf row (or an invalid index)."""
        return index.isValid() and index.internalId() == _GROUP_ID

    @staticmethod
    def group_row(index: AnyIndex) -> int:
        """The row of the group a leaf index belongs to."""
        return int(index.internalId()) - 1

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        # hasIndex() would ask rowCount() and columnCount() back through Qt; views call
        # index() for every cell they paint, so the same check is made here directly.
        if not (0 <= row < self.rowCount(parent) and 0 <= column < len(self._headers)):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...
    def parent(self, child: AnyIndex | None = None) -> QModelIndex | QObject | None:
        if child is None:
            return super().parent()
        if not child.isValid() or self.is_group(child):
            return QModelIndex()
        return self.createIndex(self.group_row(child), 0, _GROUP_ID)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return self.group_count()
        if parent.column() != 0 or not self.is_group(parent):
            return 0
        return self.leaf_count(parent.row())

    def columnCount(self, parent: AnyIndex = ROOT) -> int:  # noqa: ARG002 (Qt's signature)
        # Every row has the same columns, whatever its parent.
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
