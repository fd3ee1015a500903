"""Fixtures for going live against the fake Spotify: the fake, a free loopback port, a browser."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from fake_browser import BROWSER_SECONDS, Browser, Visit, browse
from fake_spotify import CLIENT_ID, REDIRECT_URI, FakeSpotify, serving

from scope_picker.core.live.flow import start_attempt
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.tokens import Token


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
