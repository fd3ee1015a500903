"""Fixtures for going live against the fake Spotify: the fake, a free loopback port, a browser."""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from fake_spotify import CLIENT_ID, REDIRECT_URI, FakeSpotify, serving

from scope_picker.core.live.flow import start_attempt
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.tokens import Token

BROWSER_SECONDS = 10.0


@pytest.fixture
def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def redirect_uri(free_port: int) -> str:
    return REDIRECT_URI.format(port=free_port)


@pytest.fixture
def fake(redirect_uri: str) -> Iterator[FakeSpotify]:
    """The fake Spotify over plain HTTP on 127.0.0.1, with the redirect URI registered."""
    with serving(FakeSpotify(redirect_uris=[redirect_uri])) as running:
        yield running


@pytest.fixture
def hosts(fake: FakeSpotify) -> Hosts:
    return Hosts(accounts=fake.origin, api=fake.origin)


@dataclass(frozen=True)
class Visit:
    """What the browser saw at the end: the listener's status and page."""

    status: int
    page: str


def get(url: str, tls: ssl.SSLContext | None = None) -> tuple[int, dict[str, str], str]:
    """One GET without following redirects, as a browser's address bar would start it."""
    parts = urlsplit(url)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=BROWSER_SECONDS, context=tls
        )
    else:
        connection = http.client.HTTPConnection(
            parts.hostname or "", parts.port, timeout=BROWSER_SECONDS
        )
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return answer.status, headers, answer.read().decode()
    finally:
        connection.close()


def browse(url: str, tls: ssl.SSLContext | None = None) -> Visit:
    """Follow the authorize URL to the fake, then its redirect to the loopback listener."""
    status, headers, text = get(url, tls)
    if status != 303:
        return Visit(status, text)
    status, _, page = get(headers["location"])
    return Visit(status, page)


class Browser:
    """A browser on another thread, as the real one is another program."""

    def __init__(self, visit: Callable[[], Visit]) -> None:
        self.visits: list[Visit] = []
        self.failures: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, args=(visit,))

    def _run(self, visit: Callable[[], Visit]) -> None:
        try:
            self.visits.append(visit())
        except BaseException as error:  # the test reports it
            self.failures.append(error)

    def open(self) -> Browser:
        self._thread.start()
        return self

    def close(self) -> None:
        self._thread.join(timeout=BROWSER_SECONDS)
        assert not self._thread.is_alive(), "the browser is still waiting"
        assert not self.failures, self.failures


@pytest.fixture
def open_browser() -> Iterator[Callable[[Callable[[], Visit]], Browser]]:
    """Open browsers on threads; each is joined (and its errors raised) when the test ends."""
    browsers: list[Browser] = []

    def opener(visit: Callable[[], Visit]) -> Browser:
        browsers.append(Browser(visit).open())
        return browsers[-1]

    yield opener
    for browser in browsers:
        browser.close()


@pytest.fixture
def get_token(
    hosts: Hosts, redirect_uri: str, open_browser: Callable[[Callable[[], Visit]], Browser]
) -> Callable[[tuple[str, ...]], Token]:
    """A token from the fake for the given scopes, through the whole browser round trip."""

    def obtain(scopes: tuple[str, ...]) -> Token:
        attempt = start_attempt(
            hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=scopes
        )
        open_browser(lambda: browse(attempt.url))
        return attempt.finish(timeout=BROWSER_SECONDS)

    return obtain
