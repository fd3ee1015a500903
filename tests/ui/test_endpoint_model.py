"""The endpoint list: grouped, marked (partial, blocked, deprecated, Premium), counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import AppMode, Catalogue
from scope_picker.core.coverage import public_endpoints
from scope_picker.core.selection import Selection
from scope_picker.ui.endpoints.endpoint_model import _ANSWERED_ROLES as ANSWERED
from scope_picker.ui.endpoints.endpoint_model import (
    NAME_COLUMN,
    NOTES_COLUMN,
    REQUEST_COLUMN,
    EndpointModel,
)
from scope_picker.ui.endpoints.endpoint_view import EndpointPanel
from scope_picker.ui.shared.endpoint_rows import ENDPOINT_ID_ROLE
from scope_picker.ui.shared.selection_adapter import SelectionAdapter

pytestmark = pytest.mark.gui


@pytest.fixture
def model(adapter: SelectionAdapter) -> EndpointModel:
    return EndpointModel(adapter)


def endpoint_row(model: EndpointModel, endpoint_id: str) -> QModelIndex:
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, NAME_COLUMN, parent)
            if index.data(ENDPOINT_ID_ROLE) == endpoint_id:
                return index
    raise AssertionError(f"{endpoint_id} is not listed")


def listed_ids(model: EndpointModel) -> list[str]:
    return [row.endpoint.id for group in model.groups for row in group.rows]


def find_id(catalogue: Catalogue, label: str) -> str:
    return next(e.id for e in catalogue.endpoints if e.label == label and not e.deprecated)


def test_passes_the_model_tester(
    qtmodeltester: ModelTester, model: EndpointModel, selection: Selection
) -> None:
    qtmodeltester.check(model)
    selection.replace(["user-read-private", "user-modify-playback-state", "streaming"])
    qtmodeltester.check(model)
    model.set_show_public(True)
    qtmodeltester.check(model)


def test_nothing_ticked_lists_nothing(model: EndpointModel) -> None:
    assert model.rowCount() == 0
    assert model.summary() == "0 endpoints covered"


def test_lists_exactly_the_coverage_grouped_in_reference_order(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["user-library-read", "playlist-modify-public", "app-remote-control"])
    assert listed_ids(model) == [entry.endpoint.id for entry in selection.coverage.endpoints]
    group_names = [group.name for group in model.groups]
    assert group_names == sorted(group_names, key=catalogue.groups.index)
    assert group_names[-1] == "SDKs"
    assert model.index(len(group_names) - 1, 0).data() == "SDKs (not Web API endpoints) (2)"


def test_rows_show_name_request_and_notes(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.set_mode(AppMode.EXTENDED)
    selection.replace(["user-read-private"])
    me = endpoint_row(model, find_id(catalogue, "GET /me"))
    assert me.data() == "Get Current User's Profile"
    assert me.siblingAtColumn(REQUEST_COLUMN).data() == "GET /me"
    assert (
        me.siblingAtColumn(NOTES_COLUMN).data() == "partial: user-read-email adds the email address"
    )
    assert "Partly covered: user-read-email adds the email address." in me.data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_in_development_mode_a_ticked_scope_whose_fields_spotify_removed_says_so(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["user-read-private"])
    me = endpoint_row(model, find_id(catalogue, "GET /me"))
    lost = (
        "user-read-private adds nothing in Development mode: Spotify no longer returns the "
        "country, subscription level (product) and explicit-content settings"
    )
    assert me.siblingAtColumn(NOTES_COLUMN).data() == (
        "user-read-private adds nothing in Development mode"
    )
    assert f"Covered by the ticked scopes; {lost}." in me.data(Qt.ItemDataRole.ToolTipRole)
    selection.replace(["user-read-private", "user-read-email"])
    me = endpoint_row(model, find_id(catalogue, "GET /me"))
    assert me.siblingAtColumn(NOTES_COLUMN).data() == (
        "user-read-private and user-read-email add nothing in Development mode"
    )
    assert me.data(Qt.ItemDataRole.ForegroundRole) is None  # covered, not greyed as blocked


def test_blocked_endpoints_say_what_they_also_need_and_look_greyed(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["ugc-image-upload"])
    cover = endpoint_row(model, find_id(catalogue, "PUT /playlists/{playlist_id}/images"))
    notes = cover.siblingAtColumn(NOTES_COLUMN).data()
    assert notes.startswith("blocked: also needs playlist-modify-public or playlist-modify-private")
    assert cover.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.summary() == "0 endpoints covered, 1 blocked"
    selection.set_selected(["playlist-modify-private"], True)
    cover = endpoint_row(model, find_id(catalogue, "PUT /playlists/{playlist_id}/images"))
    assert cover.siblingAtColumn(NOTES_COLUMN).data() == ""
    assert cover.data(Qt.ItemDataRole.ForegroundRole) is None


def test_deprecated_and_premium_endpoints_are_marked(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.set_mode(AppMode.EXTENDED)
    selection.replace(["user-library-modify", "user-modify-playback-state"])
    old = next(e for e in catalogue.endpoints if e.label == "PUT /me/tracks")
    deprecated = endpoint_row(model, old.id)
    assert deprecated.siblingAtColumn(NOTES_COLUMN).data() == "deprecated"
    font = deprecated.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert old.deprecation_note
    assert old.deprecation_note in deprecated.data(Qt.ItemDataRole.ToolTipRole)
    pause = endpoint_row(model, find_id(catalogue, "PUT /me/player/pause"))
    assert pause.siblingAtColumn(NOTES_COLUMN).data() == "Premium only"
    assert pause.data(Qt.ItemDataRole.FontRole) is None


def test_development_mode_shows_removed_endpoints_as_unavailable_with_date_and_link(
    model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["user-library-modify"])
    old = endpoint_row(model, "save-tracks-user")
    assert old.siblingAtColumn(NOTES_COLUMN).data() == (
        "unavailable in Development mode since 2026-02-11 · deprecated"
    )
    tooltip = old.data(Qt.ItemDataRole.ToolTipRole)
    assert "Unavailable in Development mode since 2026-02-11" in tooltip
    assert catalogue.development_mode.guide_url in tooltip
    assert old.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.summary().endswith("unavailable in Development mode")
    selection.set_mode(AppMode.EXTENDED)
    old = endpoint_row(model, "save-tracks-user")
    assert old.siblingAtColumn(NOTES_COLUMN).data() == "deprecated"
    assert "unavailable" not in model.summary()


def test_tooltips_give_the_reason_from_the_sources(
    model: EndpointModel, selection: Selection
) -> None:
    selection.replace(["user-read-currently-playing"])
    row = endpoint_row(model, "get-the-users-currently-playing-track")
    tooltip = row.data(Qt.ItemDataRole.ToolTipRole)
    assert "Why: The Scopes page lists it under user-read-playback-state, " in tooltip
    assert "The spec lists user-read-currently-playing." in tooltip


def test_sdk_and_partner_targets_have_their_own_sections_and_count(
    model: EndpointModel, selection: Selection
) -> None:
    selection.replace(["streaming", "soa-manage-entitlements", "user-read-email"])
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles == [
        "Users (1)",
        "SDKs (not Web API endpoints) (1)",
        "Open Access partner API (approved partners only) (4)",
    ]
    sdk = model.index(0, REQUEST_COLUMN, model.index(1, 0))
    assert sdk.data() == "SDK"
    assert model.summary() == "1 endpoint covered · 1 SDK · 4 Open Access partner calls"


def test_endpoints_needing_no_scope_are_listed_on_request(
    qtbot: QtBot, model: EndpointModel, selection: Selection, catalogue: Catalogue
) -> None:
    selection.replace(["user-read-email"])
    with qtbot.waitSignal(model.modelReset):
        model.set_show_public(True)
    public = public_endpoints(catalogue)
    assert set(listed_ids(model)) == {e.id for e in public}
    album = endpoint_row(model, find_id(catalogue, "GET /albums/{id}"))
    assert album.siblingAtColumn(NOTES_COLUMN).data() == "needs no scope"
    me = endpoint_row(model, find_id(catalogue, "GET /me"))
    assert me.siblingAtColumn(NOTES_COLUMN).data().startswith("user-read-email adds nothing")
    # Of the 40 others that need no scope, Spotify removed 24 for Development-mode apps.
    assert model.summary() == (
        "1 endpoint covered · 16 more need no scope (and 24 unavailable in Development mode)"
    )
    selection.set_mode(AppMode.EXTENDED)
    assert model.summary() == f"1 endpoint covered · {len(public) - 1} more need no scope"
    selection.set_mode(AppMode.DEVELOPMENT)
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_show_public(True)
    model.set_show_public(False)
    assert listed_ids(model) == [find_id(catalogue, "GET /me")]


def test_panel_counts_and_keeps_folded_groups_folded(
    qtbot: QtBot, adapter: SelectionAdapter, selection: Selection
) -> None:
    panel = EndpointPanel(adapter)
    qtbot.addWidget(panel)
    selection.replace(["user-read-playback-state", "playlist-read-private"])
    assert panel.summary.text() == panel.model.summary()
    # Three playlist reads are unavailable in Development mode, the default.
    assert panel.summary.text() == (
        "6 endpoints covered, 1 blocked, 3 unavailable in Development mode"
    )

    def group(name: str) -> QModelIndex:
        names = [group.name for group in panel.model.groups]
        return panel.model.index(names.index(name), 0)

    assert [g.name for g in panel.model.groups] == ["Library", "Player", "Playlists", "Users"]
    assert all(panel.view.isExpanded(group(name)) for name in ("Player", "Playlists"))
    panel.view.collapse(group("Player"))
    selection.set_selected(["user-top-read"], True)
    assert not panel.view.isExpanded(group("Player"))
    assert panel.view.isExpanded(group("Playlists"))
    panel.view.expand(group("Player"))
    selection.set_selected(["user-top-read"], False)
    assert panel.view.isExpanded(group("Player"))
    panel.show_public.setChecked(True)
    assert panel.model.show_public
    assert "need no scope" in panel.summary.text()


def shown_panel(qtbot: QtBot, adapter: SelectionAdapter, width: int, height: int) -> EndpointPanel:
    """An endpoint panel of that size, on screen."""
    panel = EndpointPanel(adapter)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_count_line_takes_the_height_its_text_needs_as_the_text_changes(
    qtbot: QtBot, adapter: SelectionAdapter, selection: Selection
) -> None:
    panel = shown_panel(qtbot, adapter, 180, 400)
    summary = panel.summary

    def fits() -> bool:
        return summary.height() == summary.heightForWidth(summary.width())

    qtbot.waitUntil(fits)
    one_line = summary.height()
    # "N endpoints covered, M blocked · 1 SDK · ... · N more need no scope" wraps at 180 px.
    selection.replace([scope.name for scope in selection.catalogue.scopes])
    panel.show_public.setChecked(True)
    qtbot.waitUntil(fits)
    assert summary.height() > one_line
    selection.clear()
    panel.show_public.setChecked(False)
    qtbot.waitUntil(fits)
    assert summary.height() == one_line


@pytest.mark.parametrize("show_public", [False, True])
def test_columns_fit_their_widest_text_as_qt_measures_it(
    qtbot: QtBot, adapter: SelectionAdapter, selection: Selection, show_public: bool
) -> None:
    panel = EndpointPanel(adapter)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_public.setChecked(show_public)
    columns = (NAME_COLUMN, REQUEST_COLUMN, NOTES_COLUMN)

    def qt_widths() -> list[int]:
        # What QTreeView itself measures, cell by cell, for a ResizeToContents column.
        return [QTreeView.sizeHintForColumn(panel.view, column) for column in columns]

    for scopes in (
        ["playlist-read-private"],
        ["user-read-playback-state", "playlist-modify-public", "user-library-read"],
        [scope.name for scope in selection.catalogue.scopes],
    ):
        selection.replace(scopes)
        assert [panel.view.sizeHintForColumn(column) for column in columns] == qt_widths()
    panel.view.collapse(panel.model.index(0, 0))
    assert [panel.view.sizeHintForColumn(column) for column in columns] == qt_widths()
    selection.clear()
    if not show_public:
        assert [panel.view.sizeHintForColumn(column) for column in columns] == [-1, -1, -1]


def test_data_answers_no_role_outside_the_declared_ones(
    model: EndpointModel, selection: Selection
) -> None:
    # data() returns None for undeclared roles before looking anything up, so a role answered
    # below that filter but not declared in it would silently never reach a view.
    selection.replace([scope.name for scope in selection.catalogue.scopes])
    model.set_show_public(True)
    undeclared = [role for role in range(Qt.ItemDataRole.UserRole + 8) if role not in ANSWERED]
    for group in model.groups:
        for column in range(model.columnCount()):
            assert all(model._group_data(group, column, role) is None for role in undeclared)
            for row in group.rows:
                assert all(model._row_data(row, column, role) is None for role in undeclared)


def cells(model: EndpointModel) -> list[tuple[int, int, int, dict[int, object]]]:
    """Every cell of both levels with what it holds for each answered role."""
    found = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        indexes = [model.index(group, column) for column in range(model.columnCount())]
        for row in range(model.rowCount(parent)):
            indexes += [model.index(row, column, parent) for column in range(model.columnCount())]
        found += [
            (group, index.row(), index.column(), {role: index.data(role) for role in ANSWERED})
            for index in indexes
        ]
    return found


def test_updated_rows_hold_what_a_fresh_model_would(
    adapter: SelectionAdapter, selection: Selection, catalogue: Catalogue
) -> None:
    # The model rewrites only the rows that change; a model built afresh for the same
    # selection is what every step must look like, rows, texts, tooltips and colours alike.
    updated = EndpointModel(adapter)
    names = [scope.name for scope in catalogue.scopes]
    steps: list[tuple[list[str], bool]] = [
        (names[:3], False),
        ([*names[:3], "ugc-image-upload"], False),
        (names[1:6], True),
        (names, True),
        (names[::3], False),
        (["ugc-image-upload", "playlist-modify-private"], True),
        ([], False),
    ]
    for ticked, show_public in steps:
        selection.replace(ticked)
        updated.set_show_public(show_public)
        fresh = EndpointModel(adapter)
        fresh.set_show_public(show_public)
        assert cells(updated) == cells(fresh), (ticked, show_public)


def test_list_is_laid_out_for_new_rows_before_the_next_paint(
    qtbot: QtBot, adapter: SelectionAdapter, selection: Selection
) -> None:
    # Laid out at once, the change and the list's new layout show in one paint pass;
    # left to Qt's timers, the scroll range would still be that of the empty list here.
    panel = shown_panel(qtbot, adapter, 500, 200)
    bar = panel.view.verticalScrollBar()
    assert bar.maximum() == 0
    selection.replace([scope.name for scope in selection.catalogue.scopes])
    assert bar.maximum() > 0
    selection.clear()
    assert bar.maximum() == 0


class PaintCounter(QObject):
    """Counts the Paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_a_change_that_resizes_columns_repaints_the_list_once(
    qtbot: QtBot, adapter: SelectionAdapter, selection: Selection
) -> None:
    # A column that changes width leaves QTreeView a zero timer that repaints the columns
    # right of it; run after the paint, it would paint the list a second time.
    panel = shown_panel(qtbot, adapter, 900, 400)
    counter = PaintCounter(panel.view.viewport())
    header = panel.view.header()
    for scopes in (
        ["playlist-read-private"],
        ["user-read-playback-state", "user-library-read"],
        ["ugc-image-upload"],
        [scope.name for scope in selection.catalogue.scopes],
    ):
        widths = [header.sectionSize(column) for column in range(header.count())]
        qtbot.wait(20)
        counter.paints = 0
        selection.replace(scopes)
        assert [header.sectionSize(column) for column in range(header.count())] != widths
        qtbot.wait(50)
        assert counter.paints == 1, scopes
