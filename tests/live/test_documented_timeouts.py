"""The waits the README's "Going live" section promises are the ones the code uses.

How long a silent browser connection may hold the listener and how long a request to Spotify
may go unanswered only show after that many seconds, and the suite times nothing. The
behaviour tests pin that each limit is applied (a silent connection is given up, a silent
server ends in "did not answer within N seconds" for the N given); this file pins the numbers
to the README, which says what is sent and when.
"""

from __future__ import annotations

import re
from pathlib import Path

from scope_picker.cli.parser import build_parser
from scope_picker.core.live import flow, listener, transport

README = Path(__file__).resolve().parents[2] / "README.md"


def _how_long_it_waits() -> str:
    going_live = README.read_text(encoding="utf-8").split("\n## Going live\n", 1)[1]
    paragraph = going_live.split("**How long it waits.**", 1)[1].split("\n\n", 1)[0]
    return " ".join(paragraph.split())


def _seconds(before: str = "", after: str = "") -> float:
    """The number of seconds the README states between ``before`` and ``after``."""
    pattern = rf"{re.escape(before)} ?(\d+) seconds? ?{re.escape(after)}"
    found = re.search(pattern, _how_long_it_waits())
    assert found, f"the README no longer says how many seconds {before or after!r}"
    return float(found.group(1))


def test_the_wait_for_the_browser_is_the_readmes() -> None:
    stated = _seconds(before="Get token waits")
    token_args = build_parser().parse_args(
        ["token", "--client-id", "x", "--redirect-uri", "http://127.0.0.1:8888/callback"]
    )
    assert stated == flow.DEFAULT_WAIT_SECONDS
    assert token_args.timeout == stated


def test_a_silent_browser_connection_is_closed_after_the_readmes_seconds() -> None:
    stated = _seconds(after="(browsers open such speculative connections) is closed")
    assert stated == listener.REQUEST_READ_SECONDS


def test_a_request_to_spotify_gives_up_after_the_readmes_seconds() -> None:
    assert _seconds(before="gives up after") == transport.DEFAULT_TIMEOUT_SECONDS
    assert _seconds(before="did not answer within") == transport.DEFAULT_TIMEOUT_SECONDS
