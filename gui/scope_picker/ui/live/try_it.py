"""Try it: one endpoint's request filled in (path parameters, query, a JSON body for writes),
sent with the token; the answer's status, Retry-After, time and body as a foldable tree, and
what an error means with the one action that helps. A write asks first, naming the change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import Endpoint
from scope_picker.core.live.api import ApiCall, ApiResponse, path_parameters
from scope_picker.core.live.explain import Explanation, explain
from scope_picker.ui.live.json_tree import json_model
from scope_picker.ui.live.session import LiveSession
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.widgets import describe, message_label, push_button

_TEXT_LINES = 4


def _label(name: str) -> QLabel:
    """A message the user can select and copy."""
    label = message_label(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _text_box(name: str, accessible_name: str, tooltip: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    describe(box, name, accessible_name, tooltip)
    box.setPlaceholderText(placeholder)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * _TEXT_LINES + 12)
    box.setTabChangesFocus(True)
    return box


class TryItDialog(QDialog):
    """A request panel for one endpoint; asks the window for a new token with more scopes
    through :attr:`new_token_requested`."""

    new_token_requested = Signal(tuple)

    def __init__(self, session: LiveSession, endpoint: Endpoint, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("tryItDialog")
        self.setWindowTitle(f"Try it: {endpoint.label}")
        self._session = session
        self.endpoint = endpoint
        self._explanation: Explanation | None = None
        self._sending = False

        catalogue = session.catalogue
        about = f"{endpoint.name}: {endpoint.requirement.summary}."
        if endpoint.deprecated:
            about += f" {catalogue.deprecation_mark(endpoint).capitalize()}."
        self.about_label = _label("tryItAbout")
        self.about_label.setText(about)
        self.path_fields: dict[str, QLineEdit] = {}
        for name in path_parameters(endpoint.path or ""):
            field = QLineEdit()
            describe(field, f"pathParameter_{name}", name, f"The {name} to put in the path.")
            field.setPlaceholderText("required")
            self.path_fields[name] = field
        self.query_edit = _text_box(
            "queryEdit",
            "Query",
            "Query parameters, one name=value a line; the value as typed (it is encoded).",
            "name=value, one a line (limit=5)",
        )
        self.body_edit = _text_box(
            "bodyEdit", "JSON body", "The request's JSON body.", '{"ids": ["..."]}'
        )
        self.send_button = push_button(
            "&Send", "sendButton", f"Send {endpoint.label} with the token."
        )
        self.confirm_label = _label("confirmChange")
        self.confirm_button = push_button(
            "Send &anyway", "confirmSendButton", "Send the request that changes the account."
        )
        self.dont_send_button = push_button(
            "&Don't send", "dontSendButton", "Leave the account as it is."
        )
        self.confirm_row = QWidget()
        self.status_label = _label("responseStatus")
        self.explanation_label = _label("responseExplanation")
        self.tick_button = push_button(
            "Tick and get a new token",
            "tickMissingScopesButton",
            "Tick the scopes the catalogue says are missing and get a new token with them.",
        )
        self.refresh_button = push_button(
            "&Refresh token", "refreshFromTryItButton", "Get a new token with the refresh token."
        )
        self.response_view = QTreeView()
        describe(
            self.response_view,
            "responseTree",
            "Response body",
            "The answer's JSON: objects and arrays open and close.",
        )
        self.response_view.setAlternatingRowColors(True)
        self.copy_body_button = push_button(
            "&Copy body", "copyBodyButton", "Copy the answer's body, indented."
        )
        self._response: ApiResponse | None = None

        self._lay_out(endpoint)
        self.send_button.clicked.connect(self._send_clicked)
        self.confirm_button.clicked.connect(self._send)
        self.dont_send_button.clicked.connect(self._dont_send)
        self.tick_button.clicked.connect(self._ask_for_scopes)
        self.refresh_button.clicked.connect(session.refresh)
        self.copy_body_button.clicked.connect(self._copy_body)
        session.token_changed.connect(self._follow_token)
        self._show_result(None)
        self._follow_token()
        self.resize(640, 560)

    def _lay_out(self, endpoint: Endpoint) -> None:
        form = QFormLayout()
        form.addRow("Request", QLabel(f"{endpoint.method} {endpoint.path}"))
        for name, field in self.path_fields.items():
            form.addRow(name, field)
        form.addRow("&Query", self.query_edit)
        self.body_edit.setVisible(self._changes_account)
        if self._changes_account:
            form.addRow("&Body", self.body_edit)
        confirm = QHBoxLayout(self.confirm_row)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(self.dont_send_button)
        self.confirm_row.setVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.send_button)
        actions.addStretch(1)
        fixes = QHBoxLayout()
        fixes.addWidget(self.tick_button)
        fixes.addWidget(self.refresh_button)
        fixes.addStretch(1)
        fixes.addWidget(self.copy_body_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about_label)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.confirm_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.explanation_label)
        layout.addLayout(fixes)
        layout.addWidget(self.response_view, 1)

    @property
    def _changes_account(self) -> bool:
        return ApiCall(self.endpoint.method or "GET", self.endpoint.path or "").changes_account

    def call(self) -> ApiCall | str:
        """The request as filled in, or a message saying what is wrong with the query."""
        query: dict[str, str] = {}
        for number, line in enumerate(self.query_edit.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            name, equals, value = line.partition("=")
            if not equals or not name.strip():
                return f"Query line {number} is not name=value: {line.strip()}"
            query[name.strip()] = value.strip()
        return ApiCall(
            method=self.endpoint.method or "GET",
            path=self.endpoint.path or "",
            path_values={name: field.text() for name, field in self.path_fields.items()},
            query=query,
            body=self.body_edit.toPlainText() if self._changes_account else "",
        )

    def _follow_token(self) -> None:
        has_token = self._session.token is not None
        self.send_button.setEnabled(has_token and not self._sending)
        if not has_token:
            self.status_label.setText("Get a token first: Authorization URL page, Get token.")

    def _send_clicked(self) -> None:
        if self._changes_account:
            self.confirm_label.setText(
                f"This changes your Spotify account: {self.endpoint.name} "
                f"({self.endpoint.label}) on the account the token belongs to. Send it?"
            )
            self.confirm_row.setVisible(True)
            self.confirm_button.setFocus()
            return
        self._send()

    def _dont_send(self) -> None:
        self.confirm_row.setVisible(False)
        self.status_label.setText("Not sent: the account is unchanged.")

    def _send(self) -> None:
        self.confirm_row.setVisible(False)
        call = self.call()
        if isinstance(call, str):
            self.status_label.setText(call)
            return
        messages: list[str] = []
        self._session.message.connect(messages.append)
        try:
            task = self._session.send(call)
        finally:
            self._session.message.disconnect(messages.append)
        if task is None:
            self.status_label.setText(" ".join(messages))
            return
        self._sending = True
        self.send_button.setEnabled(False)
        self.status_label.setText(f"Sending {self.endpoint.label}…")
        task.succeeded.connect(self._take_response)
        task.failed.connect(self._take_failure)
        task.start()

    def _take_failure(self, message: str) -> None:
        self._sending = False
        self._follow_token()
        self._show_result(None)
        self.status_label.setText(message)

    def _take_response(self, response: object) -> None:
        assert isinstance(response, ApiResponse)
        self._sending = False
        self._follow_token()
        self._show_result(response)

    def _show_result(self, response: ApiResponse | None) -> None:
        self._response = response
        explanation = None
        if response is not None and self._session.token is not None:
            explanation = explain(
                response, self.endpoint, self._session.token, self._session.catalogue
            )
            parts = [f"{response.status} {response.reason}", f"{response.elapsed * 1000:.0f} ms"]
            if response.retry_after is not None:
                parts.append(f"Retry-After: {response.retry_after} s")
            self.status_label.setText(" · ".join(parts))
        self._explanation = explanation
        self.explanation_label.setText(explanation.text if explanation else "")
        self.explanation_label.setVisible(explanation is not None)
        self.tick_button.setVisible(explanation is not None and bool(explanation.missing_scopes))
        if explanation is not None and explanation.missing_scopes:
            self.tick_button.setText(
                f"Tick {', '.join(explanation.missing_scopes)} and get a new token"
            )
        self.refresh_button.setVisible(explanation is not None and explanation.refresh)
        self.copy_body_button.setEnabled(response is not None and bool(response.text))
        old = self.response_view.model()
        if response is not None and response.is_json:
            self.response_view.setModel(json_model(response.data))
            self.response_view.expandToDepth(0)
        elif response is not None and response.text:
            self.response_view.setModel(json_model(response.text))
        else:
            self.response_view.setModel(json_model({}))
        if old is not None:
            old.deleteLater()

    def _ask_for_scopes(self) -> None:
        if self._explanation is not None and self._explanation.missing_scopes:
            self.new_token_requested.emit(self._explanation.missing_scopes)

    def _copy_body(self) -> None:
        if self._response is not None and copy_text(self._response.pretty()):
            self.status_label.setText("Copied the body.")
