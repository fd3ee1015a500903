"""Receive Spotify's redirect on the loopback redirect URI: bind its loopback address and port
only, accept exactly one request whose path and ``state`` match, answer the browser with a short
page, then close.

A request on another path (a browser's favicon) gets a "not here" page and the wait goes on;
on the redirect path, a wrong or missing ``state`` or an ``error`` ends the attempt with a
message and no code. Python's request log is silenced: it would print the code.
"""

from __future__ import annotations

import html
import socket
import socketserver
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit, urlunsplit

from scope_picker.core.live.errors import CancelledError, LiveError
from scope_picker.core.live.hosts import is_loopback_host

POLL_SECONDS = 0.1
REQUEST_READ_SECONDS = 5.0
LOOPBACK_LITERALS = ("127.0.0.1", "::1")
NEEDS_LOOPBACK = (
    "Getting a token here needs a loopback redirect URI, http://127.0.0.1:PORT/PATH or "
    "http://[::1]:PORT/PATH, registered in your app's settings in the Spotify dashboard "
    "(Redirect URIs) and typed here exactly as registered."
)
_SPOTIFY_ERRORS = {
    "access_denied": "You did not allow access on Spotify's consent screen, so there is no token.",
}


@dataclass(frozen=True)
class LoopbackAddress:
    """Where to listen, read from a redirect URI: a loopback literal, a port (0: any), a path."""

    host: str
    port: int
    path: str
    redirect_uri: str


def loopback_address(redirect_uri: str) -> LoopbackAddress:
    """The address to listen on; LiveError with the dashboard advice for any other URI."""
    try:
        parts = urlsplit(redirect_uri.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        raise LiveError(f"“{redirect_uri}” cannot be read as a URI. {NEEDS_LOOPBACK}") from None
    if parts.scheme != "http" or not is_loopback_host(host):
        raise LiveError(f"“{redirect_uri}” is not a loopback address. {NEEDS_LOOPBACK}")
    if host not in LOOPBACK_LITERALS:
        raise LiveError(f"Use 127.0.0.1 or [::1] rather than {host}. {NEEDS_LOOPBACK}")
    return LoopbackAddress(host, port or 0, parts.path or "/", redirect_uri.strip())


@dataclass(frozen=True)
class _Callback:
    """What the one accepted request on the redirect path carried."""

    code: str | None
    problem: str | None


class _LoopbackServer(socketserver.TCPServer):
    """A TCP server on one loopback address that records the redirect it receives."""

    allow_reuse_address = True  # a previous attempt's closed socket must not block the port

    def __init__(self, address: LoopbackAddress, state: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in address.host else socket.AF_INET
        self.expected_path = address.path
        self.expected_state = state
        self.callback: _Callback | None = None
        super().__init__((address.host, address.port), _RedirectHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore a connection that broke (a browser's speculative one): keep waiting."""


class _RedirectHandler(BaseHTTPRequestHandler):
    server: _LoopbackServer
    timeout = REQUEST_READ_SECONDS

    def do_GET(self) -> None:
        server = self.server
        target = urlsplit(self.path)
        if server.callback is not None or target.path != server.expected_path:
            self._page(HTTPStatus.NOT_FOUND, "Nothing here", "Scope Picker is not waiting here.")
            return
        query = parse_qs(target.query)
        state = query.get("state", [""])[0]
        error = query.get("error", [""])[0]
        code = query.get("code", [""])[0]
        if state != server.expected_state:
            problem = (
                "The redirect's state does not match this attempt (a stale tab, or a forged "
                "request), so no token was requested. Try again."
            )
        elif error:
            problem = _SPOTIFY_ERRORS.get(error, f"Spotify answered with the error “{error}”.")
        elif not code:
            problem = "The redirect carried no code, so no token was requested."
        else:
            server.callback = _Callback(code, None)
            self._page(
                HTTPStatus.OK,
                "Authorized",
                "Scope Picker received the authorization. You can close this tab.",
            )
            return
        server.callback = _Callback(None, problem)
        self._page(HTTPStatus.BAD_REQUEST, "Not authorized", f"{problem} You can close this tab.")

    def _page(self, status: HTTPStatus, title: str, text: str) -> None:
        body = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head><body><p>{html.escape(text)}</p></body></html>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the request line holds the authorization code."""


class CallbackListener:
    """Listens on the redirect URI's loopback address until one redirect arrives, then closes.

    Binding happens on construction, so a port in use is reported before the browser opens.
    """

    def __init__(self, address: LoopbackAddress, state: str) -> None:
        try:
            self._server = _LoopbackServer(address, state)
        except OSError as error:
            raise LiveError(_bind_problem(address, error)) from None
        self._address = address

    @property
    def redirect_uri(self) -> str:
        """The redirect URI to send: as typed, with the port chosen when it had none."""
        if self._address.port:
            return self._address.redirect_uri
        port = self._server.server_address[1]
        parts = urlsplit(self._address.redirect_uri)
        host = f"[{self._address.host}]" if ":" in self._address.host else self._address.host
        return urlunsplit(parts._replace(netloc=f"{host}:{port}"))

    def wait(self, *, timeout: float, cancelled: Callable[[], bool] = lambda: False) -> str:
        """The code from the one matching redirect; LiveError for anything else."""
        deadline = time.monotonic() + timeout
        try:
            while self._server.callback is None:
                if cancelled():
                    raise CancelledError
                if time.monotonic() >= deadline:
                    raise LiveError(
                        f"No answer from the browser within {timeout / 60:g} minutes; "
                        "nothing was requested. Try again and finish the consent sooner."
                    )
                self._server.timeout = min(POLL_SECONDS, max(0.0, deadline - time.monotonic()))
                self._server.handle_request()
        finally:
            self.close()
        callback = self._server.callback
        if callback.code is None:
            assert callback.problem is not None  # a redirect without a code always says why
            raise LiveError(callback.problem)
        return callback.code

    def close(self) -> None:
        """Stop listening (safe to call again)."""
        self._server.server_close()


def _bind_problem(address: LoopbackAddress, error: OSError) -> str:
    where = f"{address.host} port {address.port}"
    if error.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
        return (
            f"Port {address.port} on {address.host} is in use by another program, so the "
            "redirect cannot be received. Close that program, or register another port in the "
            "dashboard and type it here."
        )
    if error.errno in (13, 10013):  # EACCES
        return f"Not allowed to listen on {where}: choose a port above 1024 in the dashboard."
    return f"Cannot listen on {where}: {error.strerror or error}."
