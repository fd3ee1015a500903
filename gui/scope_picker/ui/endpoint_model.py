"""What the ticked scopes unlock, grouped as Spotify's reference groups them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication

from scope_picker.core.catalogue import Endpoint, EndpointKind
from scope_picker.core.coverage import Coverage, CoverageLevel, EndpointCoverage, public_endpoints
from scope_picker.ui.palette import muted_text_colour
from scope_picker.ui.selection_adapter import SelectionAdapter
from scope_picker.ui.two_level_model import AnyIndex, TwoLevelModel
from scope_picker.ui.widgets import deprecated_font, group_font
from scope_picker.ui.wording import plural

ENDPOINT_ID_ROLE = Qt.ItemDataRole.UserRole
"""The endpoint id of an endpoint row (None on group rows)."""

NAME_COLUMN = 0
REQUEST_COLUMN = 1
NOTES_COLUMN = 2

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""Every row can be selected, none edited (combined once: views ask for every cell)."""

_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        ENDPOINT_ID_ROLE,
    }
)
"""The roles this model has data for. Views ask for about a dozen roles per cell on every
paint; answering the rest before any look-up keeps repaints cheap."""

SECTION_TITLES: Mapping[EndpointKind, str] = {
    EndpointKind.SDK: "SDKs (not Web API endpoints)",
    EndpointKind.PARTNER: "Open Access partner API (approved partners only)",
}
"""Sections for what is not a Web API endpoint, so nobody mistakes them for one."""

REQUEST_TEXT: Mapping[EndpointKind, str] = {
    EndpointKind.SDK: "SDK",
    EndpointKind.PARTNER: "partner API call",
}
"""The Request column for targets that have no method and path."""


@dataclass(frozen=True)
class EndpointRow:
    """One listed endpoint: its coverage, or None when it needs no scope and none concerns it."""

    endpoint: Endpoint
    coverage: EndpointCoverage | None

    @property
    def blocked(self) -> bool:
        """A ticked scope concerns it, but a required scope is missing."""
        return self.coverage is not None and self.coverage.level is CoverageLevel.BLOCKED

    def notes(self) -> str:
        """The Notes column: coverage first, then deprecation and Premium marks."""
        parts = []
        if self.coverage is None:
            parts.append("needs no scope")
        elif self.coverage.level is CoverageLevel.BLOCKED:
            parts.append("blocked: " + self.coverage.explain())
        elif self.coverage.level is CoverageLevel.PARTIAL:
            parts.append("partial: " + self.coverage.explain())
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
        if self.coverage is None:
            lines.append("Needs no scope: any access token can call it.")
        elif self.coverage.level is CoverageLevel.BLOCKED:
            lines.append(f"Blocked: {self.coverage.explain()}.")
        elif self.coverage.level is CoverageLevel.PARTIAL:
            lines.append(f"Partly covered: {self.coverage.explain()}.")
        else:
            lines.append("Covered by the ticked scopes.")
        lines += endpoint_facts(endpoint)
        return "\n".join(lines)


def endpoint_facts(endpoint: Endpoint) -> list[str]:
    """Tooltip sentences that hold whatever is ticked: the choice rule, deprecation, Premium."""
    facts = []
    if endpoint.requirement.choice:
        facts.append(f"Which scope applies: {endpoint.requirement.choice}.")
    if endpoint.deprecated:
        facts.append(endpoint.deprecation_note or "Deprecated.")
    if endpoint.premium_only:
        facts.append("Works only for users with Spotify Premium.")
    return facts


@dataclass(frozen=True)
class EndpointGroup:
    """The rows of one reference group (or the SDK / Open Access section)."""

    name: str
    rows: tuple[EndpointRow, ...]

    @property
    def title(self) -> str:
        """The group's heading, naming SDK and partner sections for what they are."""
        return SECTION_TITLES.get(self.rows[0].endpoint.kind, self.name)


class EndpointModel(TwoLevelModel):
    """Endpoints the selected scopes concern, grouped; optionally those needing no scope.

    The rows come straight from the core's ``Coverage``; this model only groups and labels
    them. It is rebuilt (reset) on every change of the selection.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QObject | None = None) -> None:
        super().__init__(("Endpoint", "Request", "Notes"), parent)
        self._adapter = adapter
        self._public = public_endpoints(adapter.catalogue)
        self._show_public = False
        self._groups: tuple[EndpointGroup, ...] = ()
        self._row_texts: tuple[tuple[tuple[str, ...], ...], ...] = ()
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
        if self.is_group(index):
            return None
        return self._groups[self.group_row(index)].rows[index.row()]

    def summary(self) -> str:
        """The count line: covered Web API endpoints, blocked ones, SDK and partner targets."""
        coverage = self._adapter.selection.coverage
        web_api = [e for e in coverage.endpoints if e.endpoint.kind is EndpointKind.WEB_API]
        covered = sum(entry.callable for entry in web_api)
        parts = [plural(covered, "endpoint") + " covered"]
        blocked = len(web_api) - covered
        if blocked:
            parts[0] += f", {blocked} blocked"
        for kind, singular in (
            (EndpointKind.SDK, "SDK"),
            (EndpointKind.PARTNER, "Open Access partner call"),
        ):
            count = sum(e.callable and e.endpoint.kind is kind for e in coverage.endpoints)
            if count:
                parts.append(plural(count, singular))
        if self._show_public:
            listed = {entry.endpoint.id for entry in coverage.endpoints}
            extra = sum(endpoint.id not in listed for endpoint in self._public)
            parts.append(f"{extra} more need no scope")
        return " · ".join(parts)

    def shown_texts(self, group_row: int) -> tuple[tuple[str, ...], ...]:
        """The texts of the group's rows, column by column, as ``row_text`` gives them."""
        return self._row_texts[group_row]

    def group_count(self) -> int:
        return len(self._groups)

    def leaf_count(self, group_row: int) -> int:
        return len(self._groups[group_row].rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        if self.is_group(index):
            return self._group_data(self._groups[index.row()], index.column(), role)
        group_row = self.group_row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            # Views ask for every shown cell's text on each paint: kept since the last rebuild.
            return self._row_texts[group_row][index.row()][index.column()]
        return self._row_data(self._groups[group_row].rows[index.row()], index.column(), role)

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
            # Read at paint time, so a palette change recolours the rows with the next repaint.
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

    def _rebuild(self, coverage: Coverage) -> None:
        rows = {}
        if self._show_public:
            rows = {endpoint.id: EndpointRow(endpoint, None) for endpoint in self._public}
        rows.update(
            (entry.endpoint.id, EndpointRow(entry.endpoint, entry)) for entry in coverage.endpoints
        )
        catalogue = self._adapter.catalogue
        ordered = sorted(rows.values(), key=lambda row: catalogue.endpoint_sort_key(row.endpoint))
        self._groups = tuple(
            EndpointGroup(name, tuple(members))
            for name, members in groupby(ordered, key=lambda row: row.endpoint.group)
        )
        self._row_texts = tuple(
            tuple(
                tuple(self.row_text(row, column) for column in range(self.columnCount()))
                for row in group.rows
            )
            for group in self._groups
        )

    def _on_selection_changed(self, _coverage: Coverage) -> None:
        self._reset()

    def _reset(self) -> None:
        """Rows come and go with every change, so views get a reset rather than row moves."""
        self.beginResetModel()
        self._rebuild(self._adapter.selection.coverage)
        self.endResetModel()
