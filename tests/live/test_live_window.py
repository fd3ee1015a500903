"""Going live in the real window against the fake Spotify: Get token on the Authorization URL
page, the token shown masked and copied on request only, Cancel, Refresh and Forget, Try it
from an endpoint row (asking before a write; ticking a missing scope), and Probe."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_browser import Browser, browse
from fake_spotify import CLIENT_ID, FakeSpotify, Route
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.live.hosts import ACCOUNTS_URL_VARIABLE, API_URL_VARIABLE
from scope_picker.core.selection import Selection
from scope_picker.ui.live.try_it import TryItDialog
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

PLAYBACK = "user-read-playback-state"
TOP = "user-top-read"
WAIT_MS = 10_000


class BrowserStandIn(QObject):
    """Takes the URLs the window opens; follows them like a browser when ``follow`` is on."""

    def __init__(self) -> None:
        super().__init__()
        self.follow = True
        self.opened: list[str] = []
        self.browsers: list[Browser] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        self.opened.append(text)
        if self.follow:
            self.browsers.append(Browser(lambda: browse(text)).open())


@pytest.fixture
def browser(fake: FakeSpotify, monkeypatch: pytest.MonkeyPatch) -> Iterator[BrowserStandIn]:
    monkeypatch.setenv(ACCOUNTS_URL_VARIABLE, fake.origin)
    monkeypatch.setenv(API_URL_VARIABLE, fake.origin)
    stand_in = BrowserStandIn()
    QDesktopServices.setUrlHandler("http", stand_in, "open")
    yield stand_in
    QDesktopServices.unsetUrlHandler("http")
    for opened in stand_in.browsers:
        opened.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def window(
    qtbot: QtBot, catalogue: Catalogue, settings_path: Path, redirect_uri: str
) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(catalogue, Selection(catalogue, [PLAYBACK]), settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_tab(1)
    window.authorize.client_id_edit.setText(CLIENT_ID)
    window.authorize.redirect_uri_edit.setText(redirect_uri)
    return window


def get_token(qtbot: QtBot, window: MainWindow) -> str:
    qtbot.mouseClick(window.authorize.get_token_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.live.session.token is not None, timeout=WAIT_MS)
    token = window.live.session.token
    assert token is not None
    return token.access_token


@pytest.mark.usefixtures("browser")
def test_get_token_shows_it_masked_and_copies_it_only_when_asked(
    qtbot: QtBot, window: MainWindow, fake: FakeSpotify, settings_path: Path
) -> None:
    QGuiApplication.clipboard().setText("before")
    access_token = get_token(qtbot, window)
    panel = window.live.token_panel
    assert access_token == fake.issued_access_tokens[-1]
    assert panel.isVisible()
    assert access_token not in panel.token_field.text()
    assert panel.expiry_label.text().startswith("Expires in 59:")
    assert f"Granted: {PLAYBACK}" in panel.scopes_label.text()
    assert "Got a token" in window.statusBar().currentMessage()
    assert QGuiApplication.clipboard().text() == "before"
    window.save_settings()
    assert access_token not in settings_path.read_text(encoding="utf-8")

    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert panel.token_field.text() == access_token
    panel.copy_header_action.trigger()
    assert QGuiApplication.clipboard().text() == f"Authorization: Bearer {access_token}"
    panel.copy_curl_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        f"curl -H 'Authorization: Bearer {access_token}' {fake.origin}/v1/me"
    )
    panel.copy_variable_action.trigger()
    assert QGuiApplication.clipboard().text() == f"export SPOTIFY_ACCESS_TOKEN={access_token}"


@pytest.mark.usefixtures("browser")
def test_refresh_replaces_the_token_and_forget_drops_it(qtbot: QtBot, window: MainWindow) -> None:
    first = get_token(qtbot, window)
    panel = window.live.token_panel
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (token := window.live.session.token) is not None and token.access_token != first,
        timeout=WAIT_MS,
    )
    qtbot.mouseClick(panel.forget_button, Qt.MouseButton.LeftButton)
    assert window.live.session.token is None
    assert not panel.token_row.isVisible()
    assert panel.token_field.text() == ""


def test_cancel_stops_waiting_and_frees_the_port(
    qtbot: QtBot, window: MainWindow, browser: BrowserStandIn, free_port: int
) -> None:
    browser.follow = False
    qtbot.mouseClick(window.authorize.get_token_button, Qt.MouseButton.LeftButton)
    panel = window.live.token_panel
    assert panel.cancel_button.isVisible()
    [opened] = browser.opened
    assert "state=" in opened
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelled" in panel.status_label.text()
    assert not panel.cancel_button.isVisible()

    def port_free() -> bool:
        with socket.socket() as client:
            return client.connect_ex(("127.0.0.1", free_port)) != 0

    qtbot.waitUntil(port_free, timeout=2000)


@pytest.mark.usefixtures("browser")
def test_a_redirect_uri_that_is_not_loopback_says_what_to_register(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.authorize.redirect_uri_edit.setText("https://example.com/callback")
    qtbot.mouseClick(window.authorize.get_token_button, Qt.MouseButton.LeftButton)
    assert "needs a loopback redirect URI" in window.live.token_panel.status_label.text()
    assert window.live.session.token is None


def _try(qtbot: QtBot, window: MainWindow, endpoint_id: str) -> TryItDialog:
    window.show_tab(0)
    view = window.endpoints.view
    model = window.endpoints.model
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            index = model.index(row, 0, group)
            found = model.row_at(index)
            if found is not None and found.endpoint.id == endpoint_id:
                view.setCurrentIndex(index)
                view.setFocus()
                qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
                return window.live.try_dialogs[endpoint_id]
    raise AssertionError(f"{endpoint_id} is not listed")


@pytest.mark.usefixtures("browser")
def test_try_it_sends_and_shows_the_answer(
    qtbot: QtBot, window: MainWindow, fake: FakeSpotify
) -> None:
    fake.routes[("GET", "/v1/me/player/devices")] = Route(
        frozenset({PLAYBACK}), body={"devices": [{"name": "Kitchen"}]}
    )
    get_token(qtbot, window)
    dialog = _try(qtbot, window, "get-a-users-available-devices")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("200 OK"), timeout=WAIT_MS)
    assert " ms" in dialog.status_label.text()
    model = dialog.response_view.model()
    assert (model.index(0, 0).data(), model.index(0, 1).data()) == ("devices", "[1 item]")
    assert fake.api_requests[-1][1] == "/v1/me/player/devices"


@pytest.mark.usefixtures("browser")
def test_a_missing_scope_is_named_ticked_and_a_new_token_got(
    qtbot: QtBot, window: MainWindow, fake: FakeSpotify
) -> None:
    fake.routes[("GET", "/v1/me/top/artists")] = Route(frozenset({TOP}))
    first = get_token(qtbot, window)  # for user-read-playback-state only
    window.adapter.selection.set_selected([TOP], True)  # ticked after the token was got
    dialog = _try(qtbot, window, "get-users-top-artists")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("403"), timeout=WAIT_MS)
    assert "tick user-top-read and get a new token" in dialog.explanation_label.text()
    assert dialog.tick_button.text() == "Tick user-top-read and get a new token"
    qtbot.mouseClick(dialog.tick_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (token := window.live.session.token) is not None and token.access_token != first,
        timeout=WAIT_MS,
    )
    assert window.live.session.token is not None
    assert window.live.session.token.granted == (PLAYBACK, TOP)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("200"), timeout=WAIT_MS)
    assert not dialog.tick_button.isVisible()


@pytest.mark.usefixtures("browser")
def test_a_write_asks_first_naming_the_change(
    qtbot: QtBot, window: MainWindow, fake: FakeSpotify
) -> None:
    fake.routes[("PUT", "/v1/me/library")] = Route(frozenset({"user-library-modify"}), body=None)
    window.adapter.selection.replace(["user-library-modify"])
    get_token(qtbot, window)
    dialog = _try(qtbot, window, "save-library-items")
    dialog.query_edit.setPlainText("uris=spotify:track:4iV5W9uYEdYUVa79Axb7Rh")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm_row.isVisible()
    assert "This changes your Spotify account: Save Items to Library (PUT /me/library)" in (
        dialog.confirm_label.text()
    )
    qtbot.mouseClick(dialog.dont_send_button, Qt.MouseButton.LeftButton)
    assert fake.api_requests == []
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("200"), timeout=WAIT_MS)
    [(method, path, _)] = fake.api_requests
    assert (method, path) == ("PUT", "/v1/me/library?uris=spotify%3Atrack%3A4iV5W9uYEdYUVa79Axb7Rh")


@pytest.mark.usefixtures("browser")
def test_probe_lists_the_answers_and_copies_the_report(
    qtbot: QtBot, window: MainWindow, fake: FakeSpotify
) -> None:
    fake.routes[("GET", "/v1/me/player")] = Route(frozenset({PLAYBACK}), status=204, body=None)
    access_token = get_token(qtbot, window)
    qtbot.mouseClick(window.live.token_panel.probe_button, Qt.MouseButton.LeftButton)
    dialog = window.live.probe_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=WAIT_MS)
    labels = {result.endpoint.label: result for result in dialog.results}
    assert labels["GET /me/player"].answered == "204 No Content"
    assert dialog.results_view.topLevelItemCount() == len(dialog.results)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    report = QGuiApplication.clipboard().text()
    assert report == dialog.report()
    assert "GET /me/player/devices (get-a-users-available-devices)" in report  # no route: 404
    assert "GET /me/player (" not in report
    assert access_token not in report


@pytest.mark.usefixtures("browser")
def test_every_live_control_is_named_labelled_and_explained(
    qtbot: QtBot, window: MainWindow
) -> None:
    get_token(qtbot, window)
    window.adapter.selection.set_selected(["user-library-modify"], True)
    dialog = _try(qtbot, window, "save-library-items")
    interactive: list[QWidget] = [
        *window.live.token_panel.findChildren(QAbstractButton),
        *window.live.token_panel.findChildren(QLineEdit),
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QPlainTextEdit),
        dialog.response_view,
    ]
    assert len(interactive) >= 15
    for widget in interactive:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert widget.toolTip(), widget.objectName()


def test_get_token_waits_for_a_valid_client_id(window: MainWindow) -> None:
    assert window.authorize.get_token_button.isEnabled()
    window.authorize.client_id_edit.setText("not a client id")
    assert not window.authorize.get_token_button.isEnabled()
    assert window._live is None  # nothing live was built


@pytest.mark.usefixtures("browser")
def test_try_it_from_the_pick_endpoints_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab(2)
    picker = window.picker
    source = picker.model.index_of_endpoint("get-queue")
    index = picker.proxy.mapFromSource(source)
    picker.view.setCurrentIndex(index)
    picker.view.setFocus()
    qtbot.keyClick(picker.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.live.try_dialogs["get-queue"]
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Try it: GET /me/player/queue"
    assert not dialog.send_button.isEnabled()  # no token yet
    assert "Get a token first" in dialog.status_label.text()
    group = picker.proxy.mapFromSource(source.parent())
    picker.view.setCurrentIndex(group)
    assert not picker.try_it_action.isEnabled()  # a group row is not an endpoint
