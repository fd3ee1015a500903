"""The endpoint plan: picks, preferences and wanted optional scopes add up to the scopes."""

import re

import pytest

from scope_picker.core.catalogue import AppMode, Catalogue, LibraryItem
from scope_picker.core.endpoint_plan import NOT_NEEDED, EndpointPlan, ScopeRole

PLAYLIST_WRITE = ("playlist-modify-private", "playlist-modify-public")


@pytest.fixture
def plan(catalogue: Catalogue) -> EndpointPlan:
    return EndpointPlan(catalogue)


def test_an_empty_plan_needs_nothing_and_judges_nothing(plan: EndpointPlan) -> None:
    assert plan.picked == ()
    assert plan.scopes == ()
    assert plan.role("user-read-email") is None
    assert plan.explain("user-read-email") is None
    assert plan.unneeded(["user-read-email"]) == ()


def test_picking_gives_the_least_scopes_with_reasons(plan: EndpointPlan) -> None:
    plan.set_picked(["get-queue", "get-a-users-available-devices"], True)
    assert [e.id for e in plan.picked] == ["get-a-users-available-devices", "get-queue"]
    assert plan.is_picked("get-queue")
    assert not plan.is_picked("get-the-users-currently-playing-track")
    assert plan.scopes == ("user-read-playback-state", "user-read-currently-playing")
    assert plan.explain("user-read-playback-state") == (
        "needed by: Get Available Devices, Get the User's Queue"
    )
    assert plan.role("user-read-currently-playing") is ScopeRole.NEEDED
    plan.set_picked(["get-queue"], False)
    assert not plan.is_picked("get-queue")
    assert plan.scopes == ("user-read-playback-state",)
    plan.clear()
    assert plan.picked == ()
    assert plan.scopes == ()


def test_unknown_endpoints_are_refused_without_changing_the_picks(plan: EndpointPlan) -> None:
    plan.set_picked(["get-queue"], True)
    with pytest.raises(KeyError):
        plan.set_picked(["get-queue", "no-such-endpoint"], False)
    assert [e.id for e in plan.picked] == ["get-queue"]


def test_a_preference_switches_the_choice_and_outlives_the_pick(plan: EndpointPlan) -> None:
    plan.set_picked(["add-items-to-playlist"], True)
    [choice] = plan.result.choices
    assert choice.options == PLAYLIST_WRITE
    assert plan.scopes == ("playlist-modify-public",)
    assert plan.role("playlist-modify-private") is ScopeRole.ALTERNATIVE
    assert plan.explain("playlist-modify-private") == (
        "an alternative, not chosen, for: Add Items to Playlist"
    )

    plan.prefer(choice.options, "playlist-modify-private")
    assert plan.scopes == ("playlist-modify-private",)
    assert plan.result.choices[0].chosen == "playlist-modify-private"
    assert plan.role("playlist-modify-public") is ScopeRole.ALTERNATIVE

    plan.clear()
    plan.set_picked(["remove-items-playlist"], True)
    assert plan.scopes == ("playlist-modify-private",)


def test_a_preference_must_be_one_of_the_options(plan: EndpointPlan) -> None:
    message = "'streaming' is not one of playlist-modify-private, playlist-modify-public"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        plan.prefer(reversed(PLAYLIST_WRITE), "streaming")
    assert plan.preferences == {}


def test_optional_scopes_are_offered_and_only_added_when_wanted(plan: EndpointPlan) -> None:
    plan.set_picked(["get-current-users-profile"], True)
    assert plan.scopes == ()
    assert plan.role("user-read-email") is ScopeRole.OPTIONAL
    assert plan.explain("user-read-email") == (
        "optional for: Get Current User's Profile (nothing in Development mode: Spotify no "
        "longer returns the email address)"
    )
    plan.want_optional("user-read-email", True)
    assert plan.wants_optional("user-read-email")
    assert plan.scopes == ("user-read-email",)
    plan.want_optional("user-read-email", False)
    assert plan.scopes == ()


def test_a_wanted_optional_scope_is_forgotten_when_no_pick_offers_it(plan: EndpointPlan) -> None:
    plan.set_picked(["get-current-users-profile"], True)
    plan.want_optional("user-read-email", True)
    plan.set_picked(["get-current-users-profile"], False)
    assert plan.scopes == ()
    plan.set_picked(["get-current-users-profile"], True)
    assert plan.scopes == ()
    assert not plan.wants_optional("user-read-email")


def test_only_offered_optional_scopes_can_be_wanted(plan: EndpointPlan) -> None:
    with pytest.raises(ValueError, match="no picked endpoint offers 'user-read-email'"):
        plan.want_optional("user-read-email", True)
    plan.want_optional("user-read-email", False)  # dropping what was never wanted is harmless


def test_a_scope_chosen_for_one_pick_is_needed_not_offered_for_another(
    plan: EndpointPlan,
) -> None:
    # Get Current User's Playlists can use playlist-read-private for private playlists;
    # Check User's Saved Items needs it for playlists.
    plan.set_picked(["get-a-list-of-current-users-playlists"], True)
    assert plan.role("playlist-read-private") is ScopeRole.OPTIONAL
    plan.set_picked(["check-library-contains"], True)
    plan.set_library_items({LibraryItem.PLAYLISTS})
    assert plan.scopes == ("playlist-read-private",)
    assert plan.role("playlist-read-private") is ScopeRole.NEEDED
    assert "playlist-read-private" not in plan.result.optional
    plan.set_library_items({LibraryItem.TRACKS})
    assert plan.scopes == ("user-library-read",)
    assert plan.role("playlist-read-private") is ScopeRole.OPTIONAL


def test_selected_scopes_no_pick_mentions_are_unneeded(plan: EndpointPlan) -> None:
    plan.set_picked(["add-items-to-playlist", "get-current-users-profile"], True)
    selected = [
        "user-top-read",
        "playlist-modify-public",
        "playlist-modify-private",
        "user-read-email",
        "streaming",
    ]
    assert plan.unneeded(selected) == ("streaming", "user-top-read")
    assert plan.explain("user-top-read") == NOT_NEEDED == "not needed by any picked endpoint"
    assert plan.role("streaming") is ScopeRole.UNRELATED


def test_library_items_must_name_at_least_one_kind(plan: EndpointPlan) -> None:
    with pytest.raises(ValueError, match=r"^choose at least one kind of library item$"):
        plan.set_library_items(())
    assert plan.library_items == {LibraryItem.TRACKS}


def test_every_endpoint_an_explanation_concerns_is_named(plan: EndpointPlan) -> None:
    plan.set_picked(["add-items-to-playlist", "remove-items-playlist"], True)
    assert plan.explain("playlist-modify-private") == (
        "an alternative, not chosen, for: Add Items to Playlist, Remove Playlist Items"
    )
    plan.clear()
    plan.set_picked(["get-current-users-profile", "search"], True)
    assert plan.explain("user-read-private") == (
        "optional for: Search for Item (market=from_token, which uses the user's country); "
        "Get Current User's Profile (nothing in Development mode: Spotify no longer returns "
        "the country, subscription level (product) and explicit-content settings)"
    )


def test_the_mode_decides_what_a_removed_endpoint_needs(plan: EndpointPlan) -> None:
    plan.set_picked(["save-tracks-user"], True)
    assert plan.mode is AppMode.DEVELOPMENT
    assert plan.scopes == ()
    plan.set_mode(AppMode.EXTENDED)
    assert plan.mode is AppMode.EXTENDED
    assert plan.result.mode is AppMode.EXTENDED
    assert plan.scopes == ("user-library-modify",)
    assert plan.explain("user-library-modify") == "needed by: Save Tracks for Current User"
