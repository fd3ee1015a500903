"""Endpoint look-up: every way a developer names an endpoint lands on the right one."""

from dataclasses import replace

import pytest

from scope_picker.core.catalogue import Catalogue, Endpoint, load_catalogue
from scope_picker.core.endpoint_lookup import find_endpoint
from scope_picker.core.search import normalise

ENDPOINTS = load_catalogue().endpoints


def meant_by_name(catalogue: Catalogue, endpoint: Endpoint) -> str:
    """The endpoint a reference name means: itself, or the operation that replaced it under
    the same name (``Add Items to Playlist`` names the retired ``/tracks`` and ``/items``)."""
    replacement = endpoint.replaced_by
    shares_its_name = bool(replacement) and catalogue.endpoint(replacement).name == endpoint.name
    return replacement if endpoint.deprecated and replacement and shares_its_name else endpoint.id


@pytest.mark.parametrize(
    ("text", "endpoint_id"),
    [
        ("GET /me/player", "get-information-about-the-users-current-playback"),
        ("put /me/player", "transfer-a-users-playback"),
        ("  GET   /me/player/  ", "get-information-about-the-users-current-playback"),
        ("POST /playlists/{playlist_id}/items", "add-items-to-playlist"),
        ("POST /playlists/{id}/items", "add-items-to-playlist"),
        ("POST /playlists/3cEYpjA9oz9GiPac4AsH4n/items", "add-items-to-playlist"),
        ("GET https://api.spotify.com/v1/me/player/devices", "get-a-users-available-devices"),
        ("GET /v1/search?q=abba&type=artist", "search"),
        ("/me/player/devices", "get-a-users-available-devices"),
        ("https://api.spotify.com/v1/me/player/devices", "get-a-users-available-devices"),
        ("GET /me/player/devices#top", "get-a-users-available-devices"),
        ("/me/player/devices?market=ES#top", "get-a-users-available-devices"),
        ("GET /v1/me/player/devices/", "get-a-users-available-devices"),
        ("GET /me//player/devices", "get-a-users-available-devices"),
        ("GET //me/player/devices", "get-a-users-available-devices"),
        ("get-a-users-available-devices", "get-a-users-available-devices"),
        ("Get-A-Users-Available-Devices", "get-a-users-available-devices"),
        ("Get Available Devices", "get-a-users-available-devices"),
        ("get available devices", "get-a-users-available-devices"),
        ("Get a User\u2019s Available Devices", "get-a-users-available-devices"),
        ("Skip User's Playback To Next Track", "skip-users-playback-to-next-track"),
        ("Web Playback SDK", "sdk-web-playback"),
        ("sdk-web-playback", "sdk-web-playback"),
    ],
)
def test_resolves_every_accepted_form(catalogue: Catalogue, text: str, endpoint_id: str) -> None:
    match = find_endpoint(catalogue, text)
    assert match.endpoint is not None, match.describe()
    assert match.endpoint.id == endpoint_id
    assert match.describe() == ""


def test_a_name_shared_with_a_retired_operation_means_its_replacement(
    catalogue: Catalogue,
) -> None:
    retired = catalogue.endpoint("add-tracks-to-playlist")
    assert retired.name == "Add Items to Playlist (/tracks)"
    assert retired.replaced_by == "add-items-to-playlist"
    match = find_endpoint(catalogue, "add items to playlist")
    assert match.endpoint is not None
    assert match.endpoint.id == "add-items-to-playlist"


def test_the_retired_operation_is_still_reachable_by_method_and_path(
    catalogue: Catalogue,
) -> None:
    match = find_endpoint(catalogue, "POST /playlists/{playlist_id}/tracks")
    assert match.endpoint is not None
    assert match.endpoint.id == "add-tracks-to-playlist"


def test_a_path_with_several_methods_is_ambiguous_and_lists_them(catalogue: Catalogue) -> None:
    match = find_endpoint(catalogue, "/me/player")
    assert match.endpoint is None
    assert {e.id for e in match.ambiguous} == {
        "get-information-about-the-users-current-playback",
        "transfer-a-users-playback",
    }
    assert match.describe() == (
        "'/me/player' names 2 endpoints: GET /me/player (Get Playback State), "
        "PUT /me/player (Transfer Playback); give the method and path"
    )


def test_a_literal_segment_beats_a_placeholder(catalogue: Catalogue) -> None:
    """Were Spotify to add ``GET /playlists/featured`` beside ``GET /playlists/{playlist_id}``,
    the literal path would mean the new endpoint, and any other id the playlist."""
    playlist = catalogue.endpoint("get-playlist")
    featured = replace(
        playlist,
        id="get-featured-playlist",
        name="Get Featured Playlist",
        path="/playlists/featured",
    )
    with_featured = Catalogue(
        version=catalogue.version,
        sources=catalogue.sources,
        categories=catalogue.categories,
        groups=catalogue.groups,
        scopes=catalogue.scopes,
        endpoints=(*catalogue.endpoints, featured),  # after the SDKs, which have no path
        consent_order=catalogue.consent_order,
        development_mode=catalogue.development_mode,
    )
    for text, endpoint_id in (
        ("GET /playlists/featured", "get-featured-playlist"),
        ("/playlists/FEATURED", "get-featured-playlist"),
        ("GET /playlists/3cEYpjA9oz9GiPac4AsH4n", "get-playlist"),
    ):
        match = find_endpoint(with_featured, text)
        assert match.endpoint is not None, match.describe()
        assert match.endpoint.id == endpoint_id


@pytest.mark.parametrize(
    "text",
    [
        "Get a User's Top Artists and Tracks",  # the Scopes page's name
        "get-users-top-artists-and-tracks",  # the OpenAPI operationId of GET /me/top/{type}
    ],
)
def test_a_name_for_an_operation_split_in_two_is_ambiguous(catalogue: Catalogue, text: str) -> None:
    match = find_endpoint(catalogue, text)
    assert match.endpoint is None
    assert {e.id for e in match.ambiguous} == {"get-users-top-artists", "get-users-top-tracks"}


def test_a_wrong_method_suggests_the_methods_the_path_has(catalogue: Catalogue) -> None:
    match = find_endpoint(catalogue, "POST /me/player/devices")
    assert match.endpoint is None
    assert not match.ambiguous
    assert [e.id for e in match.suggestions] == ["get-a-users-available-devices"]
    assert match.describe() == (
        "'POST /me/player/devices' is not a known endpoint; "
        "did you mean GET /me/player/devices (Get Available Devices)?"
    )


def test_at_most_three_suggestions_are_offered(catalogue: Catalogue) -> None:
    """Four methods use ``/playlists/{playlist_id}/items``, none of them PATCH."""
    match = find_endpoint(catalogue, "PATCH /playlists/{id}/items")
    assert match.endpoint is None
    assert match.describe() == (
        "'PATCH /playlists/{id}/items' is not a known endpoint; did you mean "
        "GET /playlists/{playlist_id}/items (Get Playlist Items) or "
        "PUT /playlists/{playlist_id}/items (Update Playlist Items) or "
        "POST /playlists/{playlist_id}/items (Add Items to Playlist)?"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /me/playr", "get-information-about-the-users-current-playback"),
        ("get-a-user-available-devices", "get-a-users-available-devices"),
        ("Get Availble Devices", "get-a-users-available-devices"),
    ],
)
def test_near_misses_come_with_suggestions(catalogue: Catalogue, text: str, expected: str) -> None:
    match = find_endpoint(catalogue, text)
    assert match.endpoint is None
    assert expected in [e.id for e in match.suggestions]
    assert match.describe().startswith(f"'{text}' is not a known endpoint; did you mean ")


def test_text_like_nothing_gets_a_plain_message(catalogue: Catalogue) -> None:
    match = find_endpoint(catalogue, "qqqqqqqq")
    assert match == find_endpoint(catalogue, "qqqqqqqq")
    assert match.endpoint is None
    assert not match.suggestions
    assert match.describe() == "'qqqqqqqq' is not a known endpoint"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.id)
def test_every_reference_name_resolves_to_its_endpoint(
    catalogue: Catalogue, endpoint: Endpoint
) -> None:
    for text in (endpoint.name, endpoint.name.upper(), endpoint.name.lower()):
        match = find_endpoint(catalogue, text)
        assert match.endpoint is not None, match.describe()
        assert match.endpoint.id == meant_by_name(catalogue, endpoint)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.id)
def test_every_id_and_label_resolves_to_its_endpoint(
    catalogue: Catalogue, endpoint: Endpoint
) -> None:
    for text in (endpoint.id, endpoint.label):
        match = find_endpoint(catalogue, text)
        assert match.endpoint is not None, match.describe()
        assert match.endpoint.id == endpoint.id


@pytest.mark.parametrize("text", ["Get Album", "get track", "GET PLAYLIST", "Get Episode"])
def test_a_name_that_starts_with_a_method_is_a_name(catalogue: Catalogue, text: str) -> None:
    """``Get Album`` is not GET ``Album``: a path starts with ``/`` (or is a URL)."""
    match = find_endpoint(catalogue, text)
    assert match.endpoint is not None, match.describe()
    assert normalise(match.endpoint.name).lower() == text.lower()


def test_a_method_with_a_relative_path_is_not_guessed(catalogue: Catalogue) -> None:
    match = find_endpoint(catalogue, "GET albums/{id}")
    assert match.endpoint is None
    assert match.describe().startswith("'GET albums/{id}' is not a known endpoint")
