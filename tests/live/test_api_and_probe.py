"""Requests with the token against the fake Web API: what is sent, what comes back, the error
explanations in the catalogue's terms, and the Probe's report."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest
from fake_spotify import CLIENT_ID, FakeSpotify, Route

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.live.api import ApiCall, ApiResponse, path_parameters, send_call
from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.explain import Explanation, explain
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.probe import ProbeResult, Verdict, probe, probe_endpoints, probe_report
from scope_picker.core.live.tokens import Token

GetToken = Callable[[tuple[str, ...]], Token]
PLAYBACK = "user-read-playback-state"
TOP = "user-top-read"


def test_a_request_carries_the_token_in_the_header_only(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken
) -> None:
    devices = {"devices": [{"id": "d1", "name": "Kitchen"}]}
    fake.routes[("GET", "/v1/me/player/devices")] = Route(frozenset({PLAYBACK}), body=devices)
    token = get_token((PLAYBACK,))
    answer = send_call(hosts, token, ApiCall("GET", "/me/player/devices", query={"x": "1 2"}))
    assert (answer.status, answer.data, answer.ok) == (200, devices, True)
    assert answer.elapsed > 0
    assert answer.is_json
    assert answer.pretty() == (
        '{\n  "devices": [\n    {\n      "id": "d1",\n      "name": "Kitchen"\n    }\n  ]\n}'
    )
    [(method, path, headers)] = fake.api_requests
    assert (method, path) == ("GET", "/v1/me/player/devices?x=1+2")
    assert headers["authorization"] == f"Bearer {token.access_token}"
    assert token.access_token not in path


def test_path_parameters_are_encoded_and_required() -> None:
    call = ApiCall("GET", "/playlists/{playlist_id}/items", {"playlist_id": "a b/c"})
    assert call.url(Hosts()) == "https://api.spotify.com/v1/playlists/a%20b%2Fc/items"
    with pytest.raises(LiveError, match="Fill in playlist_id"):
        ApiCall("GET", "/playlists/{playlist_id}/items").url(Hosts())


def test_a_body_that_is_not_json_says_where() -> None:
    with pytest.raises(LiveError, match="line 2, column 1"):
        ApiCall("PUT", "/me/library", body='{"uris":\n}').json_body()
    assert ApiCall("PUT", "/me/library").changes_account
    assert not ApiCall("GET", "/me").changes_account


def test_403_insufficient_scope_names_the_scope_the_catalogue_says_is_missing(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    fake.routes[("GET", "/v1/me/top/artists")] = Route(frozenset({TOP}))
    token = get_token((PLAYBACK,))
    answer = send_call(hosts, token, ApiCall("GET", "/me/top/artists"))
    explanation = explain(answer, catalogue.endpoint("get-users-top-artists"), token, catalogue)
    assert explanation is not None
    assert answer.status == 403
    assert explanation.missing_scopes == (TOP,)
    assert "tick user-top-read and get a new token" in explanation.text
    assert "Insufficient client scope" in explanation.text


def test_401_says_expired_and_offers_refresh(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    fake.routes[("GET", "/v1/me")] = Route()
    token = get_token(())
    fake.expire(token.access_token)
    answer = send_call(hosts, token, ApiCall("GET", "/me"))
    explanation = explain(answer, catalogue.endpoint("get-current-users-profile"), token, catalogue)
    assert explanation is not None
    assert explanation.refresh
    assert "expired" in explanation.text


def test_429_gives_retry_after(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    fake.routes[("GET", "/v1/me")] = Route(status=429, headers=(("Retry-After", "7"),))
    token = get_token(())
    answer = send_call(hosts, token, ApiCall("GET", "/me"))
    assert answer.retry_after == 7
    explanation = explain(answer, catalogue.endpoint("get-current-users-profile"), token, catalogue)
    assert explanation is not None
    assert "wait 7 seconds (Retry-After)" in explanation.text


def test_404_on_a_replaced_endpoint_names_its_replacement(
    hosts: Hosts, get_token: GetToken, catalogue: Catalogue
) -> None:
    token = get_token(("user-library-read",))
    answer = send_call(hosts, token, ApiCall("GET", "/me/tracks/contains"))
    explanation = explain(answer, catalogue.endpoint("check-users-saved-tracks"), token, catalogue)
    assert answer.status == 404
    assert explanation is not None
    assert "use GET /me/library/contains" in explanation.text


def test_403_in_development_mode_names_the_allowlist(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    body = {"error": {"status": 403, "message": "User not registered in the Developer Dashboard"}}
    fake.routes[("GET", "/v1/me")] = Route(status=403, body=body)
    token = get_token(())
    answer = send_call(hosts, token, ApiCall("GET", "/me"))
    explanation = explain(answer, catalogue.endpoint("get-current-users-profile"), token, catalogue)
    assert explanation is not None
    assert "not on its allowlist" in explanation.text
    assert "User Management" in explanation.text


def test_403_on_an_endpoint_removed_for_development_mode_says_so(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    fake.routes[("GET", "/v1/markets")] = Route(status=403, body={"error": {"status": 403}})
    token = get_token(())
    answer = send_call(hosts, token, ApiCall("GET", "/markets"))
    explanation = explain(answer, catalogue.endpoint("get-available-markets"), token, catalogue)
    assert explanation is not None
    assert "GET /markets is deprecated" in explanation.text
    assert "Development mode" in explanation.text


def test_probe_picks_the_gets_the_scopes_cover_without_ids(catalogue: Catalogue) -> None:
    paths = {e.path for e in probe_endpoints(catalogue, frozenset({PLAYBACK, TOP}))}
    # From the catalogue: these need exactly the scopes granted (or none) and no ID.
    assert {
        "/me", "/me/player", "/me/player/devices", "/me/player/currently-playing",
        "/me/top/artists", "/me/top/tracks", "/markets", "/search",
    } <= paths  # fmt: skip
    # Queue also needs user-read-currently-playing; the rest need other scopes or an ID.
    assert paths.isdisjoint({"/me/player/queue", "/me/player/recently-played", "/me/tracks"})
    assert all("{" not in path for path in paths if path)


def test_probe_reports_where_spotify_differs_from_the_catalogue(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    token = get_token((PLAYBACK, TOP))
    covered = probe_endpoints(catalogue, frozenset(token.granted))
    for endpoint in covered:
        if not endpoint.deprecated:
            fake.routes[("GET", f"/v1{endpoint.path}")] = Route(frozenset())
    # Spotify (the fake) wants a scope the catalogue does not list for top tracks ...
    fake.routes[("GET", "/v1/me/top/tracks")] = Route(frozenset({"user-read-recently-played"}))
    # ... and search without q is a 400: not checked rather than a difference.
    fake.routes[("GET", "/v1/search")] = Route(status=400, body={"error": {"status": 400}})
    results = list(probe(hosts, token, catalogue))

    assert [result.endpoint for result in results] == list(covered)
    assert {method for method, _, _ in fake.api_requests} == {"GET"}
    verdicts = {result.endpoint.path: result.verdict for result in results}
    assert verdicts.pop("/me/top/tracks") is Verdict.DIFFERS
    assert verdicts.pop("/search") is Verdict.NOT_CHECKED
    assert set(verdicts.values()) == {Verdict.AGREES}  # deprecated ones got 404: as predicted
    report = probe_report(results, token, catalogue)
    assert "differences: 1" in report
    assert "GET /me/top/tracks (get-users-top-tracks)" in report
    assert "catalogue: needs user-top-read; predicted success" in report
    assert "Spotify answered: 403" in report
    assert token.access_token not in report


def test_probe_stops_when_cancelled(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    token = get_token(())
    results = probe(hosts, token, catalogue, cancelled=lambda: len(fake.api_requests) >= 2)
    assert len(list(results)) == 2


# --- what an error answer means, word for word (no network: the answer as send_call builds it)

DEV_MODE = (
    "If the app is in Development mode, the Spotify user must be on its allowlist "
    "(dashboard, User Management), and since February 2026 Spotify removed some endpoints "
    "for such apps."
)


def _answer(
    status: int, message: str = "", *, reason: str = "", retry_after: int | None = None
) -> ApiResponse:
    data = {"error": {"status": status, "message": message}} if message else {}
    return ApiResponse(status, reason, retry_after, 0.1, json.dumps(data), data, is_json=True)


def _token(*granted: str) -> Token:
    return Token("BQ-test", "Bearer", 0.0, asked=granted, granted=granted, client_id=CLIENT_ID)


@pytest.mark.parametrize(
    ("answer", "endpoint_id", "granted", "expected"),
    [
        (
            _answer(401, "The access token expired"),
            "get-current-users-profile",
            (),
            "The token is expired or revoked. Spotify said: “The access token expired”. "
            "Refresh gets a new one.",
        ),
        (
            _answer(401),
            None,
            (),
            "The token is expired or revoked. Refresh gets a new one.",
        ),
        (
            _answer(429, retry_after=7),
            "get-current-users-profile",
            (),
            "Too many requests: wait 7 seconds (Retry-After) before sending again.",
        ),
        (
            _answer(429, "API rate limit exceeded"),
            None,
            (),
            "Too many requests: wait a little before sending again. "
            "Spotify said: “API rate limit exceeded”.",
        ),
        (
            _answer(404, "Service not found"),
            "check-users-saved-tracks",
            ("user-library-read",),
            "GET /me/tracks/contains is deprecated, use GET /me/library/contains. "
            "Deprecated: use Check User's Saved Items instead. Spotify said: “Service not found”.",
        ),
        (
            _answer(404, "Non existing id"),
            "get-current-users-profile",
            (),
            "Not found: check the IDs in the path. Spotify said: “Non existing id”.",
        ),
        (_answer(404), None, (), "Not found: check the IDs in the path."),
        (
            _answer(400, "Missing parameter q"),
            "check-users-saved-tracks",
            ("user-library-read",),
            "Spotify refused the request as malformed. Spotify said: “Missing parameter q”. "
            "Check the query.",
        ),
        (
            _answer(500, "Server error"),
            None,
            (),
            "Spotify had a problem (HTTP 500). Spotify said: “Server error”. Try later.",
        ),
        (_answer(503), None, (), "Spotify had a problem (HTTP 503). Try later."),
        (_answer(418, reason="I'm a Teapot"), None, (), "HTTP 418 I'm a Teapot."),
        (
            _answer(499, "Closed", reason="Client Closed Request"),
            "get-current-users-profile",
            (),
            "HTTP 499 Client Closed Request. Spotify said: “Closed”.",
        ),
    ],
)
def test_an_error_answer_is_explained_in_words(
    answer: ApiResponse,
    endpoint_id: str | None,
    granted: tuple[str, ...],
    expected: str,
    catalogue: Catalogue,
) -> None:
    endpoint = None if endpoint_id is None else catalogue.endpoint(endpoint_id)
    explanation = explain(answer, endpoint, _token(*granted), catalogue)
    assert explanation is not None
    assert explanation.text == expected
    assert explanation.missing_scopes == ()
    assert explanation.refresh == (answer.status == 401)


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_a_success_needs_no_explanation(status: int, catalogue: Catalogue) -> None:
    endpoint = catalogue.endpoint("get-current-users-profile")
    assert explain(_answer(status), endpoint, _token(), catalogue) is None


@pytest.mark.parametrize(
    ("message", "endpoint_id", "granted", "expected", "missing"),
    [
        # Spotify's words for a user missing from the allowlist; any one of them is enough.
        *(
            (
                said,
                "get-current-users-profile",
                (),
                "The app is in Development mode and this Spotify user is not on its allowlist: "
                f"add them in the dashboard under User Management. Spotify said: “{said}”.",
                (),
            )
            for said in (
                "User not registered",
                "Check the Developer Dashboard",
                "The user is not on the Allowlist",
            )
        ),
        (
            "Insufficient client scope",
            "get-users-top-artists",
            (),
            "The token lacks a scope. The catalogue says GET /me/top/artists also needs "
            "user-top-read: tick user-top-read and get a new token. "
            "Spotify said: “Insufficient client scope”.",
            ("user-top-read",),
        ),
        (
            # A required scope and one of a choice: the first of the choice is suggested.
            "Insufficient client scope",
            "upload-custom-playlist-cover",
            (),
            "The token lacks a scope. The catalogue says PUT /playlists/{playlist_id}/images "
            "also needs ugc-image-upload and playlist-modify-public or playlist-modify-private: "
            "tick ugc-image-upload, playlist-modify-public and get a new token. "
            "Spotify said: “Insufficient client scope”.",
            ("ugc-image-upload", "playlist-modify-public"),
        ),
        (
            "Insufficient client scope",
            "get-users-top-artists",
            ("user-top-read",),
            "The catalogue says the token's scopes cover GET /me/top/artists, yet Spotify wants "
            "another scope. Spotify said: “Insufficient client scope”. "
            "Run Probe and report the difference.",
            (),
        ),
        (
            # Without the endpoint the catalogue cannot say which scope.
            "Insufficient client scope",
            None,
            (),
            f"Forbidden. Spotify said: “Insufficient client scope”. {DEV_MODE}",
            (),
        ),
        (
            "",
            "get-available-markets",
            (),
            "GET /markets is deprecated. Deprecated in the Web API reference; Spotify restricts "
            f"it for new apps. {DEV_MODE}",
            (),
        ),
        (
            "Forbidden",
            "check-users-saved-tracks",
            ("user-library-read",),
            "GET /me/tracks/contains is deprecated, use GET /me/library/contains. Deprecated: "
            f"use Check User's Saved Items instead. Spotify said: “Forbidden”. {DEV_MODE}",
            (),
        ),
        (
            "",
            "start-a-users-playback",
            ("user-modify-playback-state",),
            f"Forbidden. It needs a Premium account. {DEV_MODE}",
            (),
        ),
        ("", "get-current-users-profile", (), f"Forbidden. {DEV_MODE}", ()),
        ("", None, (), f"Forbidden. {DEV_MODE}", ()),
    ],
)
def test_a_403_is_explained_by_what_spotify_said_and_the_catalogue(
    message: str,
    endpoint_id: str | None,
    granted: tuple[str, ...],
    expected: str,
    missing: tuple[str, ...],
    catalogue: Catalogue,
) -> None:
    endpoint = None if endpoint_id is None else catalogue.endpoint(endpoint_id)
    explanation = explain(_answer(403, message), endpoint, _token(*granted), catalogue)
    assert explanation is not None
    assert (explanation.text, explanation.missing_scopes) == (expected, missing)
    assert not explanation.refresh


def test_a_removed_endpoint_without_a_note_is_named_alone(catalogue: Catalogue) -> None:
    endpoint = replace(catalogue.endpoint("get-available-markets"), deprecation_note=None)
    explanation = explain(_answer(404), endpoint, _token(), catalogue)
    assert explanation == Explanation("GET /markets is deprecated.")


# --- the request as filled in, sent, and read back


@pytest.mark.parametrize(
    ("method", "writes"),
    [("POST", True), ("PUT", True), ("DELETE", True), ("PATCH", True), ("put", True),
     ("GET", False)],
)  # fmt: skip
def test_the_methods_that_change_the_account_are_the_writes(method: str, writes: bool) -> None:
    assert ApiCall(method, "/me/library").changes_account is writes


def test_every_empty_path_parameter_is_named_in_the_path_order() -> None:
    call = ApiCall("GET", "/users/{user_id}/playlists/{playlist_id}", {"user_id": ""})
    assert path_parameters(call.path) == ("user_id", "playlist_id")
    with pytest.raises(LiveError) as raised:
        call.url(Hosts())
    assert str(raised.value) == "Fill in user_id, playlist_id before sending."


@pytest.mark.parametrize(
    ("call", "url"),
    [
        (ApiCall("GET", "/me"), "https://api.spotify.com/v1/me"),
        (
            ApiCall("GET", "/playlists/{playlist_id}/items", {"playlist_id": " 3cEYpjA9 "}),
            "https://api.spotify.com/v1/playlists/3cEYpjA9/items",
        ),
        (
            # A query row left without a name is not sent.
            ApiCall("GET", "/me/playlists", query={"limit": "5", " ": "x", "": "y"}),
            "https://api.spotify.com/v1/me/playlists?limit=5",
        ),
        (
            ApiCall("GET", "/me/playlists", query={" ": "x"}),
            "https://api.spotify.com/v1/me/playlists",
        ),
    ],
)
def test_the_url_is_the_api_origin_the_filled_path_and_the_query(call: ApiCall, url: str) -> None:
    assert call.url(Hosts()) == url


def test_the_body_is_sent_as_typed_in_utf8_and_an_empty_one_not_at_all() -> None:
    assert ApiCall("PUT", "/me/library", body=" \n ").json_body() is None
    typed = '{"name": "Café ☕"}'
    assert ApiCall("POST", "/me/playlists", body=typed).json_body() == typed.encode("utf-8")
    with pytest.raises(LiveError) as raised:
        ApiCall("PUT", "/me/library", body='{"uris":\n}').json_body()
    assert str(raised.value) == "The body is not valid JSON (line 2, column 1): Expecting value."


@pytest.mark.parametrize(("status", "ok"), [(199, False), (200, True), (299, True), (300, False)])
def test_ok_is_a_2xx_status(status: int, ok: bool) -> None:
    assert _answer(status).ok is ok


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"error": {"status": 403, "message": "Forbidden"}}, "Forbidden"),
        ({"error": {"status": 500}}, ""),
        ({"error": "invalid_token", "error_description": "The access token expired"},
         "The access token expired"),
        ({"error": "invalid_token"}, "invalid_token"),
        ({}, ""),
        (["not", "an", "object"], ""),
        (None, ""),
    ],
)  # fmt: skip
def test_the_error_message_is_spotify_s_own_words(data: object, message: str) -> None:
    answer = ApiResponse(400, "Bad Request", None, 0.1, json.dumps(data), data, is_json=True)
    assert answer.error_message == message


def test_a_json_answer_is_shown_indented_and_unescaped() -> None:
    data = {"name": "Café", "ids": [1]}
    answer = ApiResponse(200, "OK", None, 0.1, json.dumps(data), data, is_json=True)
    assert answer.pretty() == '{\n  "name": "Café",\n  "ids": [\n    1\n  ]\n}'


def test_the_headers_sent_say_who_asks_and_how_long_the_body_is(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken
) -> None:
    for method in ("GET", "PUT", "DELETE"):
        fake.routes[(method, "/v1/me/library")] = Route(status=200 if method == "GET" else 204)
    token = get_token(())
    body = '{"uris": ["spotify:track:1"]}'
    send_call(hosts, token, ApiCall("GET", "/me/library"))
    send_call(hosts, token, ApiCall("PUT", "/me/library", body=body))
    send_call(hosts, token, ApiCall("DELETE", "/me/library"))
    sent = [(method, headers) for method, _, headers in fake.api_requests]
    for _, headers in sent:
        assert headers["authorization"] == f"Bearer {token.access_token}"
        assert headers["accept"] == "application/json"
    [(_, get), (_, put), (_, delete)] = sent
    assert "content-type" not in get
    assert "content-length" not in get
    assert (put["content-type"], put["content-length"]) == ("application/json", str(len(body)))
    # A write without a body still says its length: 0.
    assert "content-type" not in delete
    assert delete["content-length"] == "0"


def test_an_answer_that_is_not_json_is_kept_as_text(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken
) -> None:
    fake.routes[("GET", "/v1/me")] = Route(
        status=429, body=b"\xffSlow down", headers=(("Retry-After", "soon"),)
    )
    fake.routes[("DELETE", "/v1/me/library")] = Route(status=204, body=None)
    token = get_token(())
    answer = send_call(hosts, token, ApiCall("GET", "/me"))
    assert (answer.status, answer.text, answer.data, answer.is_json) == (
        429, "\ufffdSlow down", None, False
    )  # fmt: skip
    assert answer.retry_after is None
    assert answer.pretty() == "\ufffdSlow down"
    assert answer.error_message == ""
    empty = send_call(hosts, token, ApiCall("DELETE", "/me/library"))
    assert (empty.status, empty.ok, empty.text, empty.data, empty.is_json) == (
        204, True, "", None, False
    )  # fmt: skip


# --- the Probe's verdicts and its report, word for word


def test_each_answer_gets_the_verdict_the_window_shows(
    hosts: Hosts, fake: FakeSpotify, get_token: GetToken, catalogue: Catalogue
) -> None:
    token = get_token((PLAYBACK, TOP))
    statuses = {
        "/me": 200,
        "/me/player": 429,
        "/me/player/devices": 500,
        "/me/player/currently-playing": 499,
        "/me/top/artists": 400,
        "/search": 401,
        "/markets": 403,  # deprecated: 403 as predicted
        "/browse/new-releases": 401,  # deprecated, but 401 is not what was predicted
    }
    for path, status in statuses.items():
        fake.routes[("GET", f"/v1{path}")] = Route(status=status)
    # /me/top/tracks has no route: 404, and it is not deprecated; the other deprecated: 404.
    results = {result.endpoint.path: result for result in probe(hosts, token, catalogue)}
    shown = {path: (r.answered, r.verdict.value, r.predicted) for path, r in results.items()}
    success = "success"
    deprecated = "deprecated: success, or 403/404 for newer apps"
    assert {path: shown[path] for path in [*statuses, "/me/top/tracks", "/browse/categories"]} == {
        "/me": ("200 OK", "agrees", success),
        "/me/player": ("429 Too Many Requests", "not checked", success),
        "/me/player/devices": ("500 Internal Server Error", "not checked", success),
        "/me/player/currently-playing": ("499", "differs", success),
        "/me/top/artists": ("400 Bad Request", "not checked", success),
        "/search": ("401 Unauthorized", "differs", success),
        "/markets": ("403 Forbidden", "agrees", deprecated),
        "/browse/new-releases": ("401 Unauthorized", "differs", deprecated),
        "/me/top/tracks": ("404 Not Found", "differs", success),
        "/browse/categories": ("404 Not Found", "agrees", deprecated),
    }
    assert results["/me"].note == ""  # nothing to explain: no tooltip
    assert results["/me/top/tracks"].note == (
        "Not found: check the IDs in the path. Spotify said: “Service not found”."
    )


def test_an_endpoint_without_an_answer_is_not_checked(
    free_port: int, get_token: GetToken, catalogue: Catalogue
) -> None:
    token = get_token(())
    nowhere = Hosts(accounts=f"http://127.0.0.1:{free_port}", api=f"http://127.0.0.1:{free_port}")
    results = list(probe(nowhere, token, catalogue))
    assert [result.endpoint for result in results] == list(probe_endpoints(catalogue, frozenset()))
    for result in results:
        assert (result.status, result.verdict, result.note) == (0, Verdict.NOT_CHECKED, "")
        assert result.answered == (
            "Cannot reach 127.0.0.1: Connection refused. Check the network connection."
        )


def test_the_probe_report_lists_each_difference_for_a_catalogue_maintainer(
    catalogue: Catalogue,
) -> None:
    def result(
        endpoint_id: str, status: int, answered: str, verdict: Verdict, note: str = ""
    ) -> ProbeResult:
        return ProbeResult(
            catalogue.endpoint(endpoint_id), "success", status, answered, verdict, note
        )

    results = [
        result("get-current-users-profile", 200, "200 OK", Verdict.AGREES),
        result(
            "get-users-top-tracks", 403, "403 Forbidden", Verdict.DIFFERS, "Needs another scope."
        ),
        result("get-available-markets", 500, "500", Verdict.NOT_CHECKED),
        result("get-current-users-profile", 401, "401 Unauthorized", Verdict.DIFFERS),
    ]
    granted = _token(PLAYBACK, TOP)
    assert probe_report(results, granted, catalogue) == "\n".join(
        [
            f"Scope Picker probe, catalogue {catalogue.version}",
            "Granted scopes: user-read-playback-state user-top-read",
            "Endpoints probed: 4; checked: 3; differences: 2",
            "",
            "GET /me/top/tracks (get-users-top-tracks)",
            "  catalogue: needs user-top-read; predicted success",
            "  Spotify answered: 403 Forbidden",
            "  Needs another scope.",
            "",
            "GET /me (get-current-users-profile)",
            "  catalogue: needs no scope; optional: user-read-private, user-read-email; "
            "predicted success",
            "  Spotify answered: 401 Unauthorized",
        ]
    )
    assert probe_report([], _token(), catalogue).splitlines()[1:] == [
        "Granted scopes: (none)",
        "Endpoints probed: 0; checked: 0; differences: 0",
    ]
