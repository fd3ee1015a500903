"""What the ticked scopes unlock, grouped as Spotify's reference groups them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QStandardItem, QStandardItemModel

from scope_picker.core.catalogue import Endpoint, EndpointKind, RemovedEndpoint
from scope_picker.core.coverage import (
    Coverage,
    CoverageLevel,
    EndpointCoverage,
    public_endpoints,
    removal,
    unavailable_text,
)
from scope_picker.ui.shared.endpoint_rows import (
    ENDPOINT_ID_ROLE,
    REQUEST_TEXT,
    SECTION_TITLES,
    endpoint_facts,
)
from scope_picker.ui.shared.palette import muted_text_colour
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.two_level_model import AnyIndex
from scope_picker.ui.shared.widgets import deprecated_font, group_font
from scope_picker.ui.shared.wording import plural

NAME_COLUMN = 0
REQUEST_COLUMN = 1
NOTES_COLUMN = 2
COLUMNS = (NAME_COLUMN, REQUEST_COLUMN, NOTES_COLUMN)
HEADERS = ("Endpoint", "Request", "Notes")

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""Every row can be selected, none edited."""

_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        ENDPOINT_ID_ROLE,
    }
)
"""The roles this model has data for: each cell's items hold these roles' values."""


@dataclass(frozen=True)
class EndpointRow:
    """One listed endpoint: its coverage, or None when it needs no scope and none concerns it."""

    endpoint: Endpoint
    coverage: EndpointCoverage | None
    removed: RemovedEndpoint | None = None
    """Set in Development mode when Spotify removed the endpoint for such apps."""

    @property
    def blocked(self) -> bool:
        """A ticked scope concerns it but a required scope is missing, or the mode lacks it."""
        if self.removed is not None:
            return True
        return self.coverage is not None and self.coverage.level is CoverageLevel.BLOCKED

    def notes(self) -> str:
        """The Notes column: coverage first, then deprecation and Premium marks."""
        parts = []
        if self.removed is not None:
            parts.append(unavailable_text(self.removed))
        elif self.coverage is None:
            parts.append("needs no scope")
        elif self.coverage.level is CoverageLevel.BLOCKED:
            parts.append("blocked: " + self.coverage.explain())
        elif self.coverage.level is CoverageLevel.PARTIAL:
            parts.append("partial: " + self.coverage.explain())
        elif self.coverage.without_gain:  # short: the tooltip says which fields went
            names = [option.scope for option in self.coverage.without_gain]
            verb = "adds" if len(names) == 1 else "add"
            parts.append(f"{' and '.join(names)} {verb} nothing in Development mode")
        if self.endpoint.deprecated:
            parts.append("deprecated")
        if self.endpoint.premium_only:
            parts.append("Premium only")
        return " · ".join(parts)

    def tooltip(self) -> str:
        """Everything about the row in sentences, including the deprecation note."""
        endpoint = self.endpoint
        lines = [endpoint.name]
        if endpoint.label != endpoint.name:
            lines.append(endpoint.label)
        if self.removed is not None:
            lines.append(
                f"Unavailable in Development mode since {self.removed.since}: Spotify removed "
                f"it for such apps ({self.removed.source})."
            )
        elif self.coverage is None:
            lines.append("Needs no scope: any access token can call it.")
        elif self.coverage.level is CoverageLevel.BLOCKED:
            lines.append(f"Blocked: {self.coverage.explain()}.")
        elif self.coverage.level is CoverageLevel.PARTIAL:
            lines.append(f"Partly covered: {self.coverage.explain()}.")
        elif self.coverage.without_gain:
            lines.append(f"Covered by the ticked scopes; {self.coverage.explain()}.")
        else:
            lines.append("Covered by the ticked scopes.")
        lines += endpoint_facts(endpoint)
        return "\n".join(lines)


@dataclass(frozen=True)
class EndpointGroup:
    """The rows of one reference group (or the SDK / Open Access section)."""

    name: str
    rows: tuple[EndpointRow, ...]

    @property
    def title(self) -> str:
        """The group's heading, naming SDK and partner sections for what they are."""
        return SECTION_TITLES.get(self.rows[0].endpoint.kind, self.name)


class EndpointModel(QStandardItemModel):
    """Endpoints the selected scopes concern, grouped; optionally those needing no scope.

    The rows come straight from the core's ``Coverage``; this model only groups and labels
    them. Every cell's data is worked out when the selection changes and held in Qt's own
    items, so painting the list runs no Python; a change rewrites only the rows that differ,
    and views see it as one reset.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QObject | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(HEADERS)
        self._adapter = adapter
        catalogue = adapter.catalogue
        self._public = public_endpoints(catalogue)
        self._show_public = False
        self._members: dict[str, list[Endpoint]] = {group: [] for group in catalogue.groups}
        for endpoint in sorted(catalogue.endpoints, key=catalogue.endpoint_sort_key):
            self._members[endpoint.group].append(endpoint)
        self._groups: tuple[EndpointGroup, ...] = ()
        self._rows: dict[str, EndpointRow] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        self._muted = QColor()
        self._muted_for_palette: int | None = None
        self._rebuild(adapter.selection.coverage)
        adapter.changed.connect(self._on_selection_changed)

    @property
    def show_public(self) -> bool:
        """True when endpoints that need no scope are listed too."""
        return self._show_public

    def set_show_public(self, show: bool) -> None:
        """List (or hide) the endpoints that any token can call."""
        if show == self._show_public:
            return
        self._show_public = show
        self._reset()

    @property
    def groups(self) -> tuple[EndpointGroup, ...]:
        """The listed groups in reference order (SDKs and Open Access last)."""
        return self._groups

    def row_at(self, index: AnyIndex) -> EndpointRow | None:
        """The endpoint row at ``index``; None for a group row."""
        group = index.parent()
        if not group.isValid():
            return None
        return self._groups[group.row()].rows[index.row()]

    def summary(self) -> str:
        """The count line: covered Web API endpoints, blocked ones, SDK and partner targets."""
        coverage = self._adapter.selection.coverage
        web_api = [e for e in coverage.endpoints if e.endpoint.kind is EndpointKind.WEB_API]
        covered = sum(entry.callable for entry in web_api)
        parts = [plural(covered, "endpoint") + " covered"]
        unavailable = sum(entry.removed is not None for entry in web_api)
        blocked = len(web_api) - covered - unavailable
        if blocked:
            parts[0] += f", {blocked} blocked"
        if unavailable:
            parts[0] += f", {unavailable} unavailable in Development mode"
        for kind, singular in (
            (EndpointKind.SDK, "SDK"),
            (EndpointKind.PARTNER, "Open Access partner call"),
        ):
            count = sum(e.callable and e.endpoint.kind is kind for e in coverage.endpoints)
            if count:
                parts.append(plural(count, singular))
        if self._show_public:
            listed = {entry.endpoint.id for entry in coverage.endpoints}
            extra = [self._rows[e.id] for e in self._public if e.id not in listed]
            gone = sum(row.removed is not None for row in extra)
            parts.append(f"{len(extra) - gone} more need no scope")
            if gone:
                parts[-1] += f" (and {gone} unavailable in Development mode)"
        return " · ".join(parts)

    def shown_texts(self, group_row: int) -> list[tuple[str, ...]]:
        """The texts of the group's rows, column by column, as ``row_text`` gives them."""
        return [self._texts[row.endpoint.id] for row in self._groups[group_row].rows]

    def follow_palette(self) -> None:
        """Recolour the blocked rows for the application palette, if it has changed.

        The colour is held in the items, so whoever sees the palette change (the view)
        says so; the rows repaint with the new colour.
        """
        if QGuiApplication.palette().cacheKey() == self._muted_for_palette:
            return
        colour = self._muted_colour()
        for group_row, group in enumerate(self._groups):
            for row_number, row in enumerate(group.rows):
                if row.blocked:
                    for column in COLUMNS:
                        cell = self.item(group_row).child(row_number, column)
                        cell.setData(colour, Qt.ItemDataRole.ForegroundRole)

    @staticmethod
    def group_text(group: EndpointGroup, column: int) -> str:
        """What a group row shows in ``column``."""
        return f"{group.title} ({len(group.rows)})" if column == NAME_COLUMN else ""

    @staticmethod
    def row_text(row: EndpointRow, column: int) -> str:
        """What an endpoint row shows in ``column``."""
        endpoint = row.endpoint
        if column == NAME_COLUMN:
            return endpoint.name
        if column == REQUEST_COLUMN:
            return endpoint.label if endpoint.path else REQUEST_TEXT.get(endpoint.kind, "")
        return row.notes()

    def _group_data(self, group: EndpointGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.group_text(group, column)
        if role == Qt.ItemDataRole.FontRole:
            return group_font()
        return None

    def _row_data(self, row: EndpointRow, column: int, role: int) -> Any:
        endpoint = row.endpoint
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip()
        if role == ENDPOINT_ID_ROLE:
            return endpoint.id
        if role == Qt.ItemDataRole.FontRole and endpoint.deprecated and column == NAME_COLUMN:
            return deprecated_font()
        if role == Qt.ItemDataRole.ForegroundRole and row.blocked:
            return self._muted_colour()
        return None

    def _muted_colour(self) -> QColor:
        """The blocked rows' colour for the application palette, worked out once per palette."""
        palette = QGuiApplication.palette()
        key = palette.cacheKey()
        if key != self._muted_for_palette:
            self._muted = muted_text_colour(palette)
            self._muted_for_palette = key
        return self._muted

    def _items(self, data: Callable[[int], Mapping[int, Any]]) -> list[QStandardItem]:
        """One row of read-only cells, each holding what ``data(column)`` gives per role."""
        items = []
        for column in COLUMNS:
            item = QStandardItem()
            item.setFlags(_ROW_FLAGS)
            for role, value in data(column).items():
                item.setData(value, role)
            items.append(item)
        return items

    def _group_roles(self, group: EndpointGroup, column: int) -> dict[int, Any]:
        return {role: self._group_data(group, column, role) for role in _ANSWERED_ROLES}

    def _row_roles(self, row: EndpointRow, column: int) -> dict[int, Any]:
        return {role: self._row_data(row, column, role) for role in _ANSWERED_ROLES}

    def _rebuild(self, coverage: Coverage) -> None:
        """Bring the items in line with ``coverage``, touching only the groups that differ.

        The core hands back the same entry for an endpoint whose standing did not change,
        so a row is looked at again only when its entry is new; a tick then costs what it
        changes, not what is listed. Within a changed group, old and new rows are both in
        catalogue order: after the rows that went are removed, the rest is a walk that
        inserts new rows and rewrites changed ones. A row's texts say all that its other
        roles (tooltip, colour) depend on.
        """
        wanted: dict[str, EndpointCoverage | None] = {}
        if self._show_public:
            wanted = {endpoint.id: None for endpoint in self._public}
        wanted.update((entry.endpoint.id, entry) for entry in coverage.endpoints)
        catalogue = self._adapter.catalogue
        gone = [key for key in self._rows if key not in wanted]
        changed = {self._rows[key].endpoint.group for key in gone}
        rewritten = set()
        for key, entry in wanted.items():
            old = self._rows.get(key)
            endpoint = catalogue.endpoint(key)
            removed = removal(catalogue, endpoint, self._adapter.selection.mode)
            if old is None or old.coverage is not entry or old.removed is not removed:
                self._rows[key] = row = EndpointRow(endpoint, entry, removed)
                texts = tuple(self.row_text(row, column) for column in COLUMNS)
                if old is not None and texts != self._texts[key]:
                    rewritten.add(key)
                self._texts[key] = texts
                changed.add(endpoint.group)
        for key in gone:
            del self._rows[key], self._texts[key]
        if not changed:
            return
        old_groups = {group.name: group for group in self._groups}
        groups = []
        for name in catalogue.groups:
            if name not in changed:
                if name in old_groups:
                    groups.append(old_groups[name])
                continue
            rows = tuple(self._rows[e.id] for e in self._members[name] if e.id in wanted)
            if rows:
                groups.append(EndpointGroup(name, rows))
        self._apply(old_groups, groups, changed, rewritten)
        self._groups = tuple(groups)

    def _apply(
        self,
        old_groups: dict[str, EndpointGroup],
        groups: list[EndpointGroup],
        changed: set[str],
        rewritten: set[str],
    ) -> None:
        """Make the items show ``groups``: drop groups that went, add new ones, sync changed
        ones, rewriting the ``rewritten`` rows' cells."""
        kept = {group.name for group in groups}
        for number in reversed(range(len(self._groups))):
            if self._groups[number].name not in kept:
                self.removeRow(number)
        for number, group in enumerate(groups):
            old = old_groups.get(group.name)
            if old is None:
                cells = self._items(partial(self._group_roles, group))
                for row in group.rows:
                    cells[0].appendRow(self._items(partial(self._row_roles, row)))
                self.insertRow(number, cells)
            elif group.name in changed:
                self._sync_rows(self.item(number), old.rows, group.rows, rewritten)
                if len(group.rows) != len(old.rows):
                    self.item(number).setText(self.group_text(group, NAME_COLUMN))

    def _sync_rows(
        self,
        parent: QStandardItem,
        old_rows: tuple[EndpointRow, ...],
        rows: tuple[EndpointRow, ...],
        rewritten: set[str],
    ) -> None:
        """Make one group's leaf items show ``rows``: remove, insert, rewrite as needed."""
        ids = {row.endpoint.id for row in rows}
        for number in reversed(range(len(old_rows))):
            if old_rows[number].endpoint.id not in ids:
                parent.removeRow(number)
        old = [row for row in old_rows if row.endpoint.id in ids]
        for number, row in enumerate(rows):
            if number < len(old) and old[number].endpoint.id == row.endpoint.id:
                if row.endpoint.id in rewritten:
                    for column in COLUMNS:
                        cell = parent.child(number, column)
                        for role, value in self._row_roles(row, column).items():
                            cell.setData(value, role)
            else:
                old.insert(number, row)
                parent.insertRow(number, self._items(partial(self._row_roles, row)))

    def _on_selection_changed(self, _coverage: Coverage) -> None:
        self._reset()

    def _reset(self) -> None:
        """Rows come and go with every change, so views get one reset rather than row moves.

        The items are updated with signals held back in between: the reset already tells
        views that every row may differ, so the removals, insertions and rewrites need no
        signal each.
        """
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self._rebuild(self._adapter.selection.coverage)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
