"""Pins the catalogue's hand decisions, the facts the generator cannot derive from Spotify's
sources by itself: which operation each name on the Scopes page is, what each operation
needs where the sources list several scopes or disagree, the scope notes, the links and names
chosen by hand.

Whatever the generator derives (scopes, categories, wording, deprecations, the spec's scope
lists) is checked by the extractor tests on fixtures and by the regeneration test.
"""

import pytest

from scope_picker.core.catalogue import REFERENCE_URL, Catalogue, EndpointKind, ScopeNote

# Every endpoint name the Scopes page lists, with the scope it is listed under and the
# reference endpoint it means.
PAGE_NAMES = [
    ("ugc-image-upload", "Add Custom Playlist Cover Image", "PUT /playlists/{playlist_id}/images"),
    ("user-read-playback-state", "Get a User's Available Devices", "GET /me/player/devices"),
    (
        "user-read-playback-state",
        "Get Information About The User's Current Playback",
        "GET /me/player",
    ),
    (
        "user-read-playback-state",
        "Get the User's Currently Playing Track",
        "GET /me/player/currently-playing",
    ),
    ("user-modify-playback-state", "Pause a User's Playback", "PUT /me/player/pause"),
    (
        "user-modify-playback-state",
        "Seek To Position In Currently Playing Track",
        "PUT /me/player/seek",
    ),
    ("user-modify-playback-state", "Set Repeat Mode On User’s Playback", "PUT /me/player/repeat"),
    ("user-modify-playback-state", "Set Volume For User's Playback", "PUT /me/player/volume"),
    ("user-modify-playback-state", "Skip User’s Playback To Next Track", "POST /me/player/next"),
    (
        "user-modify-playback-state",
        "Skip User’s Playback To Previous Track",
        "POST /me/player/previous",
    ),
    ("user-modify-playback-state", "Start/Resume a User's Playback", "PUT /me/player/play"),
    ("user-modify-playback-state", "Toggle Shuffle For User’s Playback", "PUT /me/player/shuffle"),
    ("user-modify-playback-state", "Transfer a User's Playback", "PUT /me/player"),
    (
        "user-modify-playback-state",
        "Add An Item To The End Of User's Current Playback Queue",
        "POST /me/player/queue",
    ),
    (
        "user-read-currently-playing",
        "Get the User's Currently Playing Track",
        "GET /me/player/currently-playing",
    ),
    ("user-read-currently-playing", "Get the User's Queue", "GET /me/player/queue"),
    ("app-remote-control", "iOS SDK", "iOS SDK"),
    ("app-remote-control", "Android SDK", "Android SDK"),
    ("streaming", "Web Playback SDK", "Web Playback SDK"),
    (
        "playlist-read-private",
        "Check if Users Follow a Playlist",
        "GET /playlists/{playlist_id}/followers/contains",
    ),
    ("playlist-read-private", "Get a List of Current User's Playlists", "GET /me/playlists"),
    ("playlist-read-private", "Get a List of a User's Playlists", "GET /users/{user_id}/playlists"),
    ("playlist-read-collaborative", "Get a List of Current User's Playlists", "GET /me/playlists"),
    (
        "playlist-read-collaborative",
        "Get a List of a User's Playlists",
        "GET /users/{user_id}/playlists",
    ),
    *[
        (scope, name, label)
        for scope in ("playlist-modify-private", "playlist-modify-public")
        for name, label in [
            ("Follow a Playlist", "PUT /playlists/{playlist_id}/followers"),
            ("Unfollow a Playlist", "DELETE /playlists/{playlist_id}/followers"),
            ("Add Items to a Playlist", "POST /playlists/{playlist_id}/items"),
            ("Change a Playlist's Details", "PUT /playlists/{playlist_id}"),
            ("Create a Playlist", "POST /me/playlists"),
            ("Remove Items from a Playlist", "DELETE /playlists/{playlist_id}/items"),
            ("Reorder a Playlist's Items", "PUT /playlists/{playlist_id}/items"),
            ("Replace a Playlist's Items", "PUT /playlists/{playlist_id}/items"),
            ("Upload a Custom Playlist Cover Image", "PUT /playlists/{playlist_id}/images"),
        ]
    ],
    ("user-follow-modify", "Follow Artists or Users", "PUT /me/following"),
    ("user-follow-modify", "Unfollow Artists or Users", "DELETE /me/following"),
    (
        "user-follow-read",
        "Check if Current User Follows Artists or Users",
        "GET /me/following/contains",
    ),
    ("user-follow-read", "Get User's Followed Artists", "GET /me/following"),
    ("user-read-playback-position", "Get an Episodes", "GET /episodes/{id}"),
    ("user-read-playback-position", "Get Several Episodes", "GET /episodes"),
    ("user-read-playback-position", "Get a Show", "GET /shows/{id}"),
    ("user-read-playback-position", "Get Several Shows", "GET /shows"),
    ("user-read-playback-position", "Get a Show's Episodes", "GET /shows/{id}/episodes"),
    ("user-top-read", "Get a User's Top Artists and Tracks", "GET /me/top/artists"),
    ("user-top-read", "Get a User's Top Artists and Tracks", "GET /me/top/tracks"),
    (
        "user-read-recently-played",
        "Get Current User's Recently Played Tracks",
        "GET /me/player/recently-played",
    ),
    ("user-library-modify", "Remove Albums for Current User", "DELETE /me/albums"),
    ("user-library-modify", "Remove User's Saved Tracks", "DELETE /me/tracks"),
    ("user-library-modify", "Remove User's Saved Episodes", "DELETE /me/episodes"),
    ("user-library-modify", "Save Albums for Current User", "PUT /me/albums"),
    ("user-library-modify", "Save Tracks for User", "PUT /me/tracks"),
    ("user-library-modify", "Save Episodes for User", "PUT /me/episodes"),
    ("user-library-read", "Check User's Saved Albums", "GET /me/albums/contains"),
    ("user-library-read", "Check User's Saved Tracks", "GET /me/tracks/contains"),
    ("user-library-read", "Get Current User's Saved Albums", "GET /me/albums"),
    ("user-library-read", "Get a User's Saved Tracks", "GET /me/tracks"),
    ("user-library-read", "Check User's Saved Episodes", "GET /me/episodes/contains"),
    ("user-library-read", "Get User's Saved Episodes", "GET /me/episodes"),
    ("user-read-email", "Get Current User's Profile", "GET /me"),
    ("user-read-private", "Search for an Item", "GET /search"),
    ("user-read-private", "Get Current User's Profile", "GET /me"),
    ("user-soa-link", "Register new user", "Register new user"),
    ("user-soa-unlink", "Unlink user", "Unlink user"),
    ("soa-manage-entitlements", "Add user entitlements", "Add user entitlements"),
    ("soa-manage-entitlements", "Get user entitlements", "Get user entitlements"),
    ("soa-manage-entitlements", "Removes user entitlements", "Remove user entitlements"),
    ("soa-manage-entitlements", "Replace user entitlements", "Replace user entitlements"),
    ("soa-manage-partner", "Set partner logo", "Set partner logo"),
    ("soa-create-partner", "Create new partner", "Create new partner"),
]


# The page lists these under a scope that adds nothing to them (the overlay says why).
PAGE_LISTS_WRONGLY = {("user-read-playback-position", "GET /shows")}


def _by_label(catalogue: Catalogue, label: str) -> list[str]:
    return [e.id for e in catalogue.endpoints if e.label == label]


@pytest.mark.parametrize(("scope", "page_name", "label"), PAGE_NAMES)
def test_every_page_name_maps_to_its_reference_endpoint(
    catalogue: Catalogue, scope: str, page_name: str, label: str
) -> None:
    matches = _by_label(catalogue, label)
    assert len(matches) == 1, label
    endpoint = catalogue.endpoint(matches[0])
    assert page_name in endpoint.page_names
    assert scope in endpoint.page_scopes
    if (scope, label) not in PAGE_LISTS_WRONGLY:
        assert scope in endpoint.requirement.scopes


def test_page_names_are_all_accounted_for(catalogue: Catalogue) -> None:
    listed = {
        (scope, name)
        for e in catalogue.endpoints
        for scope in e.page_scopes
        for name in e.page_names
    }
    expected = {(scope, name) for scope, name, _ in PAGE_NAMES}
    assert expected <= listed
    assert {name for e in catalogue.endpoints for name in e.page_names} == {
        name for _, name, _ in PAGE_NAMES
    }


def test_page_and_reference_names_differ_where_spotify_differs(catalogue: Catalogue) -> None:
    devices = catalogue.endpoint("get-a-users-available-devices")
    assert devices.name == "Get Available Devices"
    assert devices.page_names == ("Get a User's Available Devices",)
    reorder = catalogue.endpoint("reorder-or-replace-playlists-items")
    assert set(reorder.page_names) == {"Reorder a Playlist's Items", "Replace a Playlist's Items"}


def test_non_web_api_targets_are_kinds_of_their_own(catalogue: Catalogue) -> None:
    sdks = {e.name for e in catalogue.endpoints if e.kind is EndpointKind.SDK}
    assert sdks == {"iOS SDK", "Android SDK", "Web Playback SDK"}
    for endpoint in catalogue.endpoints:
        if endpoint.kind is not EndpointKind.WEB_API:
            assert endpoint.method is None
            assert endpoint.path is None
            assert endpoint.documentation_url.startswith("https://developer.spotify.com/")


def test_profile_works_without_scopes_and_each_scope_adds_data(catalogue: Catalogue) -> None:
    requirement = catalogue.endpoint("get-current-users-profile").requirement
    assert requirement.needs_no_scope
    unlocks = {option.scope: option.unlocks for option in requirement.optional}
    assert set(unlocks) == {"user-read-private", "user-read-email"}
    assert "email" in unlocks["user-read-email"]
    assert "country" in unlocks["user-read-private"]


@pytest.mark.parametrize(
    "operation",
    [
        "add-items-to-playlist",
        "remove-items-playlist",
        "reorder-or-replace-playlists-items",
        "change-playlist-details",
        "create-playlist",
        "follow-playlist",
        "unfollow-playlist",
    ],
)
def test_playlist_writes_take_either_modify_scope(catalogue: Catalogue, operation: str) -> None:
    requirement = catalogue.endpoint(operation).requirement
    assert requirement.required == ()
    assert requirement.any_of == (("playlist-modify-public", "playlist-modify-private"),)
    assert requirement.choice is not None


def test_cover_image_upload_needs_ugc_and_a_playlist_scope(catalogue: Catalogue) -> None:
    requirement = catalogue.endpoint("upload-custom-playlist-cover").requirement
    assert requirement.required == ("ugc-image-upload",)
    assert requirement.any_of == (("playlist-modify-public", "playlist-modify-private"),)


def test_required_scopes(catalogue: Catalogue) -> None:
    assert catalogue.endpoint("get-a-users-available-devices").requirement.required == (
        "user-read-playback-state",
    )
    assert catalogue.endpoint("get-users-saved-episodes").requirement.required == (
        "user-library-read",
    )
    assert [
        o.scope for o in catalogue.endpoint("get-users-saved-episodes").requirement.optional
    ] == ["user-read-playback-position"]


def test_endpoints_needing_no_scope_are_in_the_catalogue(catalogue: Catalogue) -> None:
    no_scope = {e.id for e in catalogue.endpoints if e.requirement.needs_no_scope}
    assert {"get-an-album", "get-track", "search", "get-playlist"} <= no_scope
    assert "get-a-users-available-devices" not in no_scope


def test_scope_notes(catalogue: Catalogue) -> None:
    assert ScopeNote.PREMIUM in catalogue.scope("streaming").notes
    assert ScopeNote.SDK_ONLY in catalogue.scope("app-remote-control").notes
    partner = [s.name for s in catalogue.scopes if ScopeNote.PARTNER_ONLY in s.notes]
    assert partner == [s.name for s in catalogue.scopes_in("open-access")]
    assert catalogue.endpoint("start-a-users-playback").premium_only


@pytest.mark.parametrize(
    ("scope", "texts"),
    [
        (
            "streaming",
            (
                "For Spotify's SDKs, not Web API endpoints.",
                "The user needs a Spotify Premium account.",
            ),
        ),
        (
            "user-soa-link",
            (
                "Partner-only (Open Access): for approved partners; its endpoints belong to the "
                "Open Access partner API, not the Web API.",
            ),
        ),
        ("user-personalized", ("Spotify's Scopes page lists no endpoint for this scope.",)),
        ("user-read-email", ()),
    ],
)
def test_scope_notes_in_words(catalogue: Catalogue, scope: str, texts: tuple[str, ...]) -> None:
    """What the scope's details and the CLI say about it, in the catalogue's order."""
    assert catalogue.scope(scope).note_texts == texts


def test_consent_ranks_follow_the_consent_order(catalogue: Catalogue) -> None:
    """Within a chain the narrower consent ranks first; a scope in no chain ranks 0."""
    ranks = {
        name: catalogue.consent_rank(name)
        for name in (
            "user-read-currently-playing",
            "user-read-playback-state",
            "playlist-modify-public",
            "playlist-modify-private",
            "streaming",
        )
    }
    assert ranks == {
        "user-read-currently-playing": 0,
        "user-read-playback-state": 1,
        "playlist-modify-public": 0,
        "playlist-modify-private": 1,
        "streaming": 0,
    }


def test_disagreements_between_page_and_spec_are_recorded(catalogue: Catalogue) -> None:
    disagreeing = {e.id for e in catalogue.endpoints if e.sources_disagree}
    assert disagreeing == {
        "search",
        "get-multiple-shows",
        "get-users-saved-episodes",
        "get-a-list-of-current-users-playlists",
        "check-if-user-follows-playlist",
        "get-the-users-currently-playing-track",
        "get-queue",
    }
    for endpoint_id in disagreeing:
        assert catalogue.endpoint(endpoint_id).requirement_note


def test_documentation_links(catalogue: Catalogue) -> None:
    assert catalogue.endpoint("get-a-users-available-devices").documentation_url == (
        "https://developer.spotify.com/documentation/web-api/reference/get-a-users-available-devices"
    )
    assert catalogue.scope("user-read-playback-state").documentation_url == (
        "https://developer.spotify.com/documentation/web-api/concepts/scopes#user-read-playback-state"
    )


def test_requirement_summary_in_one_line(catalogue: Catalogue) -> None:
    summaries = {
        endpoint_id: catalogue.endpoint(endpoint_id).requirement.summary
        for endpoint_id in ("upload-custom-playlist-cover", "get-current-users-profile", "search")
    }
    assert summaries == {
        "upload-custom-playlist-cover": (
            "needs ugc-image-upload and one of playlist-modify-public, playlist-modify-private"
        ),
        "get-current-users-profile": "needs no scope; optional: user-read-private, user-read-email",
        "search": "needs no scope; optional: user-read-private",
    }


def test_deprecation_mark_names_the_replacement(catalogue: Catalogue) -> None:
    assert catalogue.deprecation_mark(catalogue.endpoint("save-audiobooks-user")) == (
        "deprecated, use PUT /me/library"
    )
    assert catalogue.deprecation_mark(catalogue.endpoint("get-multiple-albums")) == "deprecated"


def test_several_shows_need_no_scope_for_resume_points_they_do_not_contain(
    catalogue: Catalogue,
) -> None:
    shows = catalogue.endpoint("get-multiple-shows")
    assert shows.requirement.needs_no_scope
    assert shows.requirement.optional == ()
    assert shows.requirement_note is not None
    assert "no resume points" in shows.requirement_note


def test_top_artists_and_tracks_link_to_spotifys_own_page(catalogue: Catalogue) -> None:
    for endpoint_id in ("get-users-top-artists", "get-users-top-tracks"):
        assert catalogue.endpoint(endpoint_id).documentation_url == (
            f"{REFERENCE_URL}/get-users-top-artists-and-tracks"
        )


def test_deprecated_twins_have_names_of_their_own(catalogue: Catalogue) -> None:
    names = [e.name for e in catalogue.endpoints]
    assert len(names) == len(set(names))
    old = catalogue.endpoint("get-playlists-tracks")
    assert old.name == "Get Playlist Items (/tracks)"
    assert old.deprecation_note == "Deprecated: use Get Playlist Items instead."


def test_page_scopes_are_listed_once(catalogue: Catalogue) -> None:
    reorder = catalogue.endpoint("reorder-or-replace-playlists-items")
    assert reorder.page_scopes == ("playlist-modify-private", "playlist-modify-public")
    for endpoint in catalogue.endpoints:
        assert len(endpoint.page_scopes) == len(set(endpoint.page_scopes)), endpoint.id


@pytest.mark.parametrize(
    ("endpoint_id", "reason", "source"),
    [
        (
            "get-an-album",
            "The Scopes page does not list it. The spec lists no scope. Scope Picker follows: "
            "needs no scope. One source is silent and the other leaves no doubt.",
            None,
        ),
        (
            "get-users-saved-audiobooks",
            "The Scopes page does not list it. The spec lists user-library-read. Scope Picker "
            "follows: needs user-library-read. One source is silent and the other leaves no doubt.",
            None,
        ),
        (
            "get-users-saved-albums",
            "The Scopes page lists it under user-library-read. The spec lists user-library-read. "
            "Scope Picker follows: needs user-library-read. The sources agree.",
            None,
        ),
        (
            "sdk-ios",
            "The Scopes page lists it under app-remote-control. The spec does not describe it "
            "(not a Web API endpoint). Scope Picker follows: needs app-remote-control. "
            "The sources agree.",
            None,
        ),
        (
            "get-a-list-of-current-users-playlists",
            "The Scopes page lists it under playlist-read-private, playlist-read-collaborative. "
            "The spec lists playlist-read-private. Scope Picker follows: needs no scope; "
            "optional: playlist-read-private, playlist-read-collaborative. The spec lists "
            "playlist-read-private only; the page lists both read scopes. Public playlists come "
            "with no scope; each scope adds a kind of playlist.",
            f"{REFERENCE_URL}/get-a-list-of-current-users-playlists",
        ),
    ],
)
def test_each_endpoint_says_why_it_needs_what_it_needs(
    catalogue: Catalogue, endpoint_id: str, reason: str, source: str | None
) -> None:
    """The reason the window's details show (the CLI's JSON in parts), in each form it takes."""
    found = catalogue.endpoint(endpoint_id).reason
    assert found.text == reason
    assert found.source == source
