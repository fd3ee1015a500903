"""Requests with the token against the fake Web API: what is sent, what comes back, the error
explanations in the catalogue's terms, and the Probe's report."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fake_spotify import FakeSpotify, Route

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.live.api import ApiCall, send_call
from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.explain import explain
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.probe import Verdict, probe, probe_endpoints, probe_report
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
    assert '"Kitchen"' in answer.pretty()
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
