"""What the window builds when the user first goes live: the session, the token panel for the
Authorization URL page, the Try it dialogs and Probe, wired to the window's selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from scope_picker.core.catalogue import Catalogue
from scope_picker.ui.live.probe_view import ProbeDialog
from scope_picker.ui.live.session import LiveSession, TokenInputs
from scope_picker.ui.live.token_panel import TokenPanel
from scope_picker.ui.live.try_it import TryItDialog


def open_in_browser(url: str) -> bool:
    """Hand the encoded authorize URL to the desktop's browser, byte for byte."""
    return QDesktopServices.openUrl(
        QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)
    )


class LiveRoom(QObject):
    """Owns everything live; ``inputs`` reads the Authorization URL page (None while it has an
    error), ``tick`` ticks scopes in the window's selection."""

    def __init__(
        self,
        catalogue: Catalogue,
        inputs: Callable[[], TokenInputs | None],
        tick: Callable[[tuple[str, ...]], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._inputs = inputs
        self._tick = tick
        self.session = LiveSession(catalogue, open_in_browser, self)
        self.token_panel = TokenPanel(self.session)
        self.token_panel.probe_requested.connect(self.open_probe)
        self.try_dialogs: dict[str, TryItDialog] = {}
        self.probe_dialog: ProbeDialog | None = None

    def get_token(self) -> None:
        """Start Get token with what the Authorization URL page holds now."""
        inputs = self._inputs()
        if inputs is None:
            self.session.message.emit(
                "Fix the Client ID and redirect URI above first: Get token uses them."
            )
            return
        self.session.get_token(inputs)

    def try_endpoint(self, endpoint_id: str) -> TryItDialog | None:
        """Open (or bring back) the request panel of a Web API endpoint."""
        endpoint = self.session.catalogue.endpoint(endpoint_id)
        if endpoint.method is None or endpoint.path is None:
            return None
        dialog = self.try_dialogs.get(endpoint_id)
        if dialog is None:
            dialog = TryItDialog(self.session, endpoint, self._window)
            dialog.new_token_requested.connect(self._tick_and_get_token)
            self.try_dialogs[endpoint_id] = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _tick_and_get_token(self, scopes: tuple[str, ...]) -> None:
        self._tick(scopes)
        self.get_token()

    def open_probe(self) -> ProbeDialog:
        if self.probe_dialog is not None:
            self.probe_dialog.close()
            self.probe_dialog.deleteLater()
        self.probe_dialog = ProbeDialog(self.session, self._window)
        self.probe_dialog.show()
        return self.probe_dialog

    def shutdown(self) -> None:
        """Stop every live step and drop the token: the window is closing."""
        for dialog in [*self.try_dialogs.values(), self.probe_dialog]:
            if dialog is not None:
                dialog.close()
        self.session.shutdown()
