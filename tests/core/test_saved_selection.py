"""Saved selections and picks come back as far as the catalogue allows; the rest is named,
never raised."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.saved_selection import (
    CHOICES,
    OPTIONAL,
    PICKED,
    RestoredScopes,
    restore_plan,
    restore_scopes,
    saved_plan,
    saved_value,
)


def test_saved_value_round_trips(catalogue: Catalogue) -> None:
    scopes = ("user-read-private", "user-read-email")
    restored = restore_scopes(catalogue, saved_value(catalogue.in_scope_order(scopes)))
    assert restored == RestoredScopes(catalogue.in_scope_order(scopes))


def test_nothing_saved_restores_nothing_and_says_nothing(catalogue: Catalogue) -> None:
    assert restore_scopes(catalogue, None) == RestoredScopes(())
    assert restore_scopes(catalogue, "") == RestoredScopes(())


def test_unknown_names_are_dropped_and_named(catalogue: Catalogue) -> None:
    restored = restore_scopes(catalogue, "user-read-email no-such-scope user-read-birthdate")
    assert restored.scopes == ("user-read-email",)
    assert restored.ignored == "unknown saved scopes 'no-such-scope', 'user-read-birthdate'"


@pytest.mark.parametrize(
    ("stored", "ignored"),
    [
        ("a b c", "unknown saved scopes 'a', 'b', 'c'"),
        ("a b c d", "unknown saved scopes 'a', 'b', 'c', 1 more"),
        ("a b c d e a", "unknown saved scopes 'a', 'b', 'c', 2 more"),
    ],
)
def test_many_unknown_names_are_counted_not_listed(
    catalogue: Catalogue, stored: str, ignored: str
) -> None:
    restored = restore_scopes(catalogue, stored)
    assert restored.scopes == ()
    assert restored.ignored == ignored


def test_garbage_is_shortened_and_made_printable(catalogue: Catalogue) -> None:
    restored = restore_scopes(catalogue, "\x00\x1b" + "x" * 100)
    assert restored.ignored == "unknown saved scope '??" + "x" * 37 + "…'"


def test_a_name_of_forty_characters_is_quoted_whole(catalogue: Catalogue) -> None:
    restored = restore_scopes(catalogue, "x" * 40)
    assert restored.ignored == "unknown saved scope '" + "x" * 40 + "'"


@pytest.mark.parametrize(
    ("stored", "type_name"),
    [(42, "int"), (["user-read-email"], "list"), (b"user-read-email", "bytes"), (True, "bool")],
)
def test_wrong_types_are_ignored_by_name(
    catalogue: Catalogue, stored: object, type_name: str
) -> None:
    assert restore_scopes(catalogue, stored) == RestoredScopes(
        (), f"the saved scopes ({type_name}, not text)"
    )


@given(st.text())
def test_any_text_restores_only_known_scopes(catalogue: Catalogue, text: str) -> None:
    restored = restore_scopes(catalogue, text)
    assert all(catalogue.has_scope(name) for name in restored.scopes)
    assert restored.scopes == catalogue.in_scope_order(restored.scopes)
    assert (restored.ignored is None) == all(catalogue.has_scope(n) for n in text.split())


def picked_plan(catalogue: Catalogue) -> EndpointPlan:
    """Picks with a choice made and an optional scope wanted, as a user leaves them."""
    plan = EndpointPlan(catalogue)
    plan.set_picked(["add-items-to-playlist", "get-a-list-of-current-users-playlists"], True)
    plan.prefer(("playlist-modify-private", "playlist-modify-public"), "playlist-modify-public")
    [optional, *_] = plan.result.optional
    plan.want_optional(optional, True)
    return plan


def test_saved_picks_round_trip_without_touching_the_ticks(catalogue: Catalogue) -> None:
    plan = picked_plan(catalogue)
    saved = saved_plan(plan)
    assert saved[CHOICES] == "playlist-modify-private+playlist-modify-public=playlist-modify-public"
    restored = EndpointPlan(catalogue)
    assert restore_plan(restored, saved) is None
    assert restored.picked == plan.picked
    assert restored.preferences == plan.preferences
    assert restored.wanted_optional == plan.wanted_optional
    assert restored.scopes == plan.scopes


def test_picks_are_saved_as_space_separated_texts_under_the_names_settings_hold(
    catalogue: Catalogue,
) -> None:
    """Settings saved by earlier versions hold these names: renaming one loses the picks."""
    plan = EndpointPlan(catalogue)
    plan.set_picked(
        [
            "add-items-to-playlist",
            "get-the-users-currently-playing-track",
            "get-current-users-profile",
        ],
        True,
    )
    plan.prefer(("playlist-modify-public", "playlist-modify-private"), "playlist-modify-private")
    plan.prefer(
        ("user-read-currently-playing", "user-read-playback-state"), "user-read-playback-state"
    )
    plan.want_optional("user-read-private", True)
    plan.want_optional("user-read-email", True)
    assert saved_plan(plan) == {
        "endpoints": (
            "get-the-users-currently-playing-track add-items-to-playlist get-current-users-profile"
        ),
        "choices": (
            "playlist-modify-private+playlist-modify-public=playlist-modify-private "
            "user-read-playback-state+user-read-currently-playing=user-read-playback-state"
        ),
        "optional": "user-read-email user-read-private",
    }
    restored = EndpointPlan(catalogue)
    assert restore_plan(restored, saved_plan(plan)) is None
    assert restored.preferences == plan.preferences
    assert restored.wanted_optional == plan.wanted_optional


def test_nothing_saved_restores_no_picks(catalogue: Catalogue) -> None:
    plan = EndpointPlan(catalogue)
    assert restore_plan(plan, {}) is None
    assert restore_plan(plan, saved_plan(plan)) is None
    assert plan.picked == ()


def test_saved_picks_the_catalogue_no_longer_allows_are_dropped_and_named(
    catalogue: Catalogue,
) -> None:
    plan = EndpointPlan(catalogue)
    ignored = restore_plan(
        plan,
        {
            PICKED: "get-queue no-such-endpoint get-queue",
            CHOICES: (
                "streaming=streaming user-read-email+nope=nope a=b=c "
                "user-read-email+streaming=user-top-read"  # preferring neither option
            ),
            OPTIONAL: "user-read-email",
        },
    )
    assert [endpoint.id for endpoint in plan.picked] == ["get-queue"]
    assert plan.preferences == {}
    assert plan.wanted_optional == frozenset()
    assert ignored == (
        "unknown saved endpoint 'no-such-endpoint'; "
        "saved choices 'streaming=streaming', 'user-read-email+nope=nope', 'a=b=c', 1 more; "
        "saved optional scope 'user-read-email'"
    )


@pytest.mark.parametrize(
    ("key", "ignored"),
    [
        (PICKED, "the saved picked endpoints (list, not text)"),
        (CHOICES, "the saved picked choices (list, not text)"),
        (OPTIONAL, "the saved picked optional scopes (list, not text)"),
    ],
)
def test_saved_picks_of_the_wrong_type_are_ignored_by_name(
    catalogue: Catalogue, key: str, ignored: str
) -> None:
    plan = EndpointPlan(catalogue)
    assert restore_plan(plan, {PICKED: "get-queue", key: ["get-queue"]}) == ignored
    assert plan.picked == ()


@given(
    st.dictionaries(
        st.sampled_from([PICKED, CHOICES, OPTIONAL]),
        st.one_of(st.text(), st.integers(), st.none()),
    )
)
def test_any_saved_picks_restore_without_raising(
    catalogue: Catalogue, stored: dict[str, object]
) -> None:
    plan = EndpointPlan(catalogue)
    ignored = restore_plan(plan, stored)
    assert ignored is None or ignored.strip()
    assert all(catalogue.has_endpoint(endpoint.id) for endpoint in plan.picked)
