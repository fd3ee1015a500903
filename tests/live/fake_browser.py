"""The test's browser: it follows the authorize URL to the fake Spotify, then the fake's
redirect to the app's loopback listener, on its own thread as a real browser is its own program.
"""

from __future__ import annotations

import http.client
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

BROWSER_SECONDS = 10.0


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
