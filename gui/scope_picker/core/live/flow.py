"""One Get-token attempt, from the ticked scopes to a token: a fresh ``state`` and PKCE
verifier, the listener bound before the browser opens, the code traded at the token endpoint.

The caller opens the browser (the CLI with ``webbrowser``, the window with the desktop's
handler) and decides how to wait; the window runs ``finish`` on a worker thread.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scope_picker.core.authorize import (
    AuthorizationRequest,
    authorization_url,
    check_client_id,
    check_redirect_uri,
    format_findings,
    new_code_verifier,
    new_state,
)
from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.listener import CallbackListener, loopback_address
from scope_picker.core.live.tokens import Token, exchange_code

DEFAULT_WAIT_SECONDS = 300.0


@dataclass
class Attempt:
    """A started attempt: the URL to open, and the listener waiting for its redirect."""

    request: AuthorizationRequest
    url: str
    listener: CallbackListener
    hosts: Hosts

    def finish(
        self,
        *,
        timeout: float = DEFAULT_WAIT_SECONDS,
        cancelled: Callable[[], bool] = lambda: False,
        tls: ssl.SSLContext | None = None,
    ) -> Token:
        """Wait for the redirect, then trade its code; LiveError says what went wrong."""
        code = self.listener.wait(timeout=timeout, cancelled=cancelled)
        if cancelled():
            raise LiveError("Cancelled: the code arrived but was not traded for a token.")
        return exchange_code(
            self.hosts,
            client_id=self.request.client_id,
            code=code,
            redirect_uri=self.request.redirect_uri,
            code_verifier=self.request.code_verifier,
            asked=self.request.scopes,
            tls=tls,
        )

    def cancel(self) -> None:
        """Stop listening; an attempt waiting in ``finish`` should also be told by ``cancelled``."""
        self.listener.close()


def start_attempt(
    hosts: Hosts,
    *,
    client_id: str,
    redirect_uri: str,
    scopes: Sequence[str],
    show_dialog: bool = False,
) -> Attempt:
    """Check the inputs, bind the listener and build the authorize URL with a fresh state."""
    for result in (check_client_id(client_id), check_redirect_uri(redirect_uri)):
        if not result.ok:
            raise LiveError(format_findings(result.findings))
    address = loopback_address(redirect_uri)
    state = new_state()
    listener = CallbackListener(address, state)
    request = AuthorizationRequest(
        client_id=client_id.strip(),
        redirect_uri=listener.redirect_uri,
        scopes=tuple(scopes),
        state=state,
        code_verifier=new_code_verifier(),
        show_dialog=show_dialog,
    )
    return Attempt(request, authorization_url(request, hosts.authorize_endpoint), listener, hosts)
