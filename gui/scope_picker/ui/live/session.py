"""The live session: the one token (in memory only), and the live steps run in the background
with their outcome told through signals: Get token, Cancel, Refresh, Forget, a request, Probe.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.live.api import ApiCall, send_call
from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.flow import DEFAULT_WAIT_SECONDS, Attempt, start_attempt
from scope_picker.core.live.hosts import Hosts, hosts_from_environment
from scope_picker.core.live.probe import probe
from scope_picker.core.live.tokens import Token, refresh
from scope_picker.ui.live.background import BackgroundTask, Work

# A cancelled attempt's thread lets go of the port within one poll of the listener.
PORT_RELEASE_SECONDS = 1.0


@dataclass(frozen=True)
class TokenInputs:
    """What a Get token attempt needs from the Authorization URL page."""

    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    show_dialog: bool


class LiveSession(QObject):
    """Holds the token and runs each live step on a worker thread."""

    token_changed = Signal()
    waiting_changed = Signal(bool)
    message = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        open_url: Callable[[str], bool],
        parent: QObject | None = None,
        wait_seconds: float = DEFAULT_WAIT_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.token: Token | None = None
        self._open_url = open_url
        self._wait_seconds = wait_seconds
        self._attempt: tuple[Attempt, BackgroundTask] | None = None
        self._tasks: list[BackgroundTask] = []

    # --- the token ------------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """True while an attempt waits for the browser or trades the code."""
        return self._attempt is not None

    def hosts(self) -> Hosts:
        """Spotify's hosts, or the testing ones; LiveError for a bad testing variable."""
        return hosts_from_environment()

    def hosts_or_default(self) -> Hosts:
        """The hosts for showing a URL: Spotify's when a testing variable is broken."""
        try:
            return self.hosts()
        except LiveError:
            return Hosts()

    def get_token(self, inputs: TokenInputs) -> None:
        """Start an attempt: listen, open the browser, wait for the redirect in the background."""
        if self._attempt is not None:
            return
        for task in self._tasks:
            if task.running and task.cancelled:
                task.wait(PORT_RELEASE_SECONDS)
        try:
            attempt = start_attempt(
                self.hosts(),
                client_id=inputs.client_id,
                redirect_uri=inputs.redirect_uri,
                scopes=inputs.scopes,
                show_dialog=inputs.show_dialog,
            )
        except LiveError as error:
            self.message.emit(str(error))
            return
        wait = self._wait_seconds
        task = self._run(
            lambda cancelled, _report: attempt.finish(timeout=wait, cancelled=cancelled)
        )
        self._attempt = (attempt, task)
        task.succeeded.connect(self._take_token)
        task.failed.connect(self._attempt_failed)
        self.waiting_changed.emit(True)
        task.start()
        if self._open_url(attempt.url):
            self.message.emit(
                "Waiting for Spotify in your browser: log in and agree, or Cancel. "
                f"Listening on {attempt.request.redirect_uri} for one redirect."
            )
        else:
            self.message.emit(
                f"Could not open a browser: open this URL yourself, or Cancel.\n{attempt.url}"
            )

    def cancel(self) -> None:
        """Stop the attempt now; its thread lets go of the port at its next look."""
        if self._attempt is None:
            return
        self._attempt[1].cancel()
        self._end_attempt("Cancelled: no token was requested.")

    def _take_token(self, token: object) -> None:
        assert isinstance(token, Token)
        self._end_attempt(_token_summary(token, "Got a token"))
        self.set_token(token)

    def _attempt_failed(self, message: str) -> None:
        self._end_attempt(message)

    def _end_attempt(self, message: str) -> None:
        self._attempt = None
        self.waiting_changed.emit(False)
        self.message.emit(message)

    def set_token(self, token: Token | None) -> None:
        self.token = token
        self.token_changed.emit()

    def refresh(self) -> None:
        """Trade the refresh token for a new access token."""
        token = self.token
        if token is None:
            return
        try:
            hosts = self.hosts()
        except LiveError as error:
            self.message.emit(str(error))
            return
        task = self._run(lambda _cancelled, _report: refresh(hosts, token))
        task.succeeded.connect(self._take_refreshed)
        task.failed.connect(self._tell)
        task.start()
        self.message.emit("Refreshing the token…")

    def _take_refreshed(self, token: object) -> None:
        assert isinstance(token, Token)
        self.set_token(token)
        self.message.emit(_token_summary(token, "Refreshed the token"))

    def _tell(self, message: str) -> None:
        self.message.emit(message)

    def forget(self) -> None:
        """Drop the token from memory."""
        self.set_token(None)
        self.message.emit("Forgot the token.")

    # --- requests -------------------------------------------------------------------------

    def send(self, call: ApiCall) -> BackgroundTask | None:
        """Send a request with the token in the background; None (and a message) without one."""
        token = self.token
        if token is None:
            self.message.emit("Get a token first (Authorization URL page, Get token).")
            return None
        try:
            hosts = self.hosts()
            call.url(hosts)
            call.json_body()
        except LiveError as error:
            self.message.emit(str(error))
            return None
        return self._run(lambda _cancelled, _report: send_call(hosts, token, call))

    def probe(self) -> BackgroundTask | None:
        """Probe in the background; each result arrives through ``progressed``."""
        token = self.token
        if token is None:
            return None
        try:
            hosts = self.hosts()
        except LiveError as error:
            self.message.emit(str(error))
            return None
        catalogue = self.catalogue

        def work(cancelled: Callable[[], bool], report: Callable[[object], None]) -> None:
            for result in probe(hosts, token, catalogue, cancelled=cancelled):
                report(result)

        return self._run(work)

    # --- threads --------------------------------------------------------------------------

    def _run(self, work: Work) -> BackgroundTask:
        task = BackgroundTask(work, self)
        self._tasks = [kept for kept in self._tasks if kept.running] + [task]
        return task

    def shutdown(self) -> None:
        """Cancel everything and wait (briefly) for the threads: called when the window closes."""
        if self._attempt is not None:
            self._attempt[1].cancel()
            self._attempt = None
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            task.wait()
        self.token = None


def _token_summary(token: Token, what: str) -> str:
    text = f"{what}: valid for {token.seconds_left() // 60} minutes."
    if token.not_granted:
        text += f" Spotify did not grant {', '.join(token.not_granted)}."
    return text


def scope_list(scopes: Sequence[str]) -> str:
    """Scopes for a label, or a dash."""
    return " ".join(scopes) if scopes else "—"
