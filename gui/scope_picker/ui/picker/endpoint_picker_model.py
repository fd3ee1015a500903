"""Every endpoint of the catalogue, by reference group, ticked when the app will call it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from scope_picker.core.catalogue import AppMode, Endpoint, LibraryItem
from scope_picker.core.coverage import Coverage, evaluate, removal
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.search import endpoint_search_key, search_key
from scope_picker.ui.shared.endpoint_rows import (
    ENDPOINT_ID_ROLE,
    REQUEST_TEXT,
    SECTION_TITLES,
    endpoint_facts,
)
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.two_level_model import AnyIndex, CheckableTwoLevelModel
from scope_picker.ui.shared.widgets import deprecated_font, group_font

NAME_COLUMN = 0
REQUEST_COLUMN = 1
NOTES_COLUMN = 2

NOT_CALLABLE = "not callable with the ticked scopes"

_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class EndpointPickerModel(CheckableTwoLevelModel):
    """All endpoints, grouped as the reference groups them; a tick picks one.

    The picks live in the ``EndpointPlan``; every change to the plan goes through this
    model, which then emits ``plan_changed`` once (a whole group ticked is one change).
    Picked endpoints the ticked scopes do not cover say so in the Notes column.
    """

    plan_changed = Signal()

    def __init__(
        self, adapter: SelectionAdapter, plan: EndpointPlan, parent: QObject | None = None
    ) -> None:
        super().__init__(("Endpoint", "Request", "Notes"), parent)
        self._adapter = adapter
        self.plan = plan
        catalogue = adapter.catalogue
        ordered = sorted(catalogue.endpoints, key=catalogue.endpoint_sort_key)
        self._groups = tuple(
            (name, tuple(members)) for name, members in groupby(ordered, key=lambda e: e.group)
        )
        self._search_keys = {e.id: endpoint_search_key(e) for e in catalogue.endpoints}
        self._group_keys = [search_key(self._title(row)) for row in range(len(self._groups))]
        adapter.changed.connect(self._on_selection_changed)

    def group_count(self) -> int:
        return len(self._groups)

    def leaf_count(self, group_row: int) -> int:
        return len(self._groups[group_row][1])

    def endpoint_at(self, index: AnyIndex) -> Endpoint | None:
        """The endpoint of a leaf row; None for a group row."""
        if self.is_group(index):
            return None
        return self._groups[self.group_row(index)][1][index.row()]

    def index_of_endpoint(self, endpoint_id: str, column: int = NAME_COLUMN) -> QModelIndex:
        """The row of the endpoint with this id (KeyError for an unknown id)."""
        endpoint = self._adapter.catalogue.endpoint(endpoint_id)
        group_row = next(
            row for row, (name, _) in enumerate(self._groups) if name == endpoint.group
        )
        row = self._groups[group_row][1].index(endpoint)
        return self.index(row, column, self.index(group_row, 0))

    def search_key(self, group_row: int, leaf_row: int | None) -> str:
        if leaf_row is None:
            return self._group_keys[group_row]
        return self._search_keys[self._groups[group_row][1][leaf_row].id]

    def is_leaf_checked(self, group_row: int, leaf_row: int) -> bool:
        return self.plan.is_picked(self._groups[group_row][1][leaf_row].id)

    def set_leaves_checked(self, leaves: Sequence[AnyIndex], checked: bool) -> None:
        endpoints = [e for e in map(self.endpoint_at, leaves) if e is not None]
        self.set_picked((e.id for e in endpoints), checked)

    def set_picked(self, endpoint_ids: Iterable[str], picked: bool) -> None:
        """Pick (or unpick) endpoints by id as one change."""
        self.plan.set_picked(endpoint_ids, picked)
        self._announce()

    def clear(self) -> None:
        """Unpick every endpoint."""
        self.plan.clear()
        self._announce()

    def prefer(self, options: Sequence[str], scope: str) -> None:
        """Settle a choice between alternative scopes."""
        self.plan.prefer(options, scope)
        self._announce()

    def set_library_items(self, items: Iterable[LibraryItem]) -> None:
        """Say which kinds of item the app saves or checks with the library endpoints."""
        self.plan.set_library_items(items)
        self._announce()

    def set_mode(self, mode: AppMode) -> None:
        """Work the plan out for the app's quota mode. With nothing picked the rows change
        (what the mode removed) but the plan does not: no ticks are replaced."""
        self.plan.set_mode(mode)
        if self.plan.picked:
            self._announce()
        else:
            self._refresh_rows()

    def want_optional(self, scope: str, wanted: bool) -> None:
        """Ask for (or drop) an optional scope."""
        self.plan.want_optional(scope, wanted)
        self._announce()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        endpoint = self.endpoint_at(index)
        if endpoint is None:
            return self._group_data(index.row(), index.column(), role)
        return self._endpoint_data(endpoint, index.column(), role)

    def _title(self, row: int) -> str:
        name, endpoints = self._groups[row]
        return SECTION_TITLES.get(endpoints[0].kind, name)

    def _group_data(self, row: int, column: int, role: int) -> Any:
        endpoints = self._groups[row][1]
        title = self._title(row)
        picked = sum(self.plan.is_picked(e.id) for e in endpoints)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME_COLUMN:
            return self.group_check_state(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column != NAME_COLUMN:
                return ""
            return f"{title} ({len(endpoints)}{f', {picked} picked' if picked else ''})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Pick or unpick the {len(endpoints)} {title} endpoints shown"
        if role == Qt.ItemDataRole.FontRole:
            return group_font()
        return None

    def _endpoint_data(self, endpoint: Endpoint, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME_COLUMN:
            picked = self.plan.is_picked(endpoint.id)
            return Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME_COLUMN:
                return endpoint.name
            if column == REQUEST_COLUMN:
                return endpoint.label if endpoint.path else REQUEST_TEXT.get(endpoint.kind, "")
            return " · ".join(self._notes(endpoint))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(endpoint)
        if role == Qt.ItemDataRole.FontRole and endpoint.deprecated and column == NAME_COLUMN:
            return deprecated_font()
        if role == ENDPOINT_ID_ROLE:
            return endpoint.id
        return None

    def _notes(self, endpoint: Endpoint) -> list[str]:
        notes = []
        if self.plan.is_picked(endpoint.id) and not self._callable(endpoint):
            notes.append(NOT_CALLABLE)
        if endpoint.requirement.needs_no_scope:
            notes.append("needs no scope")
        if endpoint.deprecated:
            notes.append(self._adapter.catalogue.deprecation_mark(endpoint))
        if endpoint.premium_only:
            notes.append("Premium only")
        return notes

    def _tooltip(self, endpoint: Endpoint) -> str:
        lines = [endpoint.name]
        if endpoint.label != endpoint.name:
            lines.append(endpoint.label)
        lines.append(endpoint.requirement.summary[0].upper() + endpoint.requirement.summary[1:])
        lines += endpoint_facts(endpoint)
        if self.plan.is_picked(endpoint.id) and not self._callable(endpoint):
            lines.append(f"Picked, but {NOT_CALLABLE}.")
        return "\n".join(lines)

    def _callable(self, endpoint: Endpoint) -> bool:
        granted = frozenset(self._adapter.selection.scopes)
        removed = removal(self._adapter.catalogue, endpoint, self.plan.mode)
        return evaluate(endpoint, granted, removed).callable

    def _announce(self) -> None:
        self._refresh_rows()
        self.plan_changed.emit()

    def _refresh_rows(self) -> None:
        self.emit_all_changed(
            (
                Qt.ItemDataRole.CheckStateRole,
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
            )
        )

    def _on_selection_changed(self, _coverage: Coverage) -> None:
        """Whether a picked endpoint is callable follows the ticked scopes: tell its row."""
        for endpoint in self.plan.picked:
            row = self.index_of_endpoint(endpoint.id)
            self.dataChanged.emit(
                row, row.siblingAtColumn(self.columnCount() - 1), list(_TEXT_ROLES)
            )
