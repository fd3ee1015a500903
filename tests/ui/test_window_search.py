"""Searching the real window: filtering, counting, clearing, and ticking what is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.selection import Selection
from scope_picker.ui.scopes.scope_tree_model import SCOPE_NAME_ROLE, ScopeTreeModel
from scope_picker.ui.shared.check_filter_proxy import CheckFilterProxy
from scope_picker.ui.shared.endpoint_rows import ENDPOINT_ID_ROLE
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

CHECK = Qt.ItemDataRole.CheckStateRole


def shown(proxy: QSortFilterProxyModel, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    """Leaf rows the filter lets through, as the view shows them."""
    return [
        proxy.index(row, 0, proxy.index(group, 0)).data(role)
        for group in range(proxy.rowCount())
        for row in range(proxy.rowCount(proxy.index(group, 0)))
    ]


def group_named(proxy: QSortFilterProxyModel, prefix: str) -> QModelIndex:
    return next(
        proxy.index(row, 0)
        for row in range(proxy.rowCount())
        if str(proxy.index(row, 0).data()).startswith(prefix)
    )


def test_the_scope_filter_passes_the_model_tester(
    qtmodeltester: ModelTester, adapter: SelectionAdapter, selection: Selection
) -> None:
    proxy = CheckFilterProxy(ScopeTreeModel(adapter))
    qtmodeltester.check(proxy)
    proxy.set_search("read")
    selection.replace(["user-read-email", "streaming"])
    qtmodeltester.check(proxy)
    proxy.set_search("")
    qtmodeltester.check(proxy)


def test_typing_filters_scopes_and_endpoints_and_counts_them(window: MainWindow) -> None:
    window.search.field.setText("playback STATE")
    assert shown(window.scope_proxy, SCOPE_NAME_ROLE) == [
        "user-read-playback-state",
        "user-modify-playback-state",
    ]
    endpoints = shown(window.picker.proxy)
    assert "Get Playback State" in endpoints
    assert "Get Album" not in endpoints
    assert window.search.count.text() == (
        f"2 scopes in Scopes, {len(endpoints)} endpoints in Pick endpoints"
    )
    # A matching group shows all its rows.
    window.search.field.setText("spotify connect")
    assert len(shown(window.scope_proxy)) == 3


def test_a_search_by_endpoint_name_finds_its_scopes_and_says_where(window: MainWindow) -> None:
    window.search.field.setText("skip")
    assert shown(window.scope_proxy, SCOPE_NAME_ROLE) == ["user-modify-playback-state"]
    assert shown(window.picker.proxy) == ["Skip To Next", "Skip To Previous"]
    assert window.search.count.text() == "1 scope in Scopes, 2 endpoints in Pick endpoints"


@pytest.mark.parametrize("query", ["user's email", "USER\u2019S EMAIL", "real email"])
def test_case_and_apostrophes_do_not_matter(window: MainWindow, query: str) -> None:
    window.search.field.setText(query)
    assert shown(window.scope_proxy, SCOPE_NAME_ROLE) == ["user-read-email"]


def test_endpoints_are_found_by_path_and_scopes_by_their_endpoints_paths(
    window: MainWindow,
) -> None:
    window.search.field.setText("/me/player/queue")
    assert shown(window.picker.proxy) == ["Get the User's Queue", "Add Item to Playback Queue"]
    assert set(shown(window.scope_proxy, SCOPE_NAME_ROLE)) == {
        "user-read-playback-state",
        "user-modify-playback-state",
        "user-read-currently-playing",
    }


def test_no_match_says_so(window: MainWindow) -> None:
    window.search.field.setText("zzzz")
    assert shown(window.scope_proxy) == []
    assert shown(window.picker.proxy) == []
    assert window.search.count.text() == "nothing matches"


@pytest.mark.usefixtures("active_window")
def test_ctrl_f_finds_and_esc_clears(qtbot: QtBot, window: MainWindow) -> None:
    window.scope_tree.setFocus()
    qtbot.keySequence(window.scope_tree, "Ctrl+F")
    assert QApplication.focusWidget() is window.search.field
    qtbot.keyClicks(window.search.field, "user-follow")
    assert len(shown(window.scope_proxy)) == 2
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.query == ""
    assert len(shown(window.scope_proxy)) == 25
    assert window.search.count.text() == ""

    # Esc also clears from the lists, where the search result is being used.
    window.search.field.setText("follow")
    window.scope_tree.setFocus()
    qtbot.keyClick(window.scope_tree, Qt.Key.Key_Escape)
    assert window.search.query == ""


def test_ticking_a_category_while_filtered_ticks_only_the_scopes_shown(
    window: MainWindow, selection: Selection
) -> None:
    changes: list[Coverage] = []
    selection.subscribe(changes.append)
    window.search.field.setText("user-read")
    proxy = window.scope_proxy
    users = group_named(proxy, "Users")
    assert proxy.rowCount(users) == 2  # user-personalized is hidden
    assert users.data(CHECK) == Qt.CheckState.Unchecked
    assert proxy.setData(users, Qt.CheckState.Checked, CHECK)
    assert len(changes) == 1
    assert selection.scopes == ("user-read-email", "user-read-private")
    # Every shown scope is ticked, but not the hidden user-personalized: not ✓.
    assert users.data(CHECK) == Qt.CheckState.PartiallyChecked
    # Ticking the box again unticks the rows shown: it still toggles them.
    assert proxy.setData(users, Qt.CheckState.Checked, CHECK)
    assert selection.scopes == ()
    assert proxy.setData(users, Qt.CheckState.Checked, CHECK)

    window.search.clear()
    users = group_named(proxy, "Users")
    assert users.data(CHECK) == Qt.CheckState.PartiallyChecked
    assert users.siblingAtColumn(1).data() == "2 of 3 ticked"


def test_the_tri_state_follows_the_shown_scopes(window: MainWindow, selection: Selection) -> None:
    window.search.field.setText("playlist-modify")
    proxy = window.scope_proxy
    playlists = group_named(proxy, "Playlists")
    first = proxy.index(0, 0, playlists)
    assert proxy.setData(first, Qt.CheckState.Checked, CHECK)
    assert playlists.data(CHECK) == Qt.CheckState.PartiallyChecked
    assert proxy.setData(playlists, Qt.CheckState.Checked, CHECK)
    assert selection.scopes == ("playlist-modify-private", "playlist-modify-public")
    assert proxy.setData(playlists, Qt.CheckState.Unchecked, CHECK)
    assert selection.scopes == ()
    assert not proxy.setData(playlists, Qt.CheckState.PartiallyChecked, CHECK)
    assert not proxy.setData(playlists, "ticked", CHECK)


def test_ticking_an_endpoint_group_while_filtered_picks_only_what_is_shown(
    window: MainWindow, selection: Selection
) -> None:
    window.search.field.setText("pause")
    proxy = window.picker.proxy
    player = group_named(proxy, "Player")
    assert shown(proxy) == ["Pause Playback"]
    assert proxy.setData(player, Qt.CheckState.Checked, CHECK)
    assert [e.id for e in window.picker.plan.picked] == ["pause-a-users-playback"]
    assert selection.scopes == ("user-modify-playback-state",)
    # One of the group's endpoints is picked: its box says partly, not ✓.
    assert player.data(CHECK) == Qt.CheckState.PartiallyChecked


def test_the_details_follow_a_row_found_by_search(window: MainWindow) -> None:
    window.search.field.setText("ugc")
    window.scope_tree.setCurrentIndex(
        window.scope_proxy.index(0, 0, window.scope_proxy.index(0, 0))
    )
    assert "ugc-image-upload" in window.details.toPlainText()
    window.show_scope("streaming")  # hidden by the search: the search ends
    assert window.search.query == ""
    assert "streaming" in window.details.toPlainText()


def test_every_endpoint_is_found_by_its_name_its_label_and_its_id(
    window: MainWindow, catalogue: Catalogue
) -> None:
    """The window's endpoint look-up: each name the catalogue gives an endpoint (the reference
    name, ``GET /albums/{id}``, the operation id) shows that endpoint in Pick endpoints."""
    missing = []
    for endpoint in catalogue.endpoints:
        for text in (endpoint.name, endpoint.label, endpoint.id):
            window.search.field.setText(text)
            if endpoint.id not in shown(window.picker.proxy, ENDPOINT_ID_ROLE):
                missing.append(f"{text!r} does not show {endpoint.id}")
    assert missing == []
