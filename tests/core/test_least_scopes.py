"""The least scopes for a set of endpoints, checked by hand."""

import json
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.catalogue import (
    DEFAULT_LIBRARY_ITEMS,
    AppMode,
    Catalogue,
    LibraryItem,
    load_catalogue,
)
from scope_picker.core.coverage import cover
from scope_picker.core.least_scopes import least_scopes
from scope_picker.core.resources import CATALOGUE_FILE, resource

CATALOGUE = load_catalogue()  # hypothesis draws from it before any fixture runs
WITH_CHOICES = [e for e in CATALOGUE.endpoints if e.requirement.any_of]
GROUPS = sorted({frozenset(g) for e in WITH_CHOICES for g in e.requirement.any_of}, key=sorted)


def test_no_endpoints_need_no_scopes(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, [])
    assert result.scopes == ()
    assert result.choices == ()


def test_public_endpoint_needs_nothing_but_reports_optional_extras(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["get-current-users-profile"])
    assert result.scopes == ()
    assert set(result.optional) == {"user-read-private", "user-read-email"}


def test_required_scopes_with_reasons(catalogue: Catalogue) -> None:
    result = least_scopes(
        catalogue, ["get-a-users-available-devices", "pause-a-users-playback", "get-queue"]
    )
    assert result.scopes == (
        "user-read-playback-state",
        "user-modify-playback-state",
        "user-read-currently-playing",
    )
    assert result.needed_by("user-read-playback-state") == (
        "needed by: Get Available Devices, Get the User's Queue"
    )


def test_playlist_write_is_a_reported_choice(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["add-items-to-playlist", "remove-items-playlist"])
    assert len(result.scopes) == 1
    [choice] = result.choices
    assert choice.options == ("playlist-modify-private", "playlist-modify-public")
    assert choice.chosen == result.scopes[0]
    assert choice.note is not None
    assert "public" in choice.note
    assert [e.id for e in choice.endpoints] == ["add-items-to-playlist", "remove-items-playlist"]


def test_preference_settles_the_choice(catalogue: Catalogue) -> None:
    group = frozenset({"playlist-modify-private", "playlist-modify-public"})
    result = least_scopes(
        catalogue, ["add-items-to-playlist"], preferences={group: "playlist-modify-public"}
    )
    assert result.scopes == ("playlist-modify-public",)
    assert result.choices[0].chosen == "playlist-modify-public"


def test_each_choice_keeps_its_own_preference(catalogue: Catalogue) -> None:
    """Artists saved to the library need user-follow-modify; the playlist choice keeps the
    user's playlist-modify-public, which the library endpoint also lists (this once raised
    KeyError: found by the window's state machine test)."""
    playlist = frozenset({"playlist-modify-public", "playlist-modify-private"})
    result = least_scopes(
        catalogue,
        ["save-library-items", "create-playlist"],
        preferences={playlist: "playlist-modify-public"},
        library_items={LibraryItem.ARTISTS},
    )
    assert result.scopes == ("playlist-modify-public", "user-follow-modify")
    assert {choice.options: choice.chosen for choice in result.choices} == {
        catalogue.in_scope_order(playlist): "playlist-modify-public",
    }
    assert result.needed_by("user-follow-modify") == "needed by: Save Items to Library"


def test_library_items_decide_the_library_scopes_not_page_order(catalogue: Catalogue) -> None:
    """The library endpoint's three scopes are not alternatives for one item: a track needs
    user-library-modify even where playlist-modify-public (first on the page) is in anyway.
    This once answered playlist-modify-public alone."""
    result = least_scopes(catalogue, ["save-library-items", "add-items-to-playlist"])
    assert result.scopes == ("playlist-modify-public", "user-library-modify")
    assert result.needed_by("user-library-modify") == "needed by: Save Items to Library"
    [choice] = result.choices
    assert [e.id for e in choice.endpoints] == ["add-items-to-playlist"]


def test_each_library_item_kind_adds_its_own_scope(catalogue: Catalogue) -> None:
    result = least_scopes(
        catalogue,
        ["save-library-items", "check-library-contains"],
        library_items={LibraryItem.ALBUMS, LibraryItem.USERS, LibraryItem.PLAYLISTS},
    )
    assert result.scopes == (
        "playlist-read-private",
        "playlist-modify-public",
        "user-follow-modify",
        "user-follow-read",
        "user-library-modify",
        "user-library-read",
    )
    assert result.choices == ()


def test_like_button_on_the_library_endpoints(catalogue: Catalogue) -> None:
    """Issue 16: this answered playlist-read-private playlist-modify-public."""
    result = least_scopes(catalogue, ["save-library-items", "check-library-contains"])
    assert result.scopes == ("user-library-modify", "user-library-read")


def test_playlist_generator_asks_for_public_playlists(catalogue: Catalogue) -> None:
    """Issue 16: this answered playlist-modify-private, page order."""
    result = least_scopes(catalogue, ["create-playlist", "add-items-to-playlist"])
    assert result.scopes == ("playlist-modify-public",)


def test_now_playing_with_skip_asks_for_the_narrower_read(catalogue: Catalogue) -> None:
    """Issue 16: this answered user-read-playback-state, page order."""
    result = least_scopes(
        catalogue,
        ["get-the-users-currently-playing-track", "skip-users-playback-to-next-track"],
    )
    assert result.scopes == ("user-modify-playback-state", "user-read-currently-playing")


def test_a_shared_choice_shows_every_endpoints_note(catalogue: Catalogue) -> None:
    """Create Playlist's note (public by default) must show beside Add Items' own note."""
    result = least_scopes(catalogue, ["add-items-to-playlist", "create-playlist"])
    [choice] = result.choices
    create = catalogue.endpoint("create-playlist").requirement.choice
    add = catalogue.endpoint("add-items-to-playlist").requirement.choice
    assert create is not None
    assert add is not None
    assert create != add
    assert [(e.id, text) for e, text in choice.notes] == [
        ("add-items-to-playlist", add),
        ("create-playlist", create),
    ]
    assert choice.note == f"Add Items to Playlist: {add}; Create Playlist: {create}"


def test_a_preference_that_is_not_one_of_the_options_is_ignored(catalogue: Catalogue) -> None:
    """The playlist choice never reports a scope outside its options as chosen, even one
    another choice puts in anyway."""
    playlist = frozenset({"playlist-modify-public", "playlist-modify-private"})
    result = least_scopes(
        catalogue,
        ["add-items-to-playlist", "get-the-users-currently-playing-track"],
        preferences={playlist: "user-read-currently-playing"},
    )
    assert result.scopes == ("user-read-currently-playing", "playlist-modify-public")
    assert {choice.options: choice.chosen for choice in result.choices} == {
        ("user-read-playback-state", "user-read-currently-playing"): "user-read-currently-playing",
        ("playlist-modify-private", "playlist-modify-public"): "playlist-modify-public",
    }


def test_a_library_endpoint_still_reports_its_other_choices() -> None:
    """The kinds of library item settle only the choice ``by_item`` maps; a library endpoint
    with another either-or (none in the shipped catalogue yet) must still report it."""
    data = json.loads(resource(CATALOGUE_FILE).read_text(encoding="utf-8"))
    save = next(e for e in data["endpoints"] if e["id"] == "save-library-items")
    save["requirement"]["any_of"].append(
        ["user-read-currently-playing", "user-read-playback-state"]
    )
    result = least_scopes(load_catalogue(json.dumps(data)), ["save-library-items"])
    assert result.scopes == ("user-read-currently-playing", "user-library-modify")
    [choice] = result.choices
    assert choice.options == ("user-read-playback-state", "user-read-currently-playing")
    assert choice.chosen == "user-read-currently-playing"


def test_endpoints_sharing_one_note_show_it_once(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["add-items-to-playlist", "remove-items-playlist"])
    [choice] = result.choices
    assert choice.note == catalogue.endpoint("add-items-to-playlist").requirement.choice


def test_a_scope_needed_anyway_lists_the_endpoint_whose_choice_it_settles(
    catalogue: Catalogue,
) -> None:
    result = least_scopes(
        catalogue,
        [
            "get-information-about-the-users-current-playback",
            "get-the-users-currently-playing-track",
        ],
    )
    assert result.scopes == ("user-read-playback-state",)
    assert result.needed_by("user-read-playback-state") == (
        "needed by: Get Playback State, Get Currently Playing Track"
    )
    [choice] = result.choices
    assert choice.chosen is None
    assert result.settled_by(choice) == ("user-read-playback-state",)


def test_choice_already_settled_by_a_required_scope(catalogue: Catalogue) -> None:
    # The queue needs user-read-playback-state anyway, which also serves the currently
    # playing track's either-or.
    result = least_scopes(catalogue, ["get-queue", "get-the-users-currently-playing-track"])
    assert result.scopes == ("user-read-playback-state", "user-read-currently-playing")
    [choice] = result.choices
    assert choice.chosen is None  # settled by a scope needed anyway


CASES = [
    (["upload-custom-playlist-cover"], DEFAULT_LIBRARY_ITEMS),
    (["get-users-saved-episodes", "get-an-episode"], DEFAULT_LIBRARY_ITEMS),
    (["check-library-contains", "get-followed", "get-users-saved-tracks"], DEFAULT_LIBRARY_ITEMS),
    (["save-library-items", "create-playlist"], frozenset({LibraryItem.PLAYLISTS})),
    (
        ["get-the-users-currently-playing-track", "start-a-users-playback", "get-queue"],
        DEFAULT_LIBRARY_ITEMS,
    ),
]


@pytest.mark.parametrize(("endpoint_ids", "items"), CASES)
def test_result_covers_everything_and_nothing_smaller_does(
    catalogue: Catalogue, endpoint_ids: list[str], items: frozenset[LibraryItem]
) -> None:
    result = least_scopes(catalogue, endpoint_ids, library_items=items)
    coverage = {e.endpoint.id: e for e in cover(catalogue, result.scopes).endpoints}
    for endpoint_id in endpoint_ids:
        endpoint = catalogue.endpoint(endpoint_id)
        if not endpoint.requirement.needs_no_scope:
            assert coverage[endpoint_id].callable
    candidates = [s.name for s in catalogue.scopes]
    for smaller in combinations(candidates, len(result.scopes) - 1):
        smaller_coverage = {e.endpoint.id: e for e in cover(catalogue, smaller).endpoints}
        assert not all(
            catalogue.endpoint(i).requirement.needs_no_scope
            or (i in smaller_coverage and smaller_coverage[i].callable)
            for i in endpoint_ids
        ), smaller


def test_a_choice_settled_by_a_required_scope_names_it(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["upload-custom-playlist-cover"])
    [choice] = result.choices
    assert result.settled_by(choice) == ()  # chosen, not settled
    settled = least_scopes(catalogue, ["get-queue", "get-the-users-currently-playing-track"])
    assert [c.chosen for c in settled.choices] == [None]
    assert settled.settled_by(settled.choices[0]) == (
        "user-read-playback-state",
        "user-read-currently-playing",
    )


def test_adds_says_what_a_left_out_optional_scope_unlocks(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["get-current-users-profile", "search"], mode=AppMode.EXTENDED)
    assert [(e.id, unlocks) for e, unlocks in result.adds("user-read-private")] == [
        ("search", "market=from_token, which uses the user's country"),
        (
            "get-current-users-profile",
            "the country, subscription level (product) and explicit-content settings",
        ),
    ]
    assert result.adds("streaming") == ()


@given(
    picked=st.lists(st.sampled_from([e.id for e in WITH_CHOICES]), min_size=1, max_size=4),
    preferences=st.fixed_dictionaries(
        {},
        optional={group: st.sampled_from(sorted(group)) for group in GROUPS},
    ),
)
def test_every_preference_of_an_open_choice_is_kept_and_explained(
    picked: list[str], preferences: dict[frozenset[str], str]
) -> None:
    result = least_scopes(CATALOGUE, picked, preferences)
    assert set(result.reasons) == set(result.scopes)
    assert all(result.reasons[name] for name in result.scopes)
    for choice in result.choices:
        preferred = preferences.get(frozenset(choice.options))
        if choice.chosen is not None and preferred is not None:
            assert choice.chosen == preferred


def test_development_mode_leaves_out_removed_endpoints_and_flags_them(
    catalogue: Catalogue,
) -> None:
    picked = ["save-tracks-user", "get-users-saved-tracks"]
    extended = least_scopes(catalogue, picked, mode=AppMode.EXTENDED)
    assert extended.scopes == ("user-library-modify", "user-library-read")
    assert extended.unavailable == ()
    development = least_scopes(catalogue, picked)
    assert development.mode is AppMode.DEVELOPMENT
    assert development.scopes == ("user-library-read",)
    [(endpoint, removed)] = development.unavailable
    assert endpoint.id == "save-tracks-user"
    assert removed.since == "2026-02-11"
    assert removed.use_instead == "save-library-items"
    assert removed.source == catalogue.development_mode.guide_url


def test_development_mode_says_an_optional_scope_lost_its_only_gain(
    catalogue: Catalogue,
) -> None:
    result = least_scopes(catalogue, ["get-current-users-profile", "search"])
    assert [(e.id, unlocks) for e, unlocks in result.adds("user-read-email")] == [
        (
            "get-current-users-profile",
            "nothing in Development mode: Spotify no longer returns the email address",
        )
    ]
    # Search's use of the country is not among the removed fields.
    assert result.adds("user-read-private")[0] == (
        catalogue.endpoint("search"),
        "market=from_token, which uses the user's country",
    )


def test_development_mode_names_the_playlist_items_ownership_rule(catalogue: Catalogue) -> None:
    result = least_scopes(catalogue, ["get-playlists-items"])
    [(endpoint, rule)] = result.rules
    assert endpoint.id == "get-playlists-items"
    assert "owns or collaborates on" in rule.text
    assert least_scopes(catalogue, ["get-playlists-items"], mode=AppMode.EXTENDED).rules == ()


def test_the_modes_are_named_as_spotifys_dashboard_names_them() -> None:
    """The window's mode switch and the CLI's JSON ``title`` show these names."""
    assert [mode.display_name for mode in AppMode] == ["Development mode", "Extended quota mode"]
