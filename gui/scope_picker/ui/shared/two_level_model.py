"""The shape shared by the scope tree and the endpoint list: group rows holding leaf rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from scope_picker.core.search import search_pattern

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


def check_state(value: Any) -> Qt.CheckState | None:
    """The check state ``setData`` was given (enum or int); None for anything else."""
    try:
        return Qt.CheckState(value)
    except (TypeError, ValueError):
        return None


def tri_state(ticked: int, total: int) -> Qt.CheckState:
    """A group's box: checked when all its rows are, unchecked when none, partly otherwise."""
    if ticked == 0:
        return Qt.CheckState.Unchecked
    if ticked == total:
        return Qt.CheckState.Checked
    return Qt.CheckState.PartiallyChecked


class CheckableTwoLevelModel(TwoLevelModel):
    """A two-level model whose leaves are ticked in column 0; a group's box follows them.

    It also knows which rows a search shows (``CheckFilterProxy`` asks it): a leaf that
    matches, every leaf of a group that matches, and the groups holding either. While a
    search is on, a group's box stands for the leaves it shows, and ticking it ticks those
    only, as one change: that is what a filtered list promises; hidden rows stay as they were.
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self._shown: dict[int, frozenset[int]] | None = None  # None: no search

    def search_key(self, group_row: int, leaf_row: int | None) -> str:
        """What a search is matched against: a group's (leaf_row None) or a leaf's key."""
        raise NotImplementedError

    def is_leaf_checked(self, group_row: int, leaf_row: int) -> bool:
        """True when the leaf is ticked."""
        raise NotImplementedError

    def set_leaves_checked(self, leaves: Sequence[AnyIndex], checked: bool) -> None:
        """Tick (or untick) the given leaf rows as one change."""
        raise NotImplementedError

    def set_search(self, query: str) -> None:
        """Show only what matches every word of ``query`` (``core.search``); "" shows all."""
        pattern = search_pattern(query)
        if not pattern:
            self._shown = None
        else:
            regex = re.compile(pattern)
            self._shown = {}
            for group in range(self.group_count()):
                leaves = range(self.leaf_count(group))
                if regex.match(self.search_key(group, None)):
                    self._shown[group] = frozenset(leaves)
                else:
                    self._shown[group] = frozenset(
                        leaf for leaf in leaves if regex.match(self.search_key(group, leaf))
                    )
        if self.group_count():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.group_count() - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def shows(self, group_row: int, leaf_row: int | None = None) -> bool:
        """True when the search shows this group (leaf_row None) or leaf."""
        if self._shown is None:
            return True
        shown = self._shown[group_row]
        return bool(shown) if leaf_row is None else leaf_row in shown

    def shown_leaves(self, group_row: int) -> list[int]:
        """The rows of the group's leaves the search shows (all without a search)."""
        return [leaf for leaf in range(self.leaf_count(group_row)) if self.shows(group_row, leaf)]

    def group_check_state(self, group_row: int) -> Qt.CheckState:
        """The group's box over the leaves shown."""
        leaves = self.shown_leaves(group_row)
        ticked = sum(self.is_leaf_checked(group_row, leaf) for leaf in leaves)
        return tri_state(ticked, len(leaves))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = check_state(value)
        if state is None or state is Qt.CheckState.PartiallyChecked:
            return False
        leaves: list[AnyIndex] = [index]
        if self.is_group(index):
            leaves = [self.index(leaf, 0, index) for leaf in self.shown_leaves(index.row())]
        self.set_leaves_checked(leaves, state is Qt.CheckState.Checked)
        return True

    def emit_all_changed(self, roles: Sequence[int]) -> None:
        """Every row's ``roles`` may have changed (after new picks, say)."""
        last_column = self.columnCount() - 1
        if self.group_count() == 0:
            return
        self.dataChanged.emit(
            self.index(0, 0), self.index(self.group_count() - 1, last_column), list(roles)
        )
        for row in range(self.group_count()):
            if self.leaf_count(row) == 0:
                continue
            group = self.index(row, 0, ROOT)
            self.dataChanged.emit(
                self.index(0, 0, group),
                self.index(self.leaf_count(row) - 1, last_column, group),
                list(roles),
            )
