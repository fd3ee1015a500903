"""Spotify's documentation, one step from every scope and endpoint, by mouse or keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import SCOPES_PAGE_URL, Catalogue
from scope_picker.ui.shared.doc_links import OpenDocumentationAction
from scope_picker.ui.shared.endpoint_rows import ENDPOINT_ID_ROLE
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

CHECK = Qt.ItemDataRole.CheckStateRole
# A popup menu on the offscreen platform: it cannot raise it or grab the keyboard for it.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Addresses handed to the desktop; nothing really opens."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def tick(window: MainWindow, name: str) -> None:
    index = window.scope_model.index_of_scope(name)
    assert window.scope_model.setData(index, Qt.CheckState.Checked, CHECK)


def endpoint_index(window: MainWindow, endpoint_id: str) -> QModelIndex:
    model = window.endpoints.model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ENDPOINT_ID_ROLE) == endpoint_id:
                return index
    raise AssertionError(f"{endpoint_id} is not listed")


def test_tab_and_enter_open_the_links_in_the_details(
    qtbot: QtBot, active_window: MainWindow, catalogue: Catalogue, opened: list[str]
) -> None:
    active_window.show_scope("user-read-email")
    active_window.details.setFocus()
    qtbot.keyClick(active_window.details, Qt.Key.Key_Tab)
    qtbot.keyClick(active_window.details, Qt.Key.Key_Return)
    assert opened == [catalogue.scope("user-read-email").documentation_url]
    assert opened[0].endswith("/concepts/scopes#user-read-email")

    qtbot.keyClick(active_window.details, Qt.Key.Key_Tab)
    qtbot.keyClick(active_window.details, Qt.Key.Key_Return)
    first_endpoint = catalogue.endpoint("get-current-users-profile")
    assert opened[1] == first_endpoint.documentation_url
    assert active_window.statusBar().currentMessage() == f"Opened {opened[1]} in your browser"
    assert active_window.details.source().isEmpty()  # the pane itself never navigates away


def test_every_endpoint_in_the_details_links_to_its_page(
    window: MainWindow, catalogue: Catalogue
) -> None:
    window.show_scope("streaming")
    html = window.details.toHtml()
    assert catalogue.scope("streaming").documentation_url in html
    for endpoint in catalogue.endpoints_for_scope("streaming"):
        assert f'href="{endpoint.documentation_url}"' in html


def test_enter_on_an_endpoint_row_opens_its_reference_page(
    qtbot: QtBot, active_window: MainWindow, catalogue: Catalogue, opened: list[str]
) -> None:
    tick(active_window, "user-read-email")
    view = active_window.endpoints.view
    view.setFocus()
    view.setCurrentIndex(endpoint_index(active_window, "get-current-users-profile"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [
        "https://developer.spotify.com/documentation/web-api/reference/get-current-users-profile"
    ]
    assert opened[0] == catalogue.endpoint("get-current-users-profile").documentation_url


def test_group_rows_have_no_page_to_open(
    qtbot: QtBot, active_window: MainWindow, opened: list[str]
) -> None:
    tick(active_window, "user-read-email")
    view = active_window.endpoints.view
    action = active_window.endpoints.open_documentation_action
    view.setFocus()
    view.setCurrentIndex(endpoint_index(active_window, "get-current-users-profile"))
    assert action.isEnabled()
    view.setCurrentIndex(active_window.endpoints.model.index(0, 0))
    assert not action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == []
    tick(active_window, "user-top-read")  # the list is rebuilt: no row is current any more
    assert not action.isEnabled()


def test_a_double_click_on_an_sdk_row_opens_the_sdk_documentation(
    window: MainWindow, catalogue: Catalogue, opened: list[str]
) -> None:
    tick(window, "streaming")
    index = endpoint_index(window, "sdk-web-playback")
    window.endpoints.view.doubleClicked.emit(index)
    sdk = catalogue.endpoint("sdk-web-playback")
    assert opened == [sdk.documentation_url]
    assert "/reference/" not in sdk.documentation_url


@OFFSCREEN_POPUP
def test_the_endpoint_context_menu_offers_the_page(
    active_window: MainWindow, opened: list[str]
) -> None:
    tick(active_window, "user-read-email")
    view = active_window.endpoints.view
    index = endpoint_index(active_window, "get-current-users-profile")
    view.setCurrentIndex(index)
    seen = pick_from_context_menu(active_window.endpoints.open_documentation_action, view)
    # Then Try It, which opens the request panel (nothing is sent until Send).
    assert seen == ["Open Reference &Documentation\tReturn", "&Try It…\tCtrl+T"]
    assert active_window.endpoints.open_documentation_action.context_menu.objectName() == (
        "endpointListContextMenu"
    )
    assert opened == [active_window.endpoints.model.row_at(index).endpoint.documentation_url]


def test_f1_opens_the_current_scope_and_the_scopes_page_for_a_category(
    qtbot: QtBot, active_window: MainWindow, opened: list[str]
) -> None:
    action = active_window.scope_documentation_action
    assert action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)
    active_window.scope_tree.setFocus()
    active_window.show_scope("playlist-modify-private")
    qtbot.keyClick(active_window.scope_tree, Qt.Key.Key_F1)
    active_window.scope_tree.setCurrentIndex(active_window.scope_proxy.index(0, 0))
    active_window.consent.setFocus()  # F1 works from anywhere in the window
    qtbot.keyClick(active_window.consent, Qt.Key.Key_F1)
    assert opened == [f"{SCOPES_PAGE_URL}#playlist-modify-private", SCOPES_PAGE_URL]


@OFFSCREEN_POPUP
def test_the_scope_context_menu_is_the_help_action(
    active_window: MainWindow, opened: list[str]
) -> None:
    tree = active_window.scope_tree
    active_window.show_scope("user-top-read")
    seen = pick_from_context_menu(active_window.scope_documentation_action, tree)
    assert seen == ["Scope &Documentation\tF1"]
    assert opened == [f"{SCOPES_PAGE_URL}#user-top-read"]
    help_menu = next(
        action.menu() for action in active_window.menuBar().actions() if action.text() == "&Help"
    )
    assert active_window.scope_documentation_action in help_menu.actions()


def test_a_browser_that_does_not_start_is_reported_with_the_address(
    active_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    active_window.show_scope("streaming")
    active_window.scope_documentation_action.trigger()
    assert active_window.statusBar().currentMessage() == (
        f"Could not open a browser: the documentation is at {SCOPES_PAGE_URL}#streaming"
    )


def pick_from_context_menu(action: OpenDocumentationAction, view: QAbstractItemView) -> list[str]:
    """Right-click the current row, note the menu's entries with their keys, pick the first."""
    view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    menu = action.context_menu
    assert menu.isVisible()
    seen = [f"{entry.text()}\t{entry.shortcut().toString()}" for entry in menu.actions()]
    menu.actions()[0].trigger()
    menu.close()
    return seen
