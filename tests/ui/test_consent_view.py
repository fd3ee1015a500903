"""The consent preview: Spotify's wording in catalogue order, and nothing made up."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.selection import Selection
from scope_picker.ui.consent.consent_view import (
    CONSENT_HEADING,
    NO_SCOPE_TEXT,
    UNPUBLISHED_TEXT,
    ConsentView,
)
from scope_picker.ui.shared.palette import muted_text_colour
from scope_picker.ui.shared.selection_adapter import SelectionAdapter

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot, adapter: SelectionAdapter) -> ConsentView:
    view = ConsentView(adapter)
    qtbot.addWidget(view)
    return view


def lines(view: ConsentView) -> list[str]:
    return [line.strip() for line in view.toPlainText().splitlines() if line.strip()]


def test_no_scope_explains_what_a_scopeless_token_reads(view: ConsentView) -> None:
    assert lines(view) == [NO_SCOPE_TEXT]
    assert "only public data" in NO_SCOPE_TEXT
    # GET /users/{user_id} is among the endpoints Spotify removed for Development mode.
    assert "profiles are unavailable in Development mode" in NO_SCOPE_TEXT


def test_lists_the_published_wording_in_catalogue_order(
    qtbot: QtBot, view: ConsentView, selection: Selection, adapter: SelectionAdapter
) -> None:
    with qtbot.waitSignal(adapter.changed):
        selection.replace(["user-read-email", "playlist-read-private"])
    assert lines(view) == [
        CONSENT_HEADING,
        "Access your private playlists. (playlist-read-private)",
        "Get your real email address. (user-read-email)",
    ]


def test_scopes_without_wording_say_so_greyed(
    view: ConsentView, selection: Selection, catalogue: Catalogue
) -> None:
    assert catalogue.scope("user-personalized").consent is None
    selection.replace(["user-personalized", "user-read-email"])
    assert lines(view)[1:] == [
        "Get your real email address. (user-read-email)",
        "user-personalized — Spotify publishes no consent wording",
    ]
    unpublished = view.document().find("user-personalized —").charFormat()
    muted = muted_text_colour(view.palette())
    assert unpublished.foreground().color() == muted
    published = view.document().find("Get your real email address.").charFormat()
    assert published.foreground().color() != muted
    # The bullet is drawn in its block's character format: greyed with its line.
    document = view.document()
    assert document.find("user-personalized —").block().charFormat().foreground().color() == muted
    assert document.find("Get your real").block().charFormat().foreground().color() != muted
    selection.clear()
    assert lines(view) == [NO_SCOPE_TEXT]


def test_edits_in_place_leave_the_document_as_a_fresh_render_would(
    view: ConsentView, selection: Selection, catalogue: Catalogue
) -> None:
    """Lines come and go by editing the document; it must not drift from the HTML's own look."""
    picks = random.Random(7)
    for step in range(200):
        if step % 10 == 9:  # a preset or a pasted string replaces the selection
            selection.replace(picks.sample(catalogue.scope_names, picks.randrange(4)))
        else:
            selection.toggle(picks.choice(catalogue.scope_names))
        fresh = QTextDocument()
        fresh.setDefaultFont(view.document().defaultFont())
        fresh.setHtml(view._html())
        assert view.document().toHtml() == fresh.toHtml()
        expected = [
            f"{line.scope.name} — {UNPUBLISHED_TEXT}"
            if line.text is None
            else f"{line.text} ({line.scope.name})"
            for line in selection.coverage.consent
        ]
        assert lines(view) == ([CONSENT_HEADING, *expected] if expected else [NO_SCOPE_TEXT])
