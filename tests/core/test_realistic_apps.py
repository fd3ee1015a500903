"""The least scopes for a dozen apps a developer might build, written from Spotify's sources.

Each expectation was written from the Scopes page and the OpenAPI description (operation
descriptions and request bodies) before the code ran; the comments give the reasoning. Scopes
are listed in the catalogue's (the Scopes page's) order.
"""

from collections.abc import Mapping

import pytest

from scope_picker.core.catalogue import Catalogue, LibraryItem
from scope_picker.core.least_scopes import least_scopes

PLAYLIST_WRITE = frozenset({"playlist-modify-public", "playlist-modify-private"})
PRIVATE_PLAYLISTS = {PLAYLIST_WRITE: "playlist-modify-private"}


def _least(
    catalogue: Catalogue,
    endpoint_ids: list[str],
    *,
    preferences: Mapping[frozenset[str], str] | None = None,
    items: frozenset[LibraryItem] | None = None,
) -> tuple[str, ...]:
    if items is None:
        return least_scopes(catalogue, endpoint_ids, preferences).scopes
    return least_scopes(catalogue, endpoint_ids, preferences, library_items=items).scopes


def test_like_button_for_tracks(catalogue: Catalogue) -> None:
    # PUT/DELETE /me/library "Accepts Spotify URIs for tracks, albums, …"; the security lists
    # user-library-modify, user-follow-modify, playlist-modify-public: for a track the library
    # scope applies. GET /me/library/contains lists user-library-read for saved items.
    endpoints = ["save-library-items", "remove-library-items", "check-library-contains"]
    assert _least(catalogue, endpoints) == ("user-library-modify", "user-library-read")


def test_follow_artist_button(catalogue: Catalogue) -> None:
    # Following is what the follow scopes grant ("Manage who you are following", page);
    # the migration guide replaces PUT /me/following with PUT /me/library.
    endpoints = ["save-library-items", "remove-library-items", "check-library-contains"]
    assert _least(catalogue, endpoints, items=frozenset({LibraryItem.ARTISTS})) == (
        "user-follow-modify",
        "user-follow-read",
    )


def test_follow_playlist_button(catalogue: Catalogue) -> None:
    # Saving a playlist URI to the library follows it: the spec's playlist-modify-public for the
    # write, playlist-read-private for the check (the contains operation's security list).
    endpoints = ["save-library-items", "check-library-contains"]
    assert _least(catalogue, endpoints, items=frozenset({LibraryItem.PLAYLISTS})) == (
        "playlist-read-private",
        "playlist-modify-public",
    )


def test_save_podcast_shows_and_read_resume_points(catalogue: Catalogue) -> None:
    # GET /me/shows lists user-library-read; saving a show URI needs user-library-modify; the
    # show's episodes work with no scope, resume points only with user-read-playback-position.
    result = least_scopes(
        catalogue,
        ["get-users-saved-shows", "save-library-items", "get-a-shows-episodes"],
        library_items=frozenset({LibraryItem.SHOWS}),
    )
    assert result.scopes == ("user-library-modify", "user-library-read")
    assert set(result.optional) == {"user-read-playback-position"}


def test_playlist_generator_makes_public_playlists_by_default(catalogue: Catalogue) -> None:
    # POST /me/playlists: "public … Defaults to true … To be able to create private playlists,
    # the user must have granted the playlist-modify-private scope". Adding items to the
    # playlist just made (public) needs playlist-modify-public.
    endpoints = ["create-playlist", "add-items-to-playlist"]
    assert _least(catalogue, endpoints) == ("playlist-modify-public",)


def test_playlist_generator_for_private_playlists(catalogue: Catalogue) -> None:
    endpoints = ["create-playlist", "add-items-to-playlist"]
    assert _least(catalogue, endpoints, preferences=PRIVATE_PLAYLISTS) == (
        "playlist-modify-private",
    )


def test_now_playing_with_skip(catalogue: Catalogue) -> None:
    # The spec lists user-read-currently-playing for GET /me/player/currently-playing (the page
    # also lists it under user-read-playback-state); "Read your currently playing content."
    # asks less than "…and Spotify Connect devices information.". Next/previous list
    # user-modify-playback-state.
    endpoints = [
        "get-the-users-currently-playing-track",
        "skip-users-playback-to-next-track",
        "skip-users-playback-to-previous-track",
    ]
    assert _least(catalogue, endpoints) == (
        "user-modify-playback-state",
        "user-read-currently-playing",
    )


def test_now_playing_with_queue_needs_both_reads(catalogue: Catalogue) -> None:
    # GET /me/player/queue lists both user-read-currently-playing and
    # user-read-playback-state; the currently playing track is then settled by either.
    endpoints = ["get-the-users-currently-playing-track", "get-queue"]
    assert _least(catalogue, endpoints) == (
        "user-read-playback-state",
        "user-read-currently-playing",
    )


def test_connect_remote(catalogue: Catalogue) -> None:
    # Devices and playback state: user-read-playback-state; transfer, play, pause:
    # user-modify-playback-state (page and spec agree).
    endpoints = [
        "get-a-users-available-devices",
        "get-information-about-the-users-current-playback",
        "transfer-a-users-playback",
        "start-a-users-playback",
        "pause-a-users-playback",
    ]
    assert _least(catalogue, endpoints) == (
        "user-read-playback-state",
        "user-modify-playback-state",
    )


def test_listening_stats(catalogue: Catalogue) -> None:
    # Top artists/tracks: user-top-read; recently played: user-read-recently-played; GET /me
    # works with no scope, the email and the country only add fields.
    result = least_scopes(
        catalogue,
        [
            "get-users-top-artists",
            "get-users-top-tracks",
            "get-recently-played",
            "get-current-users-profile",
        ],
    )
    assert result.scopes == ("user-top-read", "user-read-recently-played")
    assert set(result.optional) == {"user-read-private", "user-read-email"}


def test_party_queue(catalogue: Catalogue) -> None:
    # Search needs no scope (spec); adding to the queue lists user-modify-playback-state.
    assert _least(catalogue, ["search", "add-to-queue"]) == ("user-modify-playback-state",)


def test_library_browser(catalogue: Catalogue) -> None:
    # Saved tracks and albums: user-library-read. The user's playlists come public with no
    # scope; the private and collaborative ones are optional extras.
    result = least_scopes(
        catalogue,
        [
            "get-users-saved-tracks",
            "get-users-saved-albums",
            "get-a-list-of-current-users-playlists",
        ],
    )
    assert result.scopes == ("user-library-read",)
    assert set(result.optional) == {"playlist-read-private", "playlist-read-collaborative"}


@pytest.mark.parametrize(
    ("preferences", "expected"),
    [
        (None, ("ugc-image-upload", "playlist-modify-public")),
        (PRIVATE_PLAYLISTS, ("ugc-image-upload", "playlist-modify-private")),
    ],
)
def test_playlist_cover_uploader(
    catalogue: Catalogue,
    preferences: Mapping[frozenset[str], str] | None,
    expected: tuple[str, ...],
) -> None:
    # PUT /playlists/{id}/images lists ugc-image-upload plus the playlist-modify scope of the
    # playlist's visibility.
    assert _least(catalogue, ["upload-custom-playlist-cover"], preferences=preferences) == (
        expected
    )
