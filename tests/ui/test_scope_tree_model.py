"""The scope tree: categories with derived tri-state checks over the one selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.selection import Selection
from scope_picker.ui.scopes.scope_tree_model import _ANSWERED_ROLES as ANSWERED
from scope_picker.ui.scopes.scope_tree_model import (
    CATEGORY_ID_ROLE,
    DESCRIPTION_COLUMN,
    NAME_COLUMN,
    SCOPE_NAME_ROLE,
    ScopeTreeModel,
    short_description,
)
from scope_picker.ui.shared.selection_adapter import SelectionAdapter

pytestmark = pytest.mark.gui

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def model(adapter: SelectionAdapter) -> ScopeTreeModel:
    return ScopeTreeModel(adapter)


def category_index(model: ScopeTreeModel, category_id: str) -> QModelIndex:
    matches = model.match(model.index(0, 0), CATEGORY_ID_ROLE, category_id, 1)
    assert matches, category_id
    return matches[0]


def test_passes_the_model_tester_empty_and_with_scopes(
    qtmodeltester: ModelTester, model: ScopeTreeModel, selection: Selection
) -> None:
    qtmodeltester.check(model)
    selection.replace(["user-read-email", "playlist-read-private", "streaming"])
    qtmodeltester.check(model)


def test_categories_hold_their_scopes_in_page_order(
    model: ScopeTreeModel, catalogue: Catalogue
) -> None:
    assert model.rowCount() == len(catalogue.categories) == 9
    names = []
    for row, category in enumerate(catalogue.categories):
        parent = model.index(row, NAME_COLUMN)
        assert parent.data() == category.name
        assert model.scope_at(parent) is None
        names += [
            model.index(child, NAME_COLUMN, parent).data(SCOPE_NAME_ROLE)
            for child in range(model.rowCount(parent))
        ]
    assert names == list(catalogue.scope_names)
    assert len(names) == 25


def test_rows_show_name_and_the_first_sentence_of_the_description(
    model: ScopeTreeModel, catalogue: Catalogue
) -> None:
    scope = catalogue.scope("app-remote-control")
    name = model.index_of_scope("app-remote-control")
    description = model.index_of_scope("app-remote-control", DESCRIPTION_COLUMN)
    assert name.data() == "app-remote-control"
    assert description.data() == short_description(scope) == "Remote control playback of Spotify."
    assert scope.description in description.data(Qt.ItemDataRole.ToolTipRole)
    assert description.data(CHECK) is None  # only the name column is checkable


def test_ticking_a_scope_goes_through_the_selection(
    qtbot: QtBot, model: ScopeTreeModel, selection: Selection, adapter: SelectionAdapter
) -> None:
    index = model.index_of_scope("user-read-email")
    with qtbot.waitSignal(adapter.changed) as change:
        assert model.setData(index, Qt.CheckState.Checked, CHECK)
    assert isinstance(change.args[0], Coverage)
    assert selection.scopes == ("user-read-email",)
    assert index.data(CHECK) == Qt.CheckState.Checked
    with qtbot.assertNotEmitted(adapter.changed):
        assert model.setData(index, Qt.CheckState.Checked.value, CHECK)  # ints work too
    assert model.setData(index, Qt.CheckState.Unchecked, CHECK)
    assert selection.scopes == ()


def test_category_state_follows_its_children(
    qtbot: QtBot, model: ScopeTreeModel, selection: Selection
) -> None:
    users = category_index(model, "users")
    assert users.data(CHECK) == Qt.CheckState.Unchecked
    selection.set_selected(["user-read-email"], True)
    assert users.data(CHECK) == Qt.CheckState.PartiallyChecked
    assert users.siblingAtColumn(DESCRIPTION_COLUMN).data() == "1 of 3 ticked"
    with qtbot.waitSignal(model.dataChanged):
        selection.set_selected(["user-read-private", "user-personalized"], True)
    assert users.data(CHECK) == Qt.CheckState.Checked
    assert users.siblingAtColumn(DESCRIPTION_COLUMN).data() == "3 of 3 ticked"


def test_ticking_a_category_ticks_its_group_as_one_change(
    model: ScopeTreeModel, selection: Selection, catalogue: Catalogue
) -> None:
    changes: list[Coverage] = []
    selection.subscribe(changes.append)
    playlists = category_index(model, "playlists")
    assert model.setData(playlists, Qt.CheckState.Checked, CHECK)
    assert len(changes) == 1
    assert selection.scopes == tuple(s.name for s in catalogue.scopes_in("playlists"))
    for row in range(model.rowCount(playlists)):
        assert model.index(row, NAME_COLUMN, playlists).data(CHECK) == Qt.CheckState.Checked
    assert model.setData(playlists, Qt.CheckState.Unchecked, CHECK)
    assert len(changes) == 2
    assert selection.scopes == ()


def test_a_partly_ticked_category_is_completed_by_a_tick(
    model: ScopeTreeModel, selection: Selection
) -> None:
    selection.replace(["user-follow-read", "user-read-email"])
    follow = category_index(model, "follow")
    assert follow.data(CHECK) == Qt.CheckState.PartiallyChecked
    assert model.setData(follow, Qt.CheckState.Checked, CHECK)
    assert selection.scopes == ("user-follow-modify", "user-follow-read", "user-read-email")


@pytest.mark.parametrize(
    ("column", "value", "role"),
    [
        (NAME_COLUMN, Qt.CheckState.PartiallyChecked, CHECK),
        (NAME_COLUMN, "ticked", CHECK),
        (NAME_COLUMN, "user-read-email", Qt.ItemDataRole.EditRole),
        (DESCRIPTION_COLUMN, Qt.CheckState.Checked, CHECK),
    ],
)
def test_set_data_refuses_what_is_not_a_tick(
    qtbot: QtBot,
    model: ScopeTreeModel,
    adapter: SelectionAdapter,
    column: int,
    value: object,
    role: int,
) -> None:
    index = model.index_of_scope("user-read-email", column)
    with qtbot.assertNotEmitted(adapter.changed):
        assert not model.setData(index, value, role)


def test_only_the_name_column_is_checkable(model: ScopeTreeModel) -> None:
    checkable = Qt.ItemFlag.ItemIsUserCheckable
    assert model.flags(model.index_of_scope("streaming")) & checkable
    assert not model.flags(model.index_of_scope("streaming", DESCRIPTION_COLUMN)) & checkable
    assert model.flags(category_index(model, "playback")) & checkable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_space_in_a_tree_view_toggles_the_current_row(
    qtbot: QtBot, model: ScopeTreeModel, selection: Selection
) -> None:
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    view.setCurrentIndex(model.index_of_scope("user-top-read"))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert selection.scopes == ("user-top-read",)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert selection.scopes == ()


def test_a_change_signals_only_the_rows_it_touched(
    model: ScopeTreeModel, selection: Selection, catalogue: Catalogue
) -> None:
    signalled: list[tuple[int, int, int, int, str | None]] = []

    def record(top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        parent = top_left.parent()
        category = parent.data(CATEGORY_ID_ROLE) if parent.isValid() else None
        signalled.append(
            (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column(), category)
        )

    model.dataChanged.connect(record)
    users = [scope.name for scope in catalogue.scopes_in("users")]
    users_row = category_index(model, "users").row()
    selection.set_selected([users[1]], True)
    # The ticked scope's check box, then the category row: its check and its count.
    assert signalled == [
        (1, NAME_COLUMN, 1, NAME_COLUMN, "users"),
        (users_row, 0, users_row, 1, None),
    ]
    signalled.clear()
    selection.set_selected(["user-follow-read", users[0], users[2]], True)
    follow_row = category_index(model, "follow").row()
    follow_scope_row = [s.name for s in catalogue.scopes_in("follow")].index("user-follow-read")
    assert signalled == [
        (follow_scope_row, NAME_COLUMN, follow_scope_row, NAME_COLUMN, "follow"),
        (0, NAME_COLUMN, 2, NAME_COLUMN, "users"),
        (follow_row, 0, users_row, 1, None),
    ]
    signalled.clear()
    selection.set_selected([users[1]], True)  # no change, no signal
    assert signalled == []


def test_data_answers_no_role_outside_the_declared_ones(
    model: ScopeTreeModel, selection: Selection, catalogue: Catalogue
) -> None:
    # data() returns None for undeclared roles before looking anything up, so a role answered
    # below that filter but not declared in it would silently never reach a view.
    selection.replace([catalogue.scopes[0].name])
    undeclared = [role for role in range(Qt.ItemDataRole.UserRole + 8) if role not in ANSWERED]
    for category in catalogue.categories:
        for column in range(model.columnCount()):
            assert all(model._category_data(category, column, r) is None for r in undeclared)
            for scope in catalogue.scopes_in(category.id):
                assert all(model._scope_data(scope, column, r) is None for r in undeclared)


def test_passes_the_model_tester_with_picked_endpoints(
    qtmodeltester: ModelTester, model: ScopeTreeModel, selection: Selection, catalogue: Catalogue
) -> None:
    plan = EndpointPlan(catalogue)
    plan.set_picked(["get-queue"], True)
    model.show_plan(plan)
    selection.replace(["user-read-playback-state", "streaming"])
    qtmodeltester.check(model)
    assert model.unneeded() == ("streaming",)
