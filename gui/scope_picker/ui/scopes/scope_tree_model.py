"""The scopes as a checkable tree: categories (tri-state) holding their scopes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from scope_picker.core.catalogue import Category, Scope
from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import NOT_NEEDED, EndpointPlan, ScopeRole
from scope_picker.core.search import scope_search_key, search_key
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.two_level_model import AnyIndex, CheckableTwoLevelModel

SCOPE_NAME_ROLE = Qt.ItemDataRole.UserRole
"""The scope name of a scope row (None on category rows)."""
CATEGORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The category id of any row."""

NAME_COLUMN = 0
DESCRIPTION_COLUMN = 1

_FLAG_ROLES = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleDescriptionRole)
"""How a ticked scope that no picked endpoint needs is flagged."""
_PLAN_ROLES = (Qt.ItemDataRole.ToolTipRole, *_FLAG_ROLES)
"""What a change of the picked endpoints may change in a row."""

_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.CheckStateRole,
        SCOPE_NAME_ROLE,
        CATEGORY_ID_ROLE,
        *_PLAN_ROLES,
    }
)
"""The roles this model has data for. Views ask for about a dozen roles per cell on every
paint; answering the rest before any look-up keeps repaints cheap."""


def short_description(scope: Scope) -> str:
    """The description's first sentence: enough for a row, the rest is in the details."""
    first, separator, _rest = scope.description.partition(". ")
    return first + "." if separator else first


class ScopeTreeModel(CheckableTwoLevelModel):
    """Categories are parent rows, scopes their checkable children.

    Check states are read from the selection on every call and never stored here; a
    category's state is derived from its scopes. Ticking a category ticks its whole group
    as one change of the selection. The model remembers only which scopes its views last
    showed ticked, to tell them exactly which rows a change touched. Given an
    ``EndpointPlan`` with picked endpoints, each scope's tooltip says why it is (or is not)
    needed, and a ticked scope no picked endpoint uses carries a warning icon.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QObject | None = None) -> None:
        super().__init__(("Scope", "Description"), parent)
        self._adapter = adapter
        self._catalogue = adapter.catalogue
        self._rows = {
            scope.name: (category_row, row)
            for category_row, category in enumerate(self._catalogue.categories)
            for row, scope in enumerate(self._scopes_of(category))
        }
        self._shown_ticked = frozenset(adapter.selection.scopes)
        self._plan: EndpointPlan | None = None
        self._search_keys = {
            scope.name: scope_search_key(self._catalogue, scope) for scope in self._catalogue.scopes
        }
        self._category_keys = [search_key(c.name) for c in self._catalogue.categories]
        adapter.changed.connect(self._on_selection_changed)

    def group_count(self) -> int:
        return len(self._catalogue.categories)

    def leaf_count(self, group_row: int) -> int:
        return len(self._scopes_of(self._catalogue.categories[group_row]))

    def category_at(self, index: AnyIndex) -> Category:
        """The category of a row (a scope row's own category)."""
        row = index.row() if self.is_group(index) else self.group_row(index)
        return self._catalogue.categories[row]

    def scope_at(self, index: AnyIndex) -> Scope | None:
        """The scope of a scope row; None for a category row."""
        if self.is_group(index):
            return None
        return self._scopes_of(self.category_at(index))[index.row()]

    def index_of_scope(self, name: str, column: int = NAME_COLUMN) -> QModelIndex:
        """The row of the named scope (KeyError for an unknown name)."""
        category_row, row = self._rows[name]
        return self.index(row, column, self.index(category_row, 0))

    def show_plan(self, plan: EndpointPlan) -> None:
        """Explain every scope against the plan's picked endpoints (again after each change)."""
        self._plan = plan
        self.emit_all_changed(_PLAN_ROLES)

    def unneeded(self) -> tuple[str, ...]:
        """Ticked scopes that no picked endpoint uses (none while nothing is picked)."""
        if self._plan is None:
            return ()
        return self._plan.unneeded(self._adapter.selection.scopes)

    def is_unneeded(self, name: str) -> bool:
        """``name in unneeded()`` for one scope, without listing them all on every paint."""
        return (
            self._plan is not None
            and name in self._adapter.selection
            and self._plan.role(name) is ScopeRole.UNRELATED
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        category = self.category_at(index)
        scope = self.scope_at(index)
        if role == CATEGORY_ID_ROLE:
            return category.id
        if role == SCOPE_NAME_ROLE:
            return scope.name if scope else None
        if scope is None:
            return self._category_data(category, index.column(), role)
        return self._scope_data(scope, index.column(), role)

    def search_key(self, group_row: int, leaf_row: int | None) -> str:
        if leaf_row is None:
            return self._category_keys[group_row]
        return self._search_keys[self._scope_in(group_row, leaf_row).name]

    def is_leaf_checked(self, group_row: int, leaf_row: int) -> bool:
        return self._scope_in(group_row, leaf_row).name in self._adapter.selection

    def set_leaves_checked(self, leaves: Sequence[AnyIndex], checked: bool) -> None:
        names = [scope.name for scope in map(self.scope_at, leaves) if scope is not None]
        self._adapter.selection.set_selected(names, checked)

    def _category_data(self, category: Category, column: int, role: int) -> Any:
        scopes = self._scopes_of(category)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME_COLUMN:
            return self.group_check_state(self._catalogue.categories.index(category))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME_COLUMN:
                return category.name
            ticked = sum(scope.name in self._adapter.selection for scope in scopes)
            return f"{ticked} of {len(scopes)} ticked"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Tick or untick all {len(scopes)} {category.name} scopes at once"
        return None

    def _scope_data(self, scope: Scope, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME_COLUMN:
            ticked = scope.name in self._adapter.selection
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return scope.name if column == NAME_COLUMN else short_description(scope)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{scope.name}: {scope.description}", *scope.note_texts]
            reason = self._plan.explain(scope.name) if self._plan else None
            if reason:
                lines.append("Picked endpoints: " + reason)
            return "\n".join(lines)
        if role in _FLAG_ROLES and column == NAME_COLUMN and self.is_unneeded(scope.name):
            return _warning_icon() if role == Qt.ItemDataRole.DecorationRole else NOT_NEEDED
        return None

    def _scope_in(self, group_row: int, leaf_row: int) -> Scope:
        return self._scopes_of(self._catalogue.categories[group_row])[leaf_row]

    def _scopes_of(self, category: Category) -> tuple[Scope, ...]:
        return self._catalogue.scopes_in(category.id)

    def _on_selection_changed(self, coverage: Coverage) -> None:
        """Tell the views which check states (and category counts) changed, and only those.

        One signal for the category rows and one per category whose scopes changed, each
        spanning just the changed rows: a signal over every row makes the views repaint and
        re-measure the whole tree, which for a large catalogue costs more than the rest of
        a tick.
        """
        ticked = frozenset(coverage.scopes)
        changed_rows: dict[int, list[int]] = {}
        for name in ticked ^ self._shown_ticked:
            category_row, row = self._rows[name]
            changed_rows.setdefault(category_row, []).append(row)
        self._shown_ticked = ticked
        if not changed_rows:
            return
        for category_row, rows in sorted(changed_rows.items()):
            category = self.index(category_row, 0)
            self.dataChanged.emit(
                self.index(min(rows), NAME_COLUMN, category),
                self.index(max(rows), NAME_COLUMN, category),
                [Qt.ItemDataRole.CheckStateRole, *_FLAG_ROLES],
            )
        self.dataChanged.emit(
            self.index(min(changed_rows), NAME_COLUMN),
            self.index(max(changed_rows), self.columnCount() - 1),
            [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole],
        )


def _warning_icon() -> QIcon:
    # Deferred: QStyle's enums cost every start some milliseconds, and only picked endpoints
    # flag a scope (tests/benchmarks/bench.py measures cold starts).
    from PySide6.QtWidgets import QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
