"""Search keys and patterns: every word found, in any order, whatever the case or apostrophe."""

import re
from dataclasses import replace

import pytest

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.search import (
    endpoint_search_key,
    normalise,
    scope_search_key,
    search_key,
    search_pattern,
)


def found(query: str, key: str) -> bool:
    return re.match(search_pattern(query), key) is not None


def test_normalise_straightens_apostrophes_and_spacing() -> None:
    assert normalise("  the user\u2019s   `saved`\u2018 \n tracks ") == "the user's 'saved'' tracks"


def test_search_key_folds_case_and_skips_missing_parts() -> None:
    assert search_key("Get User\u2019s Profile", None, "", "GET /me") == (
        "get user's profile\nget /me"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", True),
        ("   ", True),
        ("PLAYBACK", True),
        ("user's", True),
        ("user\u2019s", True),
        ("control user's", True),
        ("user's control", True),
        ("play", True),
        ("/me/player", True),
        ("playback email", False),
        ("users", False),
    ],
)
def test_every_word_must_appear_somewhere(query: str, expected: bool) -> None:
    key = search_key("user-modify-playback-state", "Control the user\u2019s playback", "/me/player")
    assert found(query, key) is expected


def test_a_word_may_match_on_another_line_than_the_next() -> None:
    assert found("state control", search_key("user-modify-playback-state", "Control playback"))


def test_regex_characters_in_a_query_are_literal() -> None:
    assert found("{playlist_id}", search_key("PUT /playlists/{playlist_id}"))
    assert not found(".*", search_key("anything"))
    assert found("a+b (c)", search_key("a+b (c)"))


def test_the_pattern_is_anchored_so_a_miss_costs_one_scan() -> None:
    assert search_pattern("x").startswith("\\A")
    assert search_pattern("") == ""


def test_scopes_are_found_by_consent_wording_notes_category_and_endpoint_path(
    catalogue: Catalogue,
) -> None:
    def scopes_found(query: str) -> set[str]:
        return {s.name for s in catalogue.scopes if found(query, scope_search_key(catalogue, s))}

    assert "user-read-playback-state" in scopes_found("Spotify Connect")
    assert "user-modify-playback-state" in scopes_found("/me/player/pause")
    assert scopes_found("premium") >= {"streaming"}
    assert scopes_found("partner-only") == {
        s.name for s in catalogue.scopes if "partner-only" in s.notes
    }
    # Spotify's descriptions use typographic apostrophes: "Read access to user’s email address."
    assert "\u2019" in catalogue.scope("user-read-email").description
    assert scopes_found("USER'S EMAIL") == {"user-read-email"}
    assert scopes_found("Get your real email address") == {"user-read-email"}  # consent
    assert scopes_found("no-such-word") == set()


def test_scopes_are_found_by_their_endpoints_names(catalogue: Catalogue) -> None:
    def scopes_found(query: str) -> set[str]:
        return {s.name for s in catalogue.scopes if found(query, scope_search_key(catalogue, s))}

    # "Skip To Next" and "Skip To Previous" need user-modify-playback-state, and only it.
    assert scopes_found("skip") == {"user-modify-playback-state"}
    assert "user-read-currently-playing" in scopes_found("get currently playing track")


def test_endpoints_are_found_by_name_path_id_scope_and_deprecation(catalogue: Catalogue) -> None:
    def endpoints_found(query: str) -> set[str]:
        return {e.id for e in catalogue.endpoints if found(query, endpoint_search_key(e))}

    assert endpoints_found("get the user's queue") == {"get-queue"}
    assert endpoints_found("get the user\u2019s queue") == {"get-queue"}
    assert endpoints_found("POST /playlists/{playlist_id}/items") == {"add-items-to-playlist"}
    assert "get-a-users-available-devices" in endpoints_found("get-a-users-available-devices")
    assert "add-items-to-playlist" in endpoints_found("playlist-modify-public")
    deprecated = {e.id for e in catalogue.endpoints if e.deprecated}
    assert endpoints_found("deprecated") == deprecated


def test_a_deprecated_endpoint_is_found_by_the_word_whatever_its_note_says(
    catalogue: Catalogue,
) -> None:
    several_albums = catalogue.endpoint("get-multiple-albums")
    assert several_albums.deprecated
    quiet_note = replace(several_albums, deprecation_note="Spotify restricts it for new apps.")
    key = endpoint_search_key(quiet_note)
    assert key.split("\n")[-2:] == ["deprecated", "spotify restricts it for new apps."]
    assert found("deprecated", key)
