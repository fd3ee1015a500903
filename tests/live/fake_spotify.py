"""A fake Spotify (accounts service and Web API) on 127.0.0.1 that checks what Spotify checks.

Accounts: ``/authorize`` knows one client ID and its registered redirect URIs (a loopback URI
registered without a port accepts any port, as Spotify's does), requires S256 PKCE, and sends
the browser back with a one-time code, or ``error=access_denied`` when the fake user refuses.
``/api/token`` trades a code only once, only for the same client ID, the redirect URI exactly
as in the authorize request and a verifier whose S256 is the challenge; it refuses any client
secret (this flow must never send one); refresh tokens are single-use and rotate. The API
answers the routes a test declares, requiring their scopes, with 401 for an unknown or expired
token and 404 "Service not found" for anything else. Every token request and API request is
recorded for tests to inspect; ``canned_token_answers`` overrides the token endpoint's next answers.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socketserver
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

CLIENT_ID = "0123456789abcdef0123456789abcdef"
REDIRECT_URI = "http://127.0.0.1:{port}/callback"


@dataclass(frozen=True)
class Route:
    """An API answer: the scopes Spotify requires, then the status, body (JSON, or bytes sent
    as they are) and headers."""

    required: frozenset[str] = frozenset()
    status: int = 200
    body: Any = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    scopes: tuple[str, ...]


@dataclass
class FakeSpotify:
    """The fake's configuration and what it saw; ``origin`` is set once it serves."""

    redirect_uris: list[str] = field(default_factory=list)
    client_id: str = CLIENT_ID
    user_allows: bool = True
    withheld_scopes: frozenset[str] = frozenset()
    routes: dict[tuple[str, str], Route] = field(default_factory=dict)
    origin: str = ""
    token_requests: list[dict[str, str]] = field(default_factory=list)
    token_request_headers: list[dict[str, str]] = field(default_factory=list)
    api_requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    issued_access_tokens: list[str] = field(default_factory=list)
    authorize_queries: list[dict[str, str]] = field(default_factory=list)
    # Answers the token endpoint gives first, whatever is asked: (status, JSON or raw bytes).
    canned_token_answers: list[tuple[int, Any]] = field(default_factory=list)
    _grants: dict[str, _Grant] = field(default_factory=dict)
    _access: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _refresh: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def expire(self, access_token: str) -> None:
        """Make Spotify consider this access token expired."""
        self._access.pop(access_token, None)

    # --- accounts ---------------------------------------------------------------------------

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], str]:
        self.authorize_queries.append(query)
        if query.get("client_id") != self.client_id:
            return 400, {}, "INVALID_CLIENT: Invalid client"
        redirect_uri = query.get("redirect_uri", "")
        if not self._registered(redirect_uri):
            return 400, {}, "INVALID_CLIENT: Invalid redirect URI"
        if query.get("response_type") != "code":
            return 400, {}, "unsupported_response_type"
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return 400, {}, "code_challenge_method must be S256"
        back: dict[str, str] = {}
        if self.user_allows:
            code = secrets.token_urlsafe(24)
            scopes = tuple(
                scope
                for scope in query.get("scope", "").split()
                if scope not in self.withheld_scopes
            )
            self._grants[code] = _Grant(
                self.client_id, redirect_uri, query["code_challenge"], scopes
            )
            back["code"] = code
        else:
            back["error"] = "access_denied"
        if "state" in query:
            back["state"] = query["state"]
        return 303, {"Location": f"{redirect_uri}?{urlencode(back)}"}, ""

    def _registered(self, redirect_uri: str) -> bool:
        if redirect_uri in self.redirect_uris:
            return True
        try:
            parts = urlsplit(redirect_uri)
            parts.port  # noqa: B018 (a bad port raises)
        except ValueError:
            return False
        without_port = parts._replace(netloc=f"{parts.hostname}").geturl()
        return parts.hostname == "127.0.0.1" and without_port in self.redirect_uris

    def token(self, form: dict[str, str], headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.token_requests.append(form)
        self.token_request_headers.append(headers)
        if self.canned_token_answers:
            return self.canned_token_answers.pop(0)
        if "client_secret" in form or "authorization" in headers:
            return 400, _oauth_error("invalid_request", "PKCE clients send no secret")
        if form.get("client_id") != self.client_id:
            return 400, _oauth_error("invalid_client", "Invalid client")
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            grant = self._grants.pop(form.get("code", ""), None)
            if grant is None:
                return 400, _oauth_error("invalid_grant", "Invalid authorization code")
            if form.get("redirect_uri") != grant.redirect_uri:
                return 400, _oauth_error("invalid_grant", "Invalid redirect URI")
            if _s256(form.get("code_verifier", "")) != grant.challenge:
                return 400, _oauth_error("invalid_grant", "code_verifier was incorrect")
            return 200, self._issue(grant.scopes, with_scope=True)
        if grant_type == "refresh_token":
            held = self._refresh.pop(form.get("refresh_token", ""), None)
            if held is None or held[0] != form["client_id"]:
                return 400, _oauth_error("invalid_grant", "Invalid refresh token")
            return 200, self._issue(held[1], with_scope=True)
        return 400, _oauth_error("unsupported_grant_type", f"grant_type {grant_type}")

    def _issue(self, scopes: tuple[str, ...], *, with_scope: bool) -> dict[str, Any]:
        access_token = "BQ" + secrets.token_urlsafe(48)
        refresh_token = "AQ" + secrets.token_urlsafe(48)
        self._access[access_token] = scopes
        self._refresh[refresh_token] = (self.client_id, scopes)
        self.issued_access_tokens.append(access_token)
        answer: dict[str, Any] = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "refresh_token": refresh_token,
        }
        if with_scope:
            answer["scope"] = " ".join(scopes)
        return answer

    # --- API --------------------------------------------------------------------------------

    def api(
        self, method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Any]:
        self.api_requests.append((method, path, headers))
        bearer = headers.get("authorization", "").removeprefix("Bearer ")
        if bearer not in self._access:
            return 401, {}, _api_error(401, "The access token expired")
        route = self.routes.get((method, urlsplit(path).path))
        if route is None:
            return 404, {}, _api_error(404, "Service not found")
        if not route.required <= set(self._access[bearer]):
            return 403, {}, _api_error(403, "Insufficient client scope")
        return route.status, dict(route.headers), route.body


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", errors="replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _oauth_error(error: str, description: str) -> dict[str, Any]:
    return {"error": error, "error_description": description}


def _api_error(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


class _Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, fake: FakeSpotify, tls: ssl.SSLContext | None) -> None:
        self.fake = fake
        self.tls = tls
        super().__init__(("127.0.0.1", 0), _Handler)

    def get_request(self) -> tuple[Any, Any]:
        connection, address = super().get_request()
        if self.tls is not None:
            connection = self.tls.wrap_socket(connection, server_side=True)
        return connection, address

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that refused the test certificate hangs up; that is expected."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        fake = self.server.fake
        target = urlsplit(self.path)
        if target.path == "/authorize":
            query = {name: values[0] for name, values in parse_qs(target.query).items()}
            status, headers, text = fake.authorize(query)
            self._reply(status, headers, text.encode(), "text/plain")
        else:
            self._api()

    def do_POST(self) -> None:
        if self.path != "/api/token":
            self._api()
            return
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("ascii")
        form = {name: values[0] for name, values in parse_qs(body).items()}
        headers = {name.lower(): value for name, value in self.headers.items()}
        status, answer = self.server.fake.token(form, headers)
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        self._reply(status, {}, data, "application/json")

    def do_PUT(self) -> None:
        self._api()

    def do_DELETE(self) -> None:
        self._api()

    def _api(self) -> None:
        length = int(self.headers.get("Content-Length", "0") or 0)
        if length:
            self.rfile.read(length)
        headers = {name.lower(): value for name, value in self.headers.items()}
        status, extra, body = self.server.fake.api(self.command, self.path, headers)
        if isinstance(body, bytes):  # sent as it is: not JSON, or not even UTF-8
            data = body
        else:
            data = b"" if body is None else json.dumps(body).encode()
        self._reply(status, extra, data, "application/json")

    def _reply(self, status: int, headers: dict[str, str], body: bytes, kind: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows failures; the log would repeat codes and tokens."""


@contextmanager
def serving(fake: FakeSpotify, tls: ssl.SSLContext | None = None) -> Iterator[FakeSpotify]:
    """Serve the fake on 127.0.0.1 (HTTPS with ``tls``) until the block ends."""
    server = _Server(fake, tls)
    scheme = "https" if tls is not None else "http"
    fake.origin = f"{scheme}://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
