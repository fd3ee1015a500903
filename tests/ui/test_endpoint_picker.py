"""From endpoints to the least scopes in the real window: picks, reasons, choices, flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFont, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import NOT_NEEDED, EndpointPlan
from scope_picker.core.least_scopes import least_scopes
from scope_picker.core.saved_selection import PICKED
from scope_picker.core.selection import Selection
from scope_picker.ui.picker.endpoint_picker import EndpointPicker
from scope_picker.ui.picker.endpoint_picker_model import (
    NAME_COLUMN,
    NOT_CALLABLE,
    NOTES_COLUMN,
    REQUEST_COLUMN,
    EndpointPickerModel,
)
from scope_picker.ui.picker.pick_reasons import NOTHING_PICKED_TEXT
from scope_picker.ui.shared.check_filter_proxy import CheckFilterProxy
from scope_picker.ui.shared.endpoint_rows import ENDPOINT_ID_ROLE
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.window.main_window import MainWindow
from scope_picker.ui.window.window_settings import PLAN_KEYS

pytestmark = pytest.mark.gui

CHECK = Qt.ItemDataRole.CheckStateRole
PLAYLIST_WRITE = "playlist-modify-private+playlist-modify-public"
PLAYBACK_READ = "choice:user-read-playback-state+user-read-currently-playing"


def picker_row(window: MainWindow, endpoint_id: str, column: int = NAME_COLUMN) -> QModelIndex:
    picker = window.picker
    return picker.proxy.mapFromSource(picker.model.index_of_endpoint(endpoint_id, column))


def pick(window: MainWindow, *endpoint_ids: str, picked: bool = True) -> None:
    """Tick rows as a user does: through the view's (filtered) model, one at a time."""
    state = Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked
    for endpoint_id in endpoint_ids:
        assert window.picker.proxy.setData(picker_row(window, endpoint_id), state, CHECK)


def reasons(window: MainWindow) -> str:
    """Everything the reasons panel says, as plain text, in reading order."""
    parts = []
    for child in window.picker.reasons.widget().findChildren(QWidget):
        if isinstance(child, QLabel):
            parts.append(QTextDocumentFragment.fromHtml(child.text()).toPlainText())
        elif isinstance(child, QGroupBox):
            parts.append(child.title())
        elif isinstance(child, QAbstractButton):
            parts.append(child.text())
    return "\n".join(parts)


def control(window: MainWindow, kind: type[QWidget], name: str) -> QWidget:
    found = window.picker.reasons.findChild(kind, name)
    assert found is not None, name
    return found


def test_the_picker_is_built_when_its_tab_first_shows_and_then_works(
    window: MainWindow, selection: Selection
) -> None:
    window.show()
    selection.replace(["user-top-read"])
    assert window.findChildren(EndpointPicker) == []  # not built: its tab has not been shown
    assert (
        window.scope_model.index_of_scope("user-top-read").data(Qt.ItemDataRole.DecorationRole)
        is None
    )  # nothing picked: nothing flagged
    window.show_picker_action.trigger()
    assert window.findChildren(EndpointPicker) == [window.picker]
    assert window.right_tabs.currentWidget() is window.picker
    assert window.picker.isVisible()
    assert window.right_tabs.tabText(window.right_tabs.currentIndex()) == "Pick endpoints"
    pick(window, "get-a-users-available-devices")
    assert selection.scopes == ("user-read-playback-state",)
    assert window.statusBar().currentMessage() == (
        "1 endpoint picked, 1 scope ticked; unticked user-top-read"
    )
    window.show_scope("user-read-playback-state")
    assert "needed by: Get Available Devices" in window.details.toPlainText()


def test_a_search_before_the_picker_is_built_counts_and_filters_its_endpoints(
    window: MainWindow,
) -> None:
    window.search.field.setText("/me/player/queue")
    assert window.findChildren(EndpointPicker) == [window.picker]  # built by the search
    assert window.search.count.text() == "3 scopes in Scopes, 2 endpoints in Pick endpoints"
    assert window.picker.proxy.visible_leaf_count() == 2


def test_picker_model_and_its_filter_pass_the_model_tester(
    qtmodeltester: ModelTester, adapter: SelectionAdapter, catalogue: Catalogue
) -> None:
    model = EndpointPickerModel(adapter, EndpointPlan(catalogue))
    qtmodeltester.check(model)
    model.set_picked(["get-queue", "add-items-to-playlist"], True)
    qtmodeltester.check(model)
    proxy = CheckFilterProxy(model)
    qtmodeltester.check(proxy)
    proxy.set_search("playlist items")
    qtmodeltester.check(proxy)
    proxy.set_search("no such endpoint at all")
    qtmodeltester.check(proxy)


def test_every_endpoint_is_listed_by_group_with_method_and_path(
    window: MainWindow, catalogue: Catalogue
) -> None:
    model = window.picker.model
    listed = [
        model.endpoint_at(model.index(row, 0, model.index(group, 0)))
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]
    assert sorted(e.id for e in listed if e) == sorted(e.id for e in catalogue.endpoints)
    assert model.index(0, NAME_COLUMN).data() == "Albums (8)"
    assert picker_row(window, "get-queue", REQUEST_COLUMN).data() == "GET /me/player/queue"
    assert picker_row(window, "get-an-album", NOTES_COLUMN).data() == "needs no scope"
    # Groups open, titles across the row, once the page is first shown.
    view = window.picker.view
    assert not view.isExpanded(view.model().index(0, 0))
    window.show()
    window.show_picker_action.trigger()
    assert view.isExpanded(view.model().index(0, 0))
    assert view.isFirstColumnSpanned(0, QModelIndex())


def test_ticking_endpoints_selects_the_least_scopes_with_reasons(
    window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    ids = ("get-queue", "get-a-users-available-devices", "pause-a-users-playback")
    assert NOTHING_PICKED_TEXT in reasons(window)
    pick(window, *ids)
    expected = least_scopes(catalogue, ids)
    assert (
        selection.scopes
        == expected.scopes
        == (
            "user-read-playback-state",
            "user-modify-playback-state",
            "user-read-currently-playing",
        )
    )
    text = reasons(window)
    assert "3 scopes needed by 3 picked endpoints" in text
    for name in expected.scopes:
        assert f"{name}: {expected.needed_by(name)}" in text
    assert window.statusBar().currentMessage() == "3 endpoints picked, 3 scopes ticked"
    tooltip = window.scope_model.index_of_scope("user-read-playback-state").data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Picked endpoints: needed by: Get Available Devices, Get the User's Queue" in tooltip
    window.show_scope("user-modify-playback-state")
    assert "Picked endpoints: needed by: Pause Playback" in window.details.toPlainText()


def test_picks_replace_the_selection_and_name_what_they_untick(
    window: MainWindow, selection: Selection
) -> None:
    selection.replace(["streaming", "user-top-read", "user-read-playback-state"])
    pick(window, "get-a-users-available-devices")
    assert selection.scopes == ("user-read-playback-state",)
    assert window.statusBar().currentMessage() == (
        "1 endpoint picked, 1 scope ticked; unticked streaming, user-top-read"
    )
    pick(window, "get-a-users-available-devices", picked=False)
    assert selection.scopes == ()
    assert window.statusBar().currentMessage() == (
        "No endpoint picked; unticked user-read-playback-state"
    )


def test_ticking_a_group_picks_it_as_one_change(
    window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    changes: list[Coverage] = []
    selection.subscribe(changes.append)
    proxy = window.picker.proxy
    player = next(
        proxy.index(row, 0)
        for row in range(proxy.rowCount())
        if str(proxy.index(row, 0).data()).startswith("Player")
    )
    assert proxy.setData(player, Qt.CheckState.Checked, CHECK)
    assert len(changes) == 1
    player_ids = [e.id for e in catalogue.endpoints if e.group == "Player"]
    assert [e.id for e in window.picker.plan.picked] == player_ids
    assert selection.scopes == least_scopes(catalogue, player_ids).scopes
    assert player.data(CHECK) == Qt.CheckState.Checked
    assert str(player.data()).endswith(f"{len(player_ids)} picked)")


def test_a_real_choice_is_offered_and_switching_it_changes_the_selection(
    window: MainWindow, selection: Selection
) -> None:
    pick(window, "add-items-to-playlist", "remove-items-playlist")
    # Public first: of two scopes that serve the call, the one that asks users less.
    assert selection.scopes == ("playlist-modify-public",)
    private = control(window, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-private")
    public = control(window, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-public")
    assert isinstance(private, QRadioButton)
    assert isinstance(public, QRadioButton)
    assert public.isChecked()
    assert not private.isChecked()
    assert "playlist-modify-public for public playlists" in reasons(window)
    assert "playlist-modify-private or playlist-modify-public for Add Items to Playlist, " in (
        reasons(window)
    )

    private.click()
    assert selection.scopes == ("playlist-modify-private",)
    private = control(window, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-private")
    assert isinstance(private, QRadioButton)
    assert private.isChecked()
    tooltip = window.scope_model.index_of_scope("playlist-modify-public").data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "an alternative, not chosen, for: Add Items to Playlist, Remove Playlist Items" in (
        tooltip
    )
    # The preference holds for the next pick that raises the same choice.
    pick(window, "change-playlist-details")
    assert selection.scopes == ("playlist-modify-private",)


def test_create_playlist_shows_its_own_note_beside_the_shared_one(window: MainWindow) -> None:
    pick(window, "add-items-to-playlist", "create-playlist")
    assert "Create Playlist: playlist-modify-public to create public playlists (the default)" in (
        reasons(window)
    )


@pytest.mark.usefixtures("active_window")
def test_the_arrow_keys_switch_a_choice_and_keep_the_focus(
    qtbot: QtBot, window: MainWindow, selection: Selection
) -> None:
    window.show_picker_action.trigger()
    pick(window, "add-items-to-playlist")
    private = control(window, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-private")
    private.setFocus()
    qtbot.keyClick(private, Qt.Key.Key_Down)
    assert selection.scopes == ("playlist-modify-public",)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.objectName() == f"choice:{PLAYLIST_WRITE}:playlist-modify-public"


def test_a_choice_a_required_scope_settles_is_explained_not_offered(
    window: MainWindow, selection: Selection
) -> None:
    pick(
        window,
        "get-information-about-the-users-current-playback",
        "get-the-users-currently-playing-track",
    )
    assert selection.scopes == ("user-read-playback-state",)
    assert "settled by user-read-playback-state, which is needed anyway" in reasons(window)
    assert window.picker.reasons.findChildren(QRadioButton) == []


def test_optional_scopes_are_offered_not_added(window: MainWindow, selection: Selection) -> None:
    pick(window, "get-current-users-profile")
    assert selection.scopes == ()
    assert "None of the picked endpoints needs a scope." in reasons(window)
    email = control(window, QCheckBox, "optional:user-read-email")
    assert isinstance(email, QCheckBox)
    assert not email.isChecked()
    assert (
        "Not needed; adds nothing in Development mode: Spotify no longer returns the email "
        "address (Get Current User's Profile)"
    ) in reasons(window)
    email.setChecked(True)
    assert selection.scopes == ("user-read-email",)
    email = control(window, QCheckBox, "optional:user-read-email")
    assert isinstance(email, QCheckBox)
    assert email.isChecked()


def test_deprecated_endpoints_carry_their_note(window: MainWindow, catalogue: Catalogue) -> None:
    old = catalogue.endpoint("save-tracks-user")
    assert old.deprecation_note
    row = picker_row(window, old.id)
    assert old.deprecation_note in row.data(Qt.ItemDataRole.ToolTipRole)
    font = row.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert picker_row(window, old.id, NOTES_COLUMN).data() == "deprecated, use PUT /me/library"
    pick(window, old.id)
    assert "Deprecated picked endpoints" in reasons(window)
    assert old.deprecation_note in reasons(window)


def test_scopes_no_picked_endpoint_needs_are_flagged(
    window: MainWindow, selection: Selection
) -> None:
    tree_model = window.scope_model
    selection.replace(["user-top-read"])
    flagged = tree_model.index_of_scope("user-top-read")
    assert flagged.data(Qt.ItemDataRole.DecorationRole) is None  # nothing picked yet
    pick(window, "get-a-users-available-devices", "get-current-users-profile")
    selection.set_selected(["user-top-read", "user-read-email"], True)

    assert flagged.data(Qt.ItemDataRole.DecorationRole) is not None
    assert flagged.data(Qt.ItemDataRole.AccessibleDescriptionRole) == NOT_NEEDED
    assert NOT_NEEDED in flagged.data(Qt.ItemDataRole.ToolTipRole)
    needed = tree_model.index_of_scope("user-read-playback-state")
    optional = tree_model.index_of_scope("user-read-email")  # adds data: not flagged
    assert needed.data(Qt.ItemDataRole.DecorationRole) is None
    assert optional.data(Qt.ItemDataRole.DecorationRole) is None
    window.show_scope("user-top-read")
    assert f"Ticked, but {NOT_NEEDED}" in window.details.toPlainText()
    assert f"Ticked, but {NOT_NEEDED}: user-top-read" in reasons(window)

    untick = control(window, QPushButton, "untickUnneededButton")
    assert isinstance(untick, QPushButton)
    untick.click()
    assert selection.scopes == ("user-read-playback-state", "user-read-email")
    assert flagged.data(Qt.ItemDataRole.DecorationRole) is None
    assert window.statusBar().currentMessage() == "Unticked user-top-read"


def test_a_picked_endpoint_the_ticks_no_longer_cover_says_so(
    window: MainWindow, selection: Selection
) -> None:
    pick(window, "get-queue")
    notes = picker_row(window, "get-queue", NOTES_COLUMN)
    assert notes.data() == ""
    signalled: list[tuple[str, int, int]] = []

    def record(first: QModelIndex, last: QModelIndex) -> None:
        signalled.append((first.data(ENDPOINT_ID_ROLE), first.column(), last.column()))

    window.picker.model.dataChanged.connect(record)
    selection.set_selected(["user-read-playback-state"], False)
    assert notes.data() == NOT_CALLABLE
    # Only the picked endpoint's row is told, across its columns.
    assert signalled == [("get-queue", NAME_COLUMN, NOTES_COLUMN)]


@pytest.mark.parametrize(
    ("scope", "note"),
    [
        ("streaming", "For Spotify's SDKs, not Web API endpoints."),
        ("streaming", "The user needs a Spotify Premium account."),
        ("user-soa-link", "Partner-only (Open Access)"),
    ],
)
def test_scope_notes_show_in_the_tree_and_the_details(
    window: MainWindow, scope: str, note: str
) -> None:
    tooltip = window.scope_model.index_of_scope(scope).data(Qt.ItemDataRole.ToolTipRole)
    assert note in tooltip
    window.show_scope(scope)
    assert note in window.details.toPlainText()


def test_untick_all_clears_the_picks(window: MainWindow, selection: Selection) -> None:
    pick(window, "get-queue", "get-users-top-artists")
    assert selection.scopes
    window.picker.clear_button.click()
    assert window.picker.plan.picked == ()
    assert selection.scopes == ()
    assert NOTHING_PICKED_TEXT in reasons(window)


@pytest.mark.usefixtures("active_window")
def test_ctrl_k_opens_the_picker_and_space_picks_the_current_row(
    qtbot: QtBot, window: MainWindow, selection: Selection
) -> None:
    qtbot.keyClick(window.scope_tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    view = window.picker.view
    assert window.right_tabs.currentWidget() is window.picker
    assert QApplication.focusWidget() is view
    view.setCurrentIndex(picker_row(window, "get-a-users-available-devices"))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert selection.scopes == ("user-read-playback-state",)


@pytest.mark.usefixtures("active_window")
def test_the_picker_page_is_reachable_by_tab_and_every_control_is_named(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_picker_action.trigger()
    pick(window, "add-items-to-playlist", "get-current-users-profile")
    window.right_tabs.tabBar().setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(7):
        current = order[-1]
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    names = [widget.objectName() if widget else None for widget in order]
    assert names == [
        "rightTabBar",
        "endpointPickerList",
        "pickReasons",
        f"choice:{PLAYLIST_WRITE}:playlist-modify-private",
        "optional:user-read-private",
        "optional:user-read-email",
        "clearPickedEndpoints",
        "scopeString",
    ]
    focusable = [
        widget
        for widget in window.picker.findChildren(QWidget)
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert len(focusable) >= 6
    for widget in focusable:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert widget.toolTip(), widget.objectName()


def test_picks_choices_and_optional_scopes_are_remembered_between_runs(
    qtbot: QtBot, window: MainWindow, catalogue: Catalogue, settings_path: Path
) -> None:
    pick(window, "add-items-to-playlist", "get-current-users-profile", "get-queue")
    control(window, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-public").click()
    control(window, QCheckBox, "optional:user-read-email").click()
    window.adapter.selection.toggle("streaming")  # ticked by hand after picking: not needed
    ticked = window.adapter.selection.scopes
    window.close()

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    again = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(again)
    # The ticks come back as left, not as the picks would set them; the picks are all there.
    assert again.adapter.selection.scopes == ticked
    assert again.statusBar().currentMessage() == ""
    streaming = again.scope_model.index_of_scope("streaming")
    assert streaming.data(Qt.ItemDataRole.AccessibleDescriptionRole) == NOT_NEEDED
    picked = {"add-items-to-playlist", "get-current-users-profile", "get-queue"}
    for endpoint_id in (endpoint.id for endpoint in catalogue.endpoints):
        state = picker_row(again, endpoint_id).data(CHECK)
        assert (state == Qt.CheckState.Checked) is (endpoint_id in picked), endpoint_id
    public = control(again, QRadioButton, f"choice:{PLAYLIST_WRITE}:playlist-modify-public")
    email = control(again, QCheckBox, "optional:user-read-email")
    assert isinstance(public, QRadioButton)
    assert isinstance(email, QCheckBox)
    assert public.isChecked()
    assert email.isChecked()


def test_saved_picks_the_catalogue_no_longer_has_are_named(
    qtbot: QtBot, catalogue: Catalogue, settings: QSettings
) -> None:
    settings.setValue(PLAN_KEYS[PICKED], "get-queue retired-endpoint")
    window = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(window)
    assert [endpoint.id for endpoint in window.picker.plan.picked] == ["get-queue"]
    assert window.adapter.selection.scopes == ()  # restoring picks never ticks anything
    assert window.statusBar().currentMessage() == (
        "Ignored saved settings: unknown saved endpoint 'retired-endpoint'"
    )


def test_a_choice_shows_first_in_a_short_reasons_pane_as_a_sentence(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_tab(2)
    picker = window.picker
    total = sum(picker.splitter.sizes())
    picker.splitter.setSizes([total - 150, 150])  # the reasons pane, about 150 px tall
    pick(window, "get-the-users-currently-playing-track", "add-items-to-playlist")
    qtbot.wait(1)
    viewport = picker.reasons.viewport()
    for option in ("user-read-currently-playing", "user-read-playback-state"):
        radio = control(window, QRadioButton, f"{PLAYBACK_READ}:{option}")
        top_left = radio.mapTo(viewport, radio.rect().topLeft())
        assert top_left.y() >= 0
        assert top_left.y() + radio.height() <= viewport.height(), option
    text = reasons(window)
    assert "for Get Currently Playing Track. Either scope grants it." in text
    assert "for Add Items to Playlist. playlist-modify-public for public playlists" in text
