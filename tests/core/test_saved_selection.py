"""Saved selections come back as known scopes; anything else is named, never raised."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.saved_selection import RestoredScopes, restore_scopes, saved_value


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


def test_many_unknown_names_are_counted_not_listed(catalogue: Catalogue) -> None:
    restored = restore_scopes(catalogue, "a b c d e a")
    assert restored.scopes == ()
    assert restored.ignored == "unknown saved scopes 'a', 'b', 'c', 2 more"


def test_garbage_is_shortened_and_made_printable(catalogue: Catalogue) -> None:
    restored = restore_scopes(catalogue, "\x00\x1b" + "x" * 100)
    assert restored.ignored == "unknown saved scope '??" + "x" * 37 + "…'"


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
