"""Get token end to end against the fake Spotify: the loopback listener, state, PKCE, the code
traded once, refresh, and a plain message for each way it can fail."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable

import pytest
from fake_browser import Browser, Visit, browse, get
from fake_spotify import CLIENT_ID, FakeSpotify

from scope_picker.core.live.errors import CancelledError, LiveError
from scope_picker.core.live.flow import start_attempt
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.listener import NEEDS_LOOPBACK
from scope_picker.core.live.tokens import exchange_code, refresh

SCOPES = ("user-read-playback-state", "user-top-read")
WAIT = 10.0
Opener = Callable[[Callable[[], Visit]], Browser]


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


def test_another_path_gets_an_error_page_and_the_wait_goes_on(
    hosts: Hosts, redirect_uri: str, open_browser: Opener
) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    origin = redirect_uri.removesuffix("/callback")

    def favicon_then_consent() -> Visit:
        status, page = _page(f"{origin}/favicon.ico?state={attempt.request.state}")
        assert (status, "not waiting here" in page) == (404, True)
        return browse(attempt.url)

    browser = open_browser(favicon_then_consent)
    assert attempt.finish(timeout=WAIT).granted == SCOPES
    browser.close()
    assert browser.visits[0].status == 200


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
    with pytest.raises(CancelledError, match="Cancelled"):
        attempt.finish(timeout=WAIT, cancelled=lambda: time.monotonic() > deadline)
    assert time.monotonic() - started < 2
    assert _refused(free_port)


def test_no_answer_in_time_is_a_timeout(hosts: Hosts, redirect_uri: str) -> None:
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    with pytest.raises(LiveError, match="No answer from the browser"):
        attempt.finish(timeout=0.3)


def test_a_port_in_use_is_named_before_the_browser_opens(
    hosts: Hosts, redirect_uri: str, free_port: int
) -> None:
    with socket.socket() as squatter:
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
