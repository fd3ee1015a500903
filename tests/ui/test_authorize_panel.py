"""The authorization panel: live checks, the URL following the scopes, copying and opening it."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from scope_picker.core.authorize import (
    NO_SCOPES_NOTE,
    NO_STATE_NOTE,
    Severity,
    code_challenge,
    is_valid_code_verifier,
)
from scope_picker.core.contrast import TEXT_CONTRAST, contrast_ratio
from scope_picker.ui.authorize import authorize_panel
from scope_picker.ui.authorize.authorize_panel import AuthorizePanel
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.palette import error_colour, rgb

pytestmark = pytest.mark.gui

CLIENT_ID = "0123456789abcdef0123456789abcdef"
REDIRECT_URI = "http://127.0.0.1:8888/callback"


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield store
    store.sync()


def _panel(qtbot: QtBot, settings: QSettings | None = None) -> AuthorizePanel:
    panel = AuthorizePanel(settings)
    qtbot.addWidget(panel)
    return panel


def _filled_panel(qtbot: QtBot) -> AuthorizePanel:
    panel = _panel(qtbot)
    panel.client_id_edit.setText(CLIENT_ID)
    panel.redirect_uri_edit.setText(REDIRECT_URI)
    panel.set_scopes(["user-read-private", "playlist-modify-public"])
    return panel


def _query(panel: AuthorizePanel) -> dict[str, list[str]]:
    url = panel.url_view.toPlainText()
    assert url
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def test_a_fresh_panel_shows_no_error_until_a_field_is_left_empty(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert panel.client_id_message.text() == ""
    assert panel.redirect_uri_message.text() == ""
    assert panel.client_id_findings.isHidden()
    panel.client_id_edit.editingFinished.emit()  # the user tabbed through it, typing nothing
    assert "Paste the Client ID" in panel.client_id_message.text()
    assert panel.redirect_uri_message.text() == ""
    panel.redirect_uri_edit.editingFinished.emit()
    assert "Enter the redirect URI" in panel.redirect_uri_message.text()
    assert panel.url_view.toPlainText() == ""
    assert panel.token_request_view.toPlainText() == ""
    assert panel.authorization_url() is None
    assert not panel.copy_url_button.isEnabled()
    assert not panel.open_browser_button.isEnabled()
    assert not panel.copy_token_request_button.isEnabled()
    assert panel.use_suggested_button.isHidden()


def test_a_fresh_panel_has_a_long_verifier_and_a_state(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    verifier = panel.verifier_edit.text()
    assert len(verifier) == 128
    assert is_valid_code_verifier(verifier)
    assert panel.verifier_edit.isReadOnly()
    assert panel.state_edit.text()


def test_valid_inputs_give_the_url_with_the_selected_scopes(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    query = _query(panel)
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == [REDIRECT_URI]
    assert query["scope"] == ["user-read-private playlist-modify-public"]
    assert query["state"] == [panel.state_edit.text()]
    assert query["code_challenge"] == [code_challenge(panel.verifier_edit.text())]
    assert "scope=user-read-private%20playlist-modify-public" in panel.url_view.toPlainText()
    assert panel.authorization_url() == panel.url_view.toPlainText()
    assert panel.open_browser_button.isEnabled()
    assert panel.url_view.isReadOnly()


def test_the_url_follows_the_selection_live(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.set_scopes(["user-library-read"])
    assert _query(panel)["scope"] == ["user-library-read"]
    assert panel.notes_label.isHidden()
    panel.set_scopes([])
    assert "scope" not in _query(panel)
    assert NO_SCOPES_NOTE in panel.notes_label.text()
    assert not panel.notes_label.isHidden()


def test_a_client_id_of_the_wrong_length_is_explained_and_blocks_the_url(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.client_id_edit.setText(CLIENT_ID[:-2])
    assert "this one has 30" in panel.client_id_message.text()
    assert panel.client_id_edit.accessibleDescription() == panel.client_id_message.text()
    assert panel.url_view.toPlainText() == ""
    assert not panel.open_browser_button.isEnabled()


def test_a_pasted_client_id_with_spaces_is_trimmed_and_that_is_said(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.client_id_edit.setText(f"  {CLIENT_ID}\n")
    assert "Removed the spaces" in panel.client_id_message.text()
    assert _query(panel)["client_id"] == [CLIENT_ID]
    panel.client_id_edit.setText(CLIENT_ID)
    assert panel.client_id_message.text() == ""


def test_localhost_is_refused_and_the_suggestion_is_one_click_away(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.redirect_uri_edit.setText("http://localhost:8888/callback")
    assert "does not accept localhost" in panel.redirect_uri_message.text()
    assert "Suggested: http://127.0.0.1:8888/callback" in panel.redirect_uri_message.text()
    assert not panel.use_suggested_button.isHidden()
    assert not panel.open_browser_button.isEnabled()
    with qtbot.waitSignal(panel.status_message) as blocker:
        panel.use_suggested_button.click()
    assert blocker.args == ["Used the suggested redirect URI"]
    assert panel.redirect_uri_edit.text() == "http://127.0.0.1:8888/callback"
    assert panel.use_suggested_button.isHidden()
    assert "character for character" in panel.redirect_uri_message.text()
    assert panel.open_browser_button.isEnabled()


def test_errors_stand_apart_by_colour_and_icon_from_notes(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    line = panel.redirect_uri_findings
    note_colour = panel.redirect_uri_message.palette().color(QPalette.ColorRole.WindowText)
    assert line.severity is Severity.INFO
    assert note_colour == panel.palette().color(QPalette.ColorRole.WindowText)
    note_icon = line.icon.pixmap().toImage()
    panel.redirect_uri_edit.setText("http://localhost:8888/callback")
    assert line.severity is Severity.ERROR
    error = panel.redirect_uri_message.palette().color(QPalette.ColorRole.WindowText)
    assert error == error_colour(panel.palette())
    assert error.red() > error.green() + 60
    assert error.red() > error.blue() + 60
    background = rgb(panel.palette().color(QPalette.ColorRole.Window))
    assert contrast_ratio(rgb(error), background) >= TEXT_CONTRAST
    assert not line.icon.pixmap().isNull()
    assert line.icon.pixmap().toImage() != note_icon


def test_the_suggestion_appearing_does_not_move_the_field(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.resize(700, 700)
    panel.show()
    qtbot.waitExposed(panel)
    before = panel.redirect_uri_edit.geometry()
    panel.redirect_uri_edit.setText("http://localhost:8888/callback")
    qtbot.wait(1)
    assert not panel.use_suggested_button.isHidden()
    assert panel.redirect_uri_edit.geometry().width() == before.width()


def test_using_the_suggestion_by_keyboard_leaves_the_focus_on_the_uri(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.show()
    qtbot.waitExposed(panel)
    panel.redirect_uri_edit.setText("http://localhost:8888/callback")
    panel.activateWindow()
    panel.use_suggested_button.setFocus()
    qtbot.waitUntil(panel.use_suggested_button.hasFocus)
    qtbot.keyClick(panel.use_suggested_button, Qt.Key.Key_Space)
    assert panel.redirect_uri_edit.text() == "http://127.0.0.1:8888/callback"
    assert panel.focusWidget() is panel.redirect_uri_edit
    assert not panel.state_edit.hasSelectedText()
    assert not panel.redirect_uri_edit.hasSelectedText()


def test_show_dialog_is_in_the_url_only_while_ticked(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    assert "show_dialog" not in _query(panel)
    panel.show_dialog_check.setChecked(True)
    assert _query(panel)["show_dialog"] == ["true"]
    panel.show_dialog_check.setChecked(False)
    assert "show_dialog" not in _query(panel)


def test_the_state_can_be_typed_renewed_or_left_out(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    panel.state_edit.setText("mine & yours")
    assert _query(panel)["state"] == ["mine & yours"]
    with qtbot.waitSignal(panel.status_message):
        panel.new_state_button.click()
    renewed = panel.state_edit.text()
    assert renewed not in ("", "mine & yours")
    assert _query(panel)["state"] == [renewed]
    panel.state_edit.setText("")
    assert "state" not in _query(panel)
    assert NO_STATE_NOTE in panel.notes_label.text()


def test_a_new_verifier_changes_the_challenge_and_the_token_request(qtbot: QtBot) -> None:
    panel = _filled_panel(qtbot)
    old_verifier = panel.verifier_edit.text()
    with qtbot.waitSignal(panel.status_message):
        panel.new_verifier_button.click()
    verifier = panel.verifier_edit.text()
    assert verifier != old_verifier
    assert _query(panel)["code_challenge"] == [code_challenge(verifier)]
    assert f"code_verifier={verifier}" in panel.token_request_view.toPlainText()
    assert old_verifier not in panel.token_request_view.toPlainText()


@pytest.mark.parametrize(
    ("button_name", "source", "message"),
    [
        ("copy_url_button", "url_view", "Copied authorization URL"),
        ("copy_verifier_button", "verifier_edit", "Copied code verifier"),
        ("copy_token_request_button", "token_request_view", "Copied token request"),
    ],
)
def test_each_copy_button_puts_exactly_its_text_on_the_clipboard(
    qtbot: QtBot, button_name: str, source: str, message: str
) -> None:
    panel = _filled_panel(qtbot)
    QGuiApplication.clipboard().clear()
    shown = getattr(panel, source)
    expected = shown.text() if isinstance(shown, QLineEdit) else shown.toPlainText()
    assert expected
    with qtbot.waitSignal(panel.status_message) as blocker:
        getattr(panel, button_name).click()
    assert blocker.args == [message]
    assert QGuiApplication.clipboard().text() == expected


def test_without_a_clipboard_the_panel_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _filled_panel(qtbot)
    monkeypatch.setattr(authorize_panel, "copy_text", lambda _text: False)
    with qtbot.waitSignal(panel.status_message) as blocker:
        panel.copy_url_button.click()
    assert blocker.args == ["No clipboard available: select the authorization URL and copy it"]


@pytest.mark.usefixtures("qapp")
def test_copy_text_round_trips_through_the_real_clipboard() -> None:
    text = "scope=a%20b\nline two ✓"
    assert copy_text(text)
    assert QGuiApplication.clipboard().text() == text


def test_copy_text_reports_no_clipboard_without_an_application() -> None:
    script = "from scope_picker.ui.shared.clipboard import copy_text; print(copy_text('x'))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_open_in_browser_hands_over_the_url_unchanged(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    panel = _filled_panel(qtbot)
    panel.redirect_uri_edit.setText("https://example.com/cb?next=%7E/a&b=%C3%A9~")
    panel.state_edit.setText("ünïcode & more")
    with qtbot.waitSignal(panel.status_message) as blocker:
        panel.open_browser_button.click()
    assert blocker.args == ["Opened the authorization URL in your browser"]
    assert len(opened) == 1
    assert bytes(opened[0].toEncoded()).decode("ascii") == panel.authorization_url()


def test_a_failed_browser_launch_is_reported(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    panel = _filled_panel(qtbot)
    with qtbot.waitSignal(panel.status_message) as blocker:
        panel.open_browser_button.click()
    assert blocker.args == ["Could not open a browser: copy the authorization URL instead"]


def test_settings_remember_the_inputs_but_never_the_verifier_or_state(
    qtbot: QtBot, settings: QSettings
) -> None:
    panel = _panel(qtbot, settings)
    panel.client_id_edit.setText(CLIENT_ID)
    panel.redirect_uri_edit.setText(REDIRECT_URI)
    panel.show_dialog_check.setChecked(True)
    panel.new_verifier_button.click()
    panel.new_state_button.click()
    settings.sync()
    stored = Path(settings.fileName()).read_text(encoding="utf-8")
    assert panel.verifier_edit.text() not in stored
    assert panel.state_edit.text() not in stored
    assert sorted(settings.allKeys()) == [
        "authorize/client_id",
        "authorize/redirect_uri",
        "authorize/show_dialog",
    ]

    restored = _panel(qtbot, settings)
    assert restored.client_id_edit.text() == CLIENT_ID
    assert restored.redirect_uri_edit.text() == REDIRECT_URI
    assert restored.show_dialog_check.isChecked()
    assert restored.verifier_edit.text() != panel.verifier_edit.text()
    assert restored.state_edit.text() != panel.state_edit.text()


def test_every_interactive_widget_is_named_labelled_and_explained(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    interactive: list[QWidget] = [
        *panel.findChildren(QLineEdit),
        *panel.findChildren(QPlainTextEdit),
        *panel.findChildren(QPushButton),
        *panel.findChildren(QCheckBox),
    ]
    assert len(interactive) == 15  # Get token included
    for widget in interactive:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert widget.toolTip(), widget.objectName()
