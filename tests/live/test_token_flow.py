"""Get token end to end against the fake Spotify: the loopback listener, state, PKCE, the code
traded once, refresh, and a plain message for each way it can fail."""

from __future__ import annotations

import html
import logging
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from fake_browser import Browser, Visit, browse, get
from fake_spotify import CLIENT_ID, FakeSpotify

from scope_picker.core.live import listener
from scope_picker.core.live.errors import CancelledError, LiveError
from scope_picker.core.live.flow import start_attempt
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.listener import NEEDS_LOOPBACK, LoopbackAddress, loopback_address
from scope_picker.core.live.tokens import Token, exchange_code, refresh

SCOPES = ("user-read-playback-state", "user-top-read")
WAIT = 10.0
Opener = Callable[[Callable[[], Visit]], Browser]
GetToken = Callable[[tuple[str, ...]], Token]


def _refused(port: int) -> bool:
    with socket.socket() as client:
        client.settimeout(2)
        return client.connect_ex(("127.0.0.1", port)) != 0


def test_the_browser_round_trip_gives_a_token_for_the_asked_scopes(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, free_port: int, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    assert attempt.url.startswith(f"{fake.origin}/authorize?")
    browser = open_browser(lambda: browse(attempt.url))
    token = attempt.finish(timeout=WAIT)
    browser.close()

    assert token.granted == SCOPES == token.asked
    assert token.access_token == fake.issued_access_tokens[-1]
    assert token.seconds_left() > 3500
    [visit] = browser.visits
    assert visit.status == 200
    assert "You can close this tab" in visit.page
    [form] = fake.token_requests
    assert form["grant_type"] == "authorization_code"
    assert form["redirect_uri"] == redirect_uri
    assert form["code_verifier"] == attempt.request.code_verifier
    assert "client_secret" not in form
    assert fake.token_request_headers[0]["content-type"] == "application/x-www-form-urlencoded"
    assert "authorization" not in fake.token_request_headers[0]
    assert _refused(free_port), "the listener must close after the one redirect"


def test_each_attempt_has_a_fresh_state_and_verifier(hosts: Hosts, redirect_uri: str) -> None:
    first = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    first.cancel()
    second = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    second.cancel()
    assert first.request.state != second.request.state
    assert first.request.code_verifier != second.request.code_verifier


def test_a_redirect_uri_registered_without_a_port_gets_one_chosen(
    fake: FakeSpotify, hosts: Hosts, open_browser: Opener
) -> None:
    fake.redirect_uris = ["http://127.0.0.1/callback"]
    attempt = start_attempt(
        hosts, client_id=CLIENT_ID, redirect_uri="http://127.0.0.1/callback", scopes=SCOPES
    )
    assert attempt.request.redirect_uri.startswith("http://127.0.0.1:")
    open_browser(lambda: browse(attempt.url))
    token = attempt.finish(timeout=WAIT)
    assert token.granted == SCOPES
    assert fake.token_requests[0]["redirect_uri"] == attempt.request.redirect_uri


def test_refresh_gives_a_new_token_and_keeps_the_rotated_refresh_token(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    open_browser(lambda: browse(attempt.url))
    first = attempt.finish(timeout=WAIT)
    second = refresh(hosts, first)
    third = refresh(hosts, second)  # the fake accepts each refresh token once
    assert len({first.access_token, second.access_token, third.access_token}) == 3
    assert third.granted == SCOPES
    assert [form["grant_type"] for form in fake.token_requests[1:]] == ["refresh_token"] * 2
    with pytest.raises(LiveError, match="invalid_grant"):
        refresh(hosts, first)


def test_a_code_is_traded_once_and_only_with_its_verifier(
    hosts: Hosts, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    open_browser(lambda: browse(attempt.url))
    code = attempt.listener.wait(timeout=WAIT)
    trade = {
        "client_id": CLIENT_ID,
        "code": code,
        "redirect_uri": redirect_uri,
        "asked": SCOPES,
    }
    wrong = attempt.request.code_verifier[:-1] + (
        "A" if attempt.request.code_verifier[-1] != "A" else "B"
    )
    with pytest.raises(LiveError, match="code_verifier was incorrect"):
        exchange_code(hosts, code_verifier=wrong, **trade)  # type: ignore[arg-type]
    # The fake, like Spotify, spends the code on the failed attempt too.
    with pytest.raises(LiveError, match="Invalid authorization code"):
        exchange_code(hosts, code_verifier=attempt.request.code_verifier, **trade)  # type: ignore[arg-type]


def test_a_redirect_with_another_state_is_refused_and_nothing_is_traded(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    browser = open_browser(lambda: Visit(*_page(f"{redirect_uri}?code=stolen&state=forged")))
    with pytest.raises(LiveError, match="state does not match"):
        attempt.finish(timeout=WAIT)
    browser.close()
    assert browser.visits[0].status == 400
    assert "state does not match" in browser.visits[0].page
    assert fake.token_requests == []


def _page(url: str) -> tuple[int, str]:
    status, _, page = get(url)
    return status, page


def test_a_refused_consent_says_so(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, open_browser: Opener
) -> None:
    fake.user_allows = False
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    browser = open_browser(lambda: browse(attempt.url))
    with pytest.raises(LiveError, match="You did not allow access"):
        attempt.finish(timeout=WAIT)
    browser.close()
    assert "did not allow access" in browser.visits[0].page
    assert fake.token_requests == []


def test_scopes_spotify_withholds_show_as_not_granted(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, open_browser: Opener
) -> None:
    fake.withheld_scopes = frozenset({"user-top-read"})
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    open_browser(lambda: browse(attempt.url))
    token = attempt.finish(timeout=WAIT)
    assert token.granted == ("user-read-playback-state",)
    assert token.not_granted == ("user-top-read",)


def test_cancel_stops_the_wait_and_frees_the_port(
    hosts: Hosts, redirect_uri: str, free_port: int
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    deadline = time.monotonic() + 0.3
    started = time.monotonic()
    with pytest.raises(CancelledError) as raised:
        attempt.finish(timeout=WAIT, cancelled=lambda: time.monotonic() > deadline)
    assert str(raised.value) == "Cancelled: no token was requested."
    assert time.monotonic() - started < 1  # the wait looks at Cancel several times a second
    assert _refused(free_port)


def test_no_answer_in_time_is_a_timeout(hosts: Hosts, redirect_uri: str) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    cpu = time.process_time()
    with pytest.raises(LiveError) as raised:
        attempt.finish(timeout=0.3)
    assert str(raised.value) == (
        "No answer from the browser within 0.005 minutes; nothing was requested. "
        "Try again and finish the consent sooner."
    )
    assert time.process_time() - cpu < 0.05  # waiting, not spinning


def test_a_port_in_use_is_named_before_the_browser_opens(
    hosts: Hosts, redirect_uri: str, free_port: int
) -> None:
    with socket.socket() as squatter:
        # A port may still hold another test's closed connection (TIME_WAIT): a listener
        # may take it, as the app's does; two listeners may not.
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", free_port))
        squatter.listen()
        with pytest.raises(LiveError, match=f"Port {free_port} on 127.0.0.1 is in use"):
            start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)


@pytest.mark.parametrize(
    "redirect",
    ["https://example.com/callback", "myapp://callback", "http://127.0.0.2:8888/callback"],
)
def test_a_redirect_that_is_not_a_loopback_literal_needs_one_registered(
    hosts: Hosts, redirect: str
) -> None:
    with pytest.raises(LiveError) as raised:
        start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect, scopes=SCOPES)
    assert NEEDS_LOOPBACK in str(raised.value)


def test_a_bad_client_id_is_refused_before_listening(hosts: Hosts, redirect_uri: str) -> None:
    with pytest.raises(LiveError, match="32 characters"):
        start_attempt(hosts, client_id="abc", redirect_uri=redirect_uri, scopes=SCOPES)


def test_an_unreachable_token_endpoint_is_a_plain_message(free_port: int) -> None:
    nowhere = Hosts(accounts=f"http://127.0.0.1:{free_port}", api=f"http://127.0.0.1:{free_port}")
    with pytest.raises(LiveError, match=r"Cannot reach 127\.0\.0\.1: Connection refused"):
        exchange_code(
            nowhere,
            client_id=CLIENT_ID,
            code="x",
            redirect_uri="http://127.0.0.1:1/callback",
            code_verifier="v" * 43,
            asked=(),
        )


def test_the_token_appears_in_no_log_and_no_repr(
    hosts: Hosts,
    redirect_uri: str,
    open_browser: Opener,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    open_browser(lambda: browse(attempt.url))
    token = refresh(hosts, attempt.finish(timeout=WAIT))
    out, err = capfd.readouterr()
    secrets = (token.access_token, token.refresh_token or "")
    for secret in secrets:
        assert secret
        assert secret not in repr(token)
        assert secret not in caplog.text
        assert secret not in out + err
        assert secret not in token.masked


# --- the token endpoint's answers, word for word (canned answers: no browser needed)


def _trade(hosts: Hosts, fake: FakeSpotify, status: int, answer: object) -> Token:
    fake.canned_token_answers.append((status, answer))
    return exchange_code(
        hosts,
        client_id=CLIENT_ID,
        code="code",
        redirect_uri="http://127.0.0.1:8888/callback",
        code_verifier="v" * 43,
        asked=SCOPES,
    )


NOT_JSON = "without a token (not JSON). Try again later."
REFUSED = "Spotify refused the token request"
NO_ACCESS_TOKEN = "The token endpoint answered without an access token."
NO_EXPIRY = "The token endpoint answered without a valid expires_in."


@pytest.mark.parametrize(
    ("status", "answer", "message"),
    [
        (
            502,
            b"<html>Bad gateway</html>",
            f"The token endpoint answered HTTP 502 Bad Gateway {NOT_JSON}",
        ),
        (200, b"\xff", f"The token endpoint answered HTTP 200 OK {NOT_JSON}"),
        (200, ["BQ"], f"The token endpoint answered HTTP 200 OK {NOT_JSON}"),
        (
            400,
            {"error": "invalid_grant", "error_description": "Invalid authorization code"},
            f"{REFUSED} (invalid_grant): the code or refresh token was not accepted: it expired, "
            "was already used, or the redirect URI or PKCE verifier did not match the authorize "
            "request. Spotify said: “Invalid authorization code”.",
        ),
        (
            400,
            {"error": "invalid_client", "error_description": "Invalid client"},
            f"{REFUSED} (invalid_client): the Client ID is not one of Spotify's apps. "
            "Spotify said: “Invalid client”.",
        ),
        (
            400,
            {"error": "invalid_request", "error_description": " "},
            f"{REFUSED} (invalid_request): the request was incomplete.",
        ),
        (
            400,
            {"error": "unsupported_grant_type"},
            f"{REFUSED} (unsupported_grant_type): this kind of trade is not supported.",
        ),
        (
            500,
            {"error": "server_error", "error_description": "Try later"},
            f"{REFUSED} (server_error): no token was given. Spotify said: “Try later”.",
        ),
        (503, {}, f"{REFUSED} (unknown_error): no token was given."),
        (200, {"expires_in": 3600}, NO_ACCESS_TOKEN),
        (200, {"access_token": "", "expires_in": 3600}, NO_ACCESS_TOKEN),
        (200, {"access_token": 42, "expires_in": 3600}, NO_ACCESS_TOKEN),
        (200, {"access_token": "BQx"}, NO_EXPIRY),
        (200, {"access_token": "BQx", "expires_in": "3600"}, NO_EXPIRY),
        (200, {"access_token": "BQx", "expires_in": True}, NO_EXPIRY),
        (200, {"access_token": "BQx", "expires_in": 0}, NO_EXPIRY),
    ],
)
def test_a_token_answer_without_a_usable_token_says_why(
    hosts: Hosts, fake: FakeSpotify, status: int, answer: object, message: str
) -> None:
    with pytest.raises(LiveError) as raised:
        _trade(hosts, fake, status, answer)
    assert str(raised.value) == message


def test_a_token_answer_without_scope_or_refresh_token_grants_nothing_more(
    hosts: Hosts, fake: FakeSpotify
) -> None:
    answer = {"access_token": "BQshort", "expires_in": 1, "refresh_token": ""}
    token = _trade(hosts, fake, 200, answer)
    assert (token.access_token, token.token_type, token.granted, token.refresh_token) == (
        "BQshort", "Bearer", (), None
    )  # fmt: skip
    assert (token.asked, token.client_id, token.response) == (SCOPES, CLIENT_ID, answer)
    assert token.seconds_left() <= 1
    [form] = fake.token_requests
    assert form == {
        "grant_type": "authorization_code",
        "code": "code",
        "redirect_uri": "http://127.0.0.1:8888/callback",
        "client_id": CLIENT_ID,
        "code_verifier": "v" * 43,
    }
    assert fake.token_request_headers[0]["content-type"] == "application/x-www-form-urlencoded"


def test_a_refresh_answer_without_scope_or_refresh_token_keeps_the_previous_ones(
    hosts: Hosts, fake: FakeSpotify
) -> None:
    first = _trade(
        hosts,
        fake,
        200,
        {
            "access_token": "BQfirst",
            "token_type": "bearer",
            "expires_in": 3600,
            "scope": "user-top-read",
            "refresh_token": "AQfirst",
        },
    )
    assert (first.token_type, first.granted) == ("bearer", ("user-top-read",))
    fake.canned_token_answers.append((200, {"access_token": "BQsecond", "expires_in": 3600}))
    second = refresh(hosts, first)
    assert (second.access_token, second.granted, second.refresh_token) == (
        "BQsecond", ("user-top-read",), "AQfirst"
    )  # fmt: skip
    assert (second.asked, second.client_id, second.token_type) == (SCOPES, CLIENT_ID, "Bearer")
    assert fake.token_requests[-1] == {
        "grant_type": "refresh_token",
        "refresh_token": "AQfirst",
        "client_id": CLIENT_ID,
    }


def test_a_token_without_a_refresh_token_is_not_refreshed(hosts: Hosts, fake: FakeSpotify) -> None:
    token = Token("BQx", "Bearer", 0.0, asked=(), granted=(), client_id=CLIENT_ID)
    with pytest.raises(LiveError) as raised:
        refresh(hosts, token)
    assert str(raised.value) == "This token came without a refresh token: get a new token instead."
    assert fake.token_requests == []


def test_what_the_window_shows_of_a_token() -> None:
    token = Token(
        "BQabcdefghijklmnop", "Bearer", 1000.0, asked=("a", "b"), granted=("b", "c"), client_id=""
    )
    assert (token.seconds_left(now=400.4), token.seconds_left(now=1000.5)) == (599, 0)
    assert (token.not_granted, token.not_asked) == (("a",), ("c",))
    assert token.authorization_header == "Authorization: Bearer BQabcdefghijklmnop"
    # Four characters are shown of a long token, none of a short one.
    assert token.masked == "BQab••••••••••••"
    assert replace(token, access_token="y" * 17).masked == "yyyy••••••••••••"
    assert replace(token, access_token="x" * 16).masked == "••••••••••••"


# --- the loopback listener: what it accepts, what it answers the browser, when it gives up


@pytest.mark.parametrize(
    ("redirect", "address"),
    [
        (
            "http://127.0.0.1:8888/callback",
            LoopbackAddress("127.0.0.1", 8888, "/callback", "http://127.0.0.1:8888/callback"),
        ),
        (" http://[::1]:8888/cb ", LoopbackAddress("::1", 8888, "/cb", "http://[::1]:8888/cb")),
        ("http://127.0.0.1", LoopbackAddress("127.0.0.1", 0, "/", "http://127.0.0.1")),
    ],
)
def test_the_listener_listens_where_the_redirect_uri_says(
    redirect: str, address: LoopbackAddress
) -> None:
    assert loopback_address(redirect) == address


@pytest.mark.parametrize(
    ("redirect", "problem"),
    [
        (
            "http://127.0.0.1:99999/callback",
            "“http://127.0.0.1:99999/callback” cannot be read as a URI.",
        ),
        (
            "https://127.0.0.1:8888/callback",
            "“https://127.0.0.1:8888/callback” is not a loopback address.",
        ),
        (
            "http://localhost:8888/callback",
            "“http://localhost:8888/callback” is not a loopback address.",
        ),
        ("http://127.0.0.2:8888/callback", "Use 127.0.0.1 or [::1] rather than 127.0.0.2."),
    ],
)
def test_a_redirect_uri_the_listener_cannot_use_is_explained(redirect: str, problem: str) -> None:
    with pytest.raises(LiveError) as raised:
        loopback_address(redirect)
    assert str(raised.value) == (
        f"{problem} Getting a token here needs a loopback redirect URI, "
        "http://127.0.0.1:PORT/PATH or http://[::1]:PORT/PATH, registered in your app's settings "
        "in the Spotify dashboard (Redirect URIs) and typed here exactly as registered."
    )


PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
    "<body><p>{text}</p></body></html>"
)
STATE_MISMATCH = (
    "The redirect's state does not match this attempt (a stale tab, or a forged request), so "
    "no token was requested. Try again."
)
NO_CODE = "The redirect carried no code, so no token was requested."


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("code=stolen&state=forged", STATE_MISMATCH),
        ("code=stolen", STATE_MISMATCH),
        (
            "error=access_denied&state={state}",
            "You did not allow access on Spotify's consent screen, so there is no token.",
        ),
        ("error=server_error&state={state}", "Spotify answered with the error “server_error”."),
        ("state={state}", NO_CODE),
        ("code=&state={state}", NO_CODE),
    ],
)
def test_a_redirect_without_a_usable_code_ends_the_attempt_with_a_page_saying_why(
    hosts: Hosts,
    fake: FakeSpotify,
    redirect_uri: str,
    open_browser: Opener,
    query: str,
    problem: str,
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    url = f"{redirect_uri}?{query.format(state=attempt.request.state)}"
    browser = open_browser(lambda: Visit(*_page(url)))
    with pytest.raises(LiveError) as raised:
        attempt.finish(timeout=WAIT)
    browser.close()
    assert str(raised.value) == problem
    text = html.escape(f"{problem} You can close this tab.")
    assert browser.visits == [Visit(400, PAGE.format(title="Not authorized", text=text))]
    assert fake.token_requests == []


def test_the_browser_gets_a_short_page_that_keeps_the_code_private(
    hosts: Hosts, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    origin = redirect_uri.removesuffix("/callback")
    answers: list[tuple[int, dict[str, str], str]] = []

    def favicon_then_consent() -> Visit:
        answers.append(get(f"{origin}/favicon.ico"))
        _, headers, _ = get(attempt.url)
        answers.append(get(headers["location"]))
        return Visit(0, "")

    browser = open_browser(favicon_then_consent)
    attempt.finish(timeout=WAIT)
    browser.close()
    expected = [
        (404, "Nothing here", "Scope Picker is not waiting here."),
        (200, "Authorized", "Scope Picker received the authorization. You can close this tab."),
    ]
    for (status, headers, page), (expected_status, title, text) in zip(
        answers, expected, strict=True
    ):
        assert (status, page) == (expected_status, PAGE.format(title=title, text=text))
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert headers["content-length"] == str(len(page.encode()))
        assert (headers["cache-control"], headers["referrer-policy"]) == ("no-store", "no-referrer")
        assert headers["connection"] == "close"


def test_the_listener_chooses_a_port_on_ipv6_too(hosts: Hosts, open_browser: Opener) -> None:
    attempt = start_attempt(
        hosts, client_id=CLIENT_ID, redirect_uri="http://[::1]/callback", scopes=SCOPES
    )
    assert re.fullmatch(r"http://\[::1\]:[1-9]\d*/callback", attempt.request.redirect_uri)
    url = f"{attempt.request.redirect_uri}?code=abc&state={attempt.request.state}"
    browser = open_browser(lambda: Visit(*_page(url)))
    assert attempt.listener.wait(timeout=WAIT) == "abc"
    browser.close()
    assert browser.visits[0].status == 200


def test_a_second_attempt_listens_where_the_first_one_just_answered(get_token: GetToken) -> None:
    first = get_token(SCOPES)
    second = get_token(SCOPES)  # the first redirect's closed connection must not hold the port
    assert first.access_token != second.access_token


class _MinuteClock:
    """The listener's clock, a minute later at each reading."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 60.0
        return self.now


def test_the_wait_for_the_browser_ends_after_five_minutes_by_default(
    hosts: Hosts, redirect_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    monkeypatch.setattr(listener, "time", _MinuteClock())
    with pytest.raises(LiveError) as raised:
        attempt.finish()
    assert str(raised.value) == (
        "No answer from the browser within 5 minutes; nothing was requested. "
        "Try again and finish the consent sooner."
    )


@pytest.mark.parametrize(
    ("errno", "problem"),
    [
        *(
            (
                errno,
                "Port 8888 on 127.0.0.1 is in use by another program, so the redirect cannot be "
                "received. Close that program, or register another port in the dashboard and "
                "type it here.",
            )
            for errno in (98, 48, 10048)  # EADDRINUSE on Linux, macOS, Windows
        ),
        *(
            (
                errno,
                "Not allowed to listen on 127.0.0.1 port 8888: choose a port above 1024 in the "
                "dashboard.",
            )
            for errno in (13, 10013)  # EACCES
        ),
        (99, "Cannot listen on 127.0.0.1 port 8888: Cannot assign requested address."),
    ],
)
def test_a_port_the_listener_cannot_bind_is_explained(errno: int, problem: str) -> None:
    address = loopback_address("http://127.0.0.1:8888/callback")
    error = OSError(errno, "Cannot assign requested address")
    assert listener._bind_problem(address, error) == problem
    assert listener._bind_problem(address, OSError("no reason")) == (
        "Cannot listen on 127.0.0.1 port 8888: no reason."
    )


# --- one attempt, from the ticked scopes to the traded code


def test_the_consent_page_is_shown_again_only_when_asked(hosts: Hosts, redirect_uri: str) -> None:
    for show_dialog in (False, True):
        attempt = start_attempt(
            hosts,
            client_id=CLIENT_ID,
            redirect_uri=redirect_uri,
            scopes=SCOPES,
            **({"show_dialog": True} if show_dialog else {}),
        )
        attempt.cancel()
        query = parse_qs(urlsplit(attempt.url).query)
        assert ("show_dialog" in query) is show_dialog
        assert query.get("show_dialog", ["true"]) == ["true"]


def test_a_code_that_arrives_once_cancelled_is_not_traded(
    hosts: Hosts, fake: FakeSpotify, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    arrived = threading.Event()
    wait = attempt.listener.wait

    def wait_then_cancel(*, timeout: float, cancelled: Callable[[], bool]) -> str:
        code = wait(timeout=timeout, cancelled=cancelled)
        arrived.set()  # the user presses Cancel just as the code arrives
        return code

    attempt.listener.wait = wait_then_cancel  # type: ignore[method-assign]
    open_browser(lambda: browse(attempt.url))
    with pytest.raises(LiveError) as raised:
        attempt.finish(timeout=WAIT, cancelled=arrived.is_set)
    assert str(raised.value) == "Cancelled: the code arrived but was not traded for a token."
    assert fake.token_requests == []


def test_a_redirect_uri_the_checks_refuse_is_refused_before_listening(hosts: Hosts) -> None:
    with pytest.raises(LiveError) as raised:
        start_attempt(
            hosts, client_id=CLIENT_ID, redirect_uri="http://localhost:8888/callback", scopes=()
        )
    assert str(raised.value) == (
        "Error: Spotify does not accept localhost; use the loopback address 127.0.0.1 (or [::1]) "
        "with the same port and path."
    )


def test_a_silent_connection_holds_the_listener_for_five_seconds_at_most(free_port: int) -> None:
    """A browser may open a connection and send nothing (a speculative one); the listener gives
    up on it after listener.REQUEST_READ_SECONDS and reads the redirect that follows."""
    waiting = listener.CallbackListener(
        loopback_address(f"http://127.0.0.1:{free_port}/callback"), state="the-state"
    )
    codes: list[str] = []
    waiter = threading.Thread(target=lambda: codes.append(waiting.wait(timeout=60)))
    with socket.create_connection(("127.0.0.1", free_port)):  # connects, then says nothing
        waiter.start()
        time.sleep(0.2)  # the listener has taken the silent connection first
        redirect = f"http://127.0.0.1:{free_port}/callback?code=the-code&state=the-state"
        reply = threading.Thread(target=lambda: get(redirect))
        reply.start()
        waiter.join(timeout=listener.REQUEST_READ_SECONDS + 10)
        assert not waiter.is_alive(), "a connection that sends nothing holds the listener"
    reply.join(timeout=10)
    assert codes == ["the-code"]


def test_get_token_again_right_after_a_token_listens_on_the_same_port(free_port: int) -> None:
    """The second Get token (more scopes ticked, or the 403's "tick it and get a new token")
    comes within seconds on the same registered port. The listener answered the first redirect
    and closed the connection first, so the kernel still holds that connection (TIME_WAIT) on
    the port: that must not read as "port in use"."""
    address = loopback_address(f"http://127.0.0.1:{free_port}/callback")
    codes: list[str] = []
    for state, code in (("first", "one"), ("second", "two")):
        waiting = listener.CallbackListener(address, state=state)
        waiter = threading.Thread(target=lambda w=waiting: codes.append(w.wait(timeout=WAIT)))
        waiter.start()
        with socket.create_connection(("127.0.0.1", free_port), timeout=WAIT) as browser:
            browser.sendall(
                f"GET /callback?code={code}&state={state} HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{free_port}\r\n\r\n".encode()
            )
            while browser.recv(4096):  # read to the listener's close: it closes first
                pass
        waiter.join(timeout=WAIT)
    assert codes == ["one", "two"]
