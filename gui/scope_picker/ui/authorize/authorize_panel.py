"""The panel that turns the selected scopes into a ready Spotify authorization URL (PKCE).

A thin view over :mod:`scope_picker.core.authorize`: it collects the inputs, shows the core's
findings next to them and the URL, code verifier and token request it builds. It never calls
Spotify itself, never asks for a client secret, and keeps the code verifier and state in memory
only. Its Get token button asks the window to go live (``ui/live``), which then shows the token
in the space this page keeps for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.authorize import (
    AuthorizationDraft,
    AuthorizationRequest,
    CheckResult,
    Severity,
    draft_authorization,
    format_findings,
    new_code_verifier,
    new_state,
)
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.palette import error_colour
from scope_picker.ui.shared.widgets import describe, message_label, push_button

# Only these are remembered between runs; the verifier and state are single-use secrets.
CLIENT_ID_KEY = "authorize/client_id"
REDIRECT_URI_KEY = "authorize/redirect_uri"
SHOW_DIALOG_KEY = "authorize/show_dialog"
# Room for a long URL wrapped, and for the seven-line curl command plus its scroll bar.
_URL_LINES = 6
_TOKEN_REQUEST_LINES = 9


def _line_edit(name: str, accessible_name: str, tooltip: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    describe(edit, name, accessible_name, tooltip)
    edit.setPlaceholderText(placeholder)
    return edit


SEVERITY_ICONS: Mapping[Severity, QStyle.StandardPixmap] = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class FindingsLine(QWidget):
    """An input's findings: the worst one's icon beside the text, errors in the palette's
    error colour, so an error stands apart from a note at a glance (and not by colour alone).
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.icon = QLabel()
        self.icon.setObjectName(f"{label.objectName()}Icon")
        self.severity: Severity | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        self.setVisible(False)

    def show_result(self, result: CheckResult, text: str) -> None:
        """Show ``text`` marked by the worst of ``result``'s findings; hide when empty."""
        severities = [finding.severity for finding in result.findings]
        self.severity = next((s for s in Severity if s in severities), None)
        self.label.setText(text)
        self.setVisible(bool(text))
        self._paint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()

    def _paint(self) -> None:
        palette = self.palette()
        colour = (
            error_colour(palette)
            if self.severity is Severity.ERROR
            else palette.color(QPalette.ColorRole.WindowText)
        )
        label_palette = self.label.palette()
        label_palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.label.setPalette(label_palette)
        if self.severity is None:
            self.icon.clear()
            return
        size = self.label.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(SEVERITY_ICONS[self.severity]).pixmap(size))


def _read_only_text(
    name: str,
    accessible_name: str,
    tooltip: str,
    placeholder: str,
    wrap: QPlainTextEdit.LineWrapMode,
    lines: int,
) -> QPlainTextEdit:
    """A read-only monospace box sized for a handful of lines, not the whole panel."""
    view = QPlainTextEdit()
    describe(view, name, accessible_name, tooltip)
    view.setReadOnly(True)
    view.setPlaceholderText(placeholder)
    view.setLineWrapMode(wrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    frame = 2 * (view.frameWidth() + int(view.document().documentMargin()))
    view.setMaximumHeight(view.fontMetrics().lineSpacing() * lines + frame)
    return view


class AuthorizePanel(QWidget):
    """Client ID, redirect URI and options in; authorization URL, verifier and curl out.

    The window calls :meth:`set_scopes` whenever the selection changes and shows
    :attr:`status_message` in its status bar. Pass a ``QSettings`` to remember the Client ID,
    redirect URI and show_dialog between runs.
    """

    status_message = Signal(str)
    get_token_requested = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorizePanel")
        self._settings = settings
        self._scopes: tuple[str, ...] = ()
        self._code_verifier = new_code_verifier()
        self._draft: AuthorizationDraft | None = None

        self.client_id_edit = _line_edit(
            "clientIdEdit",
            "Client ID",
            "The Client ID from your app's settings in the Spotify dashboard: 32 hexadecimal "
            "characters. Never paste the client secret here; PKCE needs none.",
            "32 hexadecimal characters from the dashboard",
        )
        self.client_id_message = message_label("clientIdMessage")
        self.client_id_findings = FindingsLine(self.client_id_message)
        self.redirect_uri_edit = _line_edit(
            "redirectUriEdit",
            "Redirect URI",
            "Exactly as registered in the dashboard. HTTPS, a loopback address such as "
            "http://127.0.0.1:8888/callback, or your app's own scheme; not localhost.",
            "http://127.0.0.1:8888/callback",
        )
        self.use_suggested_button = push_button(
            "Use suggested",
            "useSuggestedButton",
            "Replace the redirect URI with the corrected one shown below it.",
        )
        self.redirect_uri_message = message_label("redirectUriMessage")
        self.redirect_uri_findings = FindingsLine(self.redirect_uri_message)
        # Room kept while it is hidden: the field does not jump when a suggestion appears.
        policy = self.use_suggested_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.use_suggested_button.setSizePolicy(policy)
        self._touched: set[QLineEdit] = set()  # left or edited by the user: errors may show
        self.state_edit = _line_edit(
            "stateEdit",
            "State",
            "Sent to Spotify and returned in the callback: check that it matches, so a forged "
            "callback is rejected. Not saved.",
        )
        self.new_state_button = push_button(
            "New state", "newStateButton", "Replace the state with a fresh random one."
        )
        self.show_dialog_check = QCheckBox("Always show the consent dialog (show_dialog)")
        describe(
            self.show_dialog_check,
            "showDialogCheck",
            "Always show the consent dialog",
            "Adds show_dialog=true so Spotify asks again even if the user already approved "
            "the app; left out, Spotify's default (false) applies.",
        )
        self.notes_label = message_label("authorizeNotes")
        self.url_view = _read_only_text(
            "authorizationUrlView",
            "Authorization URL",
            "Open this URL to log in and approve the scopes; Spotify then redirects to the "
            "redirect URI with a code.",
            "The URL appears once the Client ID and redirect URI are valid.",
            QPlainTextEdit.LineWrapMode.WidgetWidth,
            _URL_LINES,
        )
        self.copy_url_button = push_button(
            "Copy URL", "copyUrlButton", "Copy the authorization URL to the clipboard."
        )
        self.open_browser_button = push_button(
            "Open in browser",
            "openInBrowserButton",
            "Open the authorization URL in your web browser.",
        )
        self.get_token_button = push_button(
            "&Get token",
            "getTokenButton",
            "Go online: listen on the loopback redirect URI, open Spotify's login in your "
            "browser, and trade the code for a token (fresh state and verifier, no client "
            "secret). Needs a redirect URI such as http://127.0.0.1:8888/callback registered "
            "in the dashboard.",
        )
        self.live_area = QWidget()
        self.live_area.setObjectName("liveArea")
        live_layout = QVBoxLayout(self.live_area)
        live_layout.setContentsMargins(0, 0, 0, 0)
        self.live_area.setVisible(False)
        self.verifier_edit = _line_edit(
            "codeVerifierEdit",
            "Code verifier",
            "The PKCE secret for this one login: the URL carries its SHA-256 challenge, the "
            "token request the verifier itself. Kept in memory only, never saved.",
        )
        self.verifier_edit.setReadOnly(True)
        self.verifier_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.new_verifier_button = push_button(
            "New verifier",
            "newVerifierButton",
            "Replace the code verifier (and so the URL's code challenge) with a fresh one.",
        )
        self.copy_verifier_button = push_button(
            "Copy verifier", "copyVerifierButton", "Copy the code verifier to the clipboard."
        )
        self.token_request_view = _read_only_text(
            "tokenRequestView",
            "Token request",
            "A curl command that trades the code from the callback for tokens. Replace "
            "PASTE_CODE_HERE with the code; no client secret is needed.",
            "The token request appears once the Client ID and redirect URI are valid.",
            QPlainTextEdit.LineWrapMode.NoWrap,
            _TOKEN_REQUEST_LINES,
        )
        self.copy_token_request_button = push_button(
            "Copy curl command",
            "copyTokenRequestButton",
            "Copy the token request to the clipboard.",
        )

        self._lay_out()
        self._restore_settings()
        self.state_edit.setText(new_state())
        self.verifier_edit.setText(self._code_verifier)
        self._connect()
        self._refresh()

    def _lay_out(self) -> None:
        # The window's menu bar and panes keep C, D, E, F, H, R, S, T and V busy; these
        # letters are the page's own (tests/ui/test_mnemonics.py).
        intro = QLabel(
            "Builds the login link for Spotify's Authorization Code flow with PKCE. Nothing is "
            "sent to Spotify from here, and no client secret is needed."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        # In a narrow window the labels move above their fields instead of pushing them out.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(
            _buddy_label("C&lient ID", self.client_id_edit),
            _stack(self.client_id_edit, self.client_id_findings),
        )
        form.addRow(
            _buddy_label("Redirect &URI", self.redirect_uri_edit),
            _stack(
                _row(self.redirect_uri_edit, self.use_suggested_button),
                self.redirect_uri_findings,
            ),
        )
        form.addRow(
            _buddy_label("St&ate", self.state_edit),
            _stack(
                _row(self.state_edit, self.new_state_button),
                self.show_dialog_check,
                self.notes_label,
            ),
        )
        form.addRow(
            _buddy_label("Authori&zation URL", self.url_view),
            _stack(
                self.url_view,
                _row(
                    self.copy_url_button,
                    self.open_browser_button,
                    self.get_token_button,
                    stretch=True,
                ),
                self.live_area,
            ),
        )
        form.addRow(
            _buddy_label("Code ver&ifier", self.verifier_edit),
            _row(self.verifier_edit, self.new_verifier_button, self.copy_verifier_button),
        )
        form.addRow(
            _buddy_label("To&ken request", self.token_request_view),
            _stack(self.token_request_view, _row(self.copy_token_request_button, stretch=True)),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def _restore_settings(self) -> None:
        if self._settings is None:
            return
        self.client_id_edit.setText(str(self._settings.value(CLIENT_ID_KEY, "", type=str)))
        self.redirect_uri_edit.setText(str(self._settings.value(REDIRECT_URI_KEY, "", type=str)))
        self.show_dialog_check.setChecked(
            bool(self._settings.value(SHOW_DIALOG_KEY, False, type=bool))
        )

    def _connect(self) -> None:
        for edit in (self.client_id_edit, self.redirect_uri_edit):
            edit.editingFinished.connect(lambda edit=edit: self._touch(edit))
        self.client_id_edit.textChanged.connect(self._on_input_changed)
        self.redirect_uri_edit.textChanged.connect(self._on_input_changed)
        self.state_edit.textChanged.connect(self._on_input_changed)
        self.show_dialog_check.toggled.connect(self._on_input_changed)
        self.use_suggested_button.clicked.connect(self._use_suggested_redirect_uri)
        self.new_state_button.clicked.connect(self._new_state)
        self.new_verifier_button.clicked.connect(self._new_verifier)
        self.copy_url_button.clicked.connect(self._copy_url)
        self.copy_verifier_button.clicked.connect(self._copy_verifier)
        self.copy_token_request_button.clicked.connect(self._copy_token_request)
        self.open_browser_button.clicked.connect(self._open_in_browser)
        self.get_token_button.clicked.connect(self.get_token_requested)

    def set_scopes(self, scopes: Sequence[str]) -> None:
        """Take the current selection; the URL and notes follow at once."""
        self._scopes = tuple(scopes)
        self._refresh()

    def authorization_url(self) -> str | None:
        """The URL as shown, or None while an input has an error."""
        return self._draft.url if self._draft is not None else None

    def _touch(self, edit: QLineEdit) -> None:
        """The user has been in ``edit`` and left it: what is wrong with it may show now."""
        if edit not in self._touched:
            self._touched.add(edit)
            self._refresh()

    def token_inputs(self) -> tuple[str, str, tuple[str, ...], bool] | None:
        """Client ID, redirect URI, scopes and show_dialog, checked; None while one has an error."""
        draft = self._draft
        if draft is None or draft.url is None:
            return None
        return (
            draft.client_id.value,
            draft.redirect_uri.value,
            self._scopes,
            self.show_dialog_check.isChecked(),
        )

    def show_live_panel(self, panel: QWidget) -> None:
        """Show the live token panel under the URL's buttons."""
        layout = self.live_area.layout()
        if layout is not None and layout.indexOf(panel) < 0:
            layout.addWidget(panel)
        self.live_area.setVisible(True)

    def _on_input_changed(self) -> None:
        self._save_settings()
        self._refresh()

    def _save_settings(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue(CLIENT_ID_KEY, self.client_id_edit.text())
        self._settings.setValue(REDIRECT_URI_KEY, self.redirect_uri_edit.text())
        self._settings.setValue(SHOW_DIALOG_KEY, self.show_dialog_check.isChecked())

    def _refresh(self) -> None:
        draft = draft_authorization(
            AuthorizationRequest(
                client_id=self.client_id_edit.text(),
                redirect_uri=self.redirect_uri_edit.text(),
                scopes=self._scopes,
                state=self.state_edit.text(),
                code_verifier=self._code_verifier,
                show_dialog=self.show_dialog_check.isChecked(),
            )
        )
        self._draft = draft
        for edit, findings, result in (
            (self.client_id_edit, self.client_id_findings, draft.client_id),
            (self.redirect_uri_edit, self.redirect_uri_findings, draft.redirect_uri),
        ):
            # An empty field the user has not been in yet asks through its placeholder.
            shown = bool(edit.text()) or edit in self._touched
            _show_findings(edit, findings, result if shown else CheckResult(result.value, ()))
        suggestion = draft.redirect_uri.suggestion
        self.use_suggested_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.use_suggested_button.setToolTip(f"Replace the redirect URI with {suggestion}")
        self.notes_label.setText(format_findings(draft.notes))
        self.notes_label.setVisible(bool(draft.notes))
        self.url_view.setPlainText(draft.url or "")
        self.token_request_view.setPlainText(draft.token_request or "")
        for button in (
            self.copy_url_button,
            self.open_browser_button,
            self.get_token_button,
            self.copy_token_request_button,
        ):
            button.setEnabled(draft.url is not None)

    def _use_suggested_redirect_uri(self) -> None:
        if self._draft is None or self._draft.redirect_uri.suggestion is None:
            return
        # The button hides once the URI is fixed: the focus goes back to the URI it changed,
        # not on to State, where the next key would overwrite the selected text.
        self.redirect_uri_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.redirect_uri_edit.setText(self._draft.redirect_uri.suggestion)
        self.status_message.emit("Used the suggested redirect URI")

    def _new_state(self) -> None:
        self.state_edit.setText(new_state())
        self.status_message.emit("New state: the URL changed")

    def _new_verifier(self) -> None:
        self._code_verifier = new_code_verifier()
        self.verifier_edit.setText(self._code_verifier)
        self._refresh()
        self.status_message.emit("New code verifier: the URL and token request changed")

    def _copy_url(self) -> None:
        self._copy(self.url_view.toPlainText(), "authorization URL")

    def _copy_verifier(self) -> None:
        self._copy(self._code_verifier, "code verifier")

    def _copy_token_request(self) -> None:
        self._copy(self.token_request_view.toPlainText(), "token request")

    def _copy(self, text: str, what: str) -> None:
        if copy_text(text):
            self.status_message.emit(f"Copied {what}")
        else:
            self.status_message.emit(f"No clipboard available: select the {what} and copy it")

    def _open_in_browser(self) -> None:
        url = self.authorization_url()
        if url is None:
            return
        # The URL is fully encoded already: hand Qt the bytes as they are, refusing to guess.
        if QDesktopServices.openUrl(
            QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)
        ):
            self.status_message.emit("Opened the authorization URL in your browser")
        else:
            self.status_message.emit("Could not open a browser: copy the authorization URL instead")


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic moves the focus to its input."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _stack(*widgets: QWidget) -> QWidget:
    """Widgets one under another, so a hidden message leaves no gap."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return column


def _row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return row


def _show_findings(edit: QLineEdit, findings: FindingsLine, result: CheckResult) -> None:
    """Show the findings and any corrected value next to the input, and tell screen readers."""
    text = format_findings(result.findings)
    if result.suggestion is not None:
        text += f"\nSuggested: {result.suggestion}"
    findings.show_result(result, text)
    edit.setAccessibleDescription(text)
