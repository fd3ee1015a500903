"""The token on the Authorization URL page: the attempt's progress with Cancel, the token
masked (Show), Copy as a header, a curl line or an environment variable, its expiry counting
down, the scopes granted beside those asked for, Refresh, Forget and Probe.
"""

from __future__ import annotations

import shlex

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scope_picker.ui.live.session import LiveSession, scope_list
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.widgets import describe, message_label, push_button

TICK_MS = 1000
ENVIRONMENT_VARIABLE = "SPOTIFY_ACCESS_TOKEN"
CURL_EXAMPLE_PATH = "/me"


class TokenPanel(QGroupBox):
    """Shows the session's token and what can be done with it; asks for Probe through
    :attr:`probe_requested` (the window shows the results)."""

    probe_requested = Signal()

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__("Live token (goes online)", parent)
        self.setObjectName("tokenPanel")
        self._session = session
        self.status_label = message_label("liveStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = push_button(
            "Cancel", "cancelTokenButton", "Stop waiting for the browser; no token is requested."
        )
        self.token_field = QLineEdit()
        describe(
            self.token_field,
            "tokenField",
            "Access token",
            "The access token, in memory only: never saved. Masked until you press Show.",
        )
        self.token_field.setReadOnly(True)
        self.token_field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.show_button = push_button("Show", "showTokenButton", "Show or mask the access token.")
        self.show_button.setCheckable(True)
        self.copy_button = QToolButton()
        self.copy_button.setText("Copy")
        describe(
            self.copy_button,
            "copyTokenButton",
            "Copy token",
            "Copy the token as an Authorization header, a curl command or an environment "
            "variable. It stays on the clipboard until you copy something else.",
        )
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.setObjectName("copyTokenMenu")
        self.copy_header_action = self.copy_menu.addAction("As Authorization header")
        self.copy_header_action.setObjectName("copyTokenHeaderAction")
        self.copy_curl_action = self.copy_menu.addAction("As curl command")
        self.copy_curl_action.setObjectName("copyTokenCurlAction")
        self.copy_variable_action = self.copy_menu.addAction("As environment variable")
        self.copy_variable_action.setObjectName("copyTokenVariableAction")
        self.copy_button.setMenu(self.copy_menu)
        self.expiry_label = message_label("tokenExpiry")
        self.scopes_label = message_label("tokenScopes")
        self.refresh_button = push_button(
            "Refresh", "refreshTokenButton", "Get a new access token with the refresh token."
        )
        self.forget_button = push_button(
            "Forget", "forgetTokenButton", "Drop the token from memory."
        )
        self.probe_button = push_button(
            "Probe",
            "probeButton",
            "Call every GET the token's scopes cover that needs no ID, and compare Spotify's "
            "answers with the catalogue. Read-only.",
        )
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._show_expiry)

        self._lay_out()
        self.cancel_button.clicked.connect(session.cancel)
        self.show_button.toggled.connect(self._show_token)
        self.copy_header_action.triggered.connect(self._copy_header)
        self.copy_curl_action.triggered.connect(self._copy_curl)
        self.copy_variable_action.triggered.connect(self._copy_variable)
        self.refresh_button.clicked.connect(session.refresh)
        self.forget_button.clicked.connect(session.forget)
        self.probe_button.clicked.connect(self.probe_requested)
        session.token_changed.connect(self._show_token_state)
        session.waiting_changed.connect(self.cancel_button.setVisible)
        session.message.connect(self.status_label.setText)
        self.cancel_button.setVisible(session.waiting)
        self._show_token_state()

    def _lay_out(self) -> None:
        status = QHBoxLayout()
        status.addWidget(self.status_label, 1)
        status.addWidget(self.cancel_button)
        token = QHBoxLayout()
        token.addWidget(self.token_field, 1)
        token.addWidget(self.show_button)
        token.addWidget(self.copy_button)
        actions = QHBoxLayout()
        for button in (self.refresh_button, self.forget_button, self.probe_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.token_row = QWidget()
        token_layout = QVBoxLayout(self.token_row)
        token_layout.setContentsMargins(0, 0, 0, 0)
        token_layout.addLayout(token)
        token_layout.addWidget(self.expiry_label)
        token_layout.addWidget(self.scopes_label)
        token_layout.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(status)
        layout.addWidget(self.token_row)

    def _show_token_state(self) -> None:
        token = self._session.token
        self.token_row.setVisible(token is not None)
        if token is None:
            self._timer.stop()
            self.token_field.clear()
            self.show_button.setChecked(False)
            return
        self._show_token(self.show_button.isChecked())
        self.refresh_button.setEnabled(token.refresh_token is not None)
        lines = [f"Granted: {scope_list(token.granted)}", f"Asked for: {scope_list(token.asked)}"]
        if token.not_granted:
            lines.append(f"Asked for but not granted: {scope_list(token.not_granted)}")
        if token.not_asked:
            lines.append(f"Granted without being asked: {scope_list(token.not_asked)}")
        self.scopes_label.setText("\n".join(lines))
        self._show_expiry()
        self._timer.start()

    def _show_token(self, shown: bool) -> None:
        token = self._session.token
        if token is not None:
            self.token_field.setText(token.access_token if shown else token.masked)
        self.show_button.setText("Hide" if shown else "Show")

    def _show_expiry(self) -> None:
        token = self._session.token
        if token is None:
            return
        left = token.seconds_left()
        if left == 0:
            self.expiry_label.setText("Expired: Refresh gets a new token.")
            self._timer.stop()
        else:
            minutes, seconds = divmod(left, 60)
            self.expiry_label.setText(f"Expires in {minutes}:{seconds:02d}")

    def _copy(self, text: str, what: str) -> None:
        if copy_text(text):
            self.status_label.setText(f"Copied the token {what}.")
        else:
            self.status_label.setText("No clipboard available.")

    def _copy_header(self) -> None:
        if (token := self._session.token) is not None:
            self._copy(token.authorization_header, "as an Authorization header")

    def _copy_curl(self) -> None:
        if (token := self._session.token) is not None:
            url = self._session.hosts_or_default().api_url(CURL_EXAMPLE_PATH)
            header = shlex.quote(token.authorization_header)
            self._copy(f"curl -H {header} {shlex.quote(url)}", "as a curl command")

    def _copy_variable(self) -> None:
        if (token := self._session.token) is not None:
            line = f"export {ENVIRONMENT_VARIABLE}={shlex.quote(token.access_token)}"
            self._copy(line, "as an environment variable")
