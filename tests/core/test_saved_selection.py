"""Saved selections come back as known scopes; anything else is named, never raised."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.catalogue import load_catalogue
from scope_picker.core.saved_selection import RestoredScopes, restore_scopes, saved_value

CATALOGUE = load_catalogue()


def test_saved_value_round_trips() -> None:
    scopes = ("user-read-private", "user-read-email")
    restored = restore_scopes(CATALOGUE, saved_value(CATALOGUE.in_scope_order(scopes)))
    assert restored == RestoredScopes(CATALOGUE.in_scope_order(scopes))


def test_nothing_saved_restores_nothing_and_says_nothing() -> None:
    assert restore_scopes(CATALOGUE, None) == RestoredScopes(())
    assert restore_scopes(CATALOGUE, "") == RestoredScopes(())


def test_unknown_names_are_dropped_and_named() -> None:
    restored = restore_scopes(CATALOGUE, "user-read-email no-such-scope user-read-birthdate")
    assert restored.scopes == ("user-read-email",)
    assert restored.ignored == "unknown saved scopes 'no-such-scope', 'user-read-birthdate'"


def test_many_unknown_names_are_counted_not_listed() -> None:
    restored = restore_scopes(CATALOGUE, "a b c d e a")
    assert restored.scopes == ()
    assert restored.ignored == "unknown saved scopes 'a', 'b', 'c', 2 more"


def test_garbage_is_shortened_and_made_printable() -> None:
    restored = restore_scopes(CATALOGUE, "\x00\x1b" + "x" * 100)
    assert restored.ignored == "unknown saved scope '??" + "x" * 37 + "…'"


@pytest.mark.parametrize(
    ("stored", "type_name"),
    [(42, "int"), (["user-read-email"], "list"), (b"user-read-email", "bytes"), (True, "bool")],
)
def test_wrong_types_are_ignored_by_name(stored: object, type_name: str) -> None:
    assert restore_scopes(CATALOGUE, stored) == RestoredScopes(
        (), f"the saved scopes ({type_name}, not text)"
    )


@given(st.text())
def test_any_text_restores_only_known_scopes(text: str) -> None:
    restored = restore_scopes(CATALOGUE, text)
    assert all(CATALOGUE.has_scope(name) for name in restored.scopes)
    assert restored.scopes == CATALOGUE.in_scope_order(restored.scopes)
    assert (restored.ignored is None) == all(CATALOGUE.has_scope(n) for n in text.split())
