"""The window's app mode (View > App Mode) and the picker's library item choice, driven on the
real window: what changes, what is remembered, what the picker says."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import AppMode, Catalogue
from scope_picker.core.selection import Selection
from scope_picker.ui.picker.endpoint_picker import EndpointPicker
from scope_picker.ui.window.main_window import MainWindow
from scope_picker.ui.window.window_settings import (
    APP_MODE_KEY,
    restore_window_settings,
    save_window_settings,
)

pytestmark = pytest.mark.gui


def _picker_text(window: MainWindow, name: str) -> str:
    label = window.picker.reasons.findChild(QLabel, name)
    return label.text() if label is not None else ""


def _pick(window: MainWindow, *endpoint_ids: str) -> None:
    window.picker.model.set_picked(endpoint_ids, True)


def test_the_mode_menu_switches_coverage_and_picks(
    window: MainWindow, selection: Selection
) -> None:
    assert window.mode_actions[AppMode.DEVELOPMENT].isChecked()
    _pick(window, "save-tracks-user", "get-users-saved-tracks")
    assert selection.scopes == ("user-library-read",)
    unavailable = _picker_text(window, "pickedUnavailable")
    assert "Save Tracks for Current User" in unavailable
    assert "unavailable in Development mode since 2026-02-11" in unavailable
    assert "february-2026-migration-guide" in unavailable
    assert "Premium" in unavailable
    assert window.endpoints.model.summary().endswith("unavailable in Development mode")

    window.mode_actions[AppMode.EXTENDED].trigger()
    assert window.app_mode is AppMode.EXTENDED
    assert selection.mode is AppMode.EXTENDED
    assert selection.scopes == ("user-library-modify", "user-library-read")
    assert _picker_text(window, "pickedUnavailable") == ""
    assert "unavailable" not in window.endpoints.model.summary()


def test_the_details_of_a_scope_follow_the_mode(window: MainWindow) -> None:
    """GET /me lost its email field for Development-mode apps (February 2026), and the
    type-specific save endpoints went: the details of a scope say so until the mode changes."""
    window.show_scope("user-read-email")
    assert (
        "GET /me Get Current User's Profile (optional: adds nothing in Development mode: "
        "Spotify no longer returns the email address)" in window.details.toPlainText()
    )
    window.show_scope("user-library-modify")
    assert (
        "PUT /me/tracks Save Tracks for Current User (required, unavailable in Development "
        "mode since 2026-02-11, deprecated)" in window.details.toPlainText()
    )

    window.mode_actions[AppMode.EXTENDED].trigger()
    assert "unavailable" not in window.details.toPlainText()
    window.show_scope("user-read-email")
    assert (
        "GET /me Get Current User's Profile (optional: adds the email address)"
        in window.details.toPlainText()
    )


def test_a_mode_change_with_nothing_picked_keeps_the_ticks(
    window: MainWindow, selection: Selection
) -> None:
    """A search builds the Pick endpoints page; a mode change then unticked every scope
    ("No endpoint picked; unticked ...") though no endpoint was picked."""
    selection.replace(["user-read-email", "user-read-private"])
    window.search.field.setText("zzzz")
    assert window.right_tabs.findChild(EndpointPicker) is not None  # the search built it
    window.mode_actions[AppMode.EXTENDED].trigger()
    assert selection.scopes == ("user-read-email", "user-read-private")
    assert window.statusBar().currentMessage() == "Answering for Extended quota mode"
    window.mode_actions[AppMode.DEVELOPMENT].trigger()
    assert selection.scopes == ("user-read-email", "user-read-private")


def test_the_mode_is_remembered(
    window: MainWindow, settings: QSettings, catalogue: Catalogue, qtbot: QtBot
) -> None:
    window.mode_actions[AppMode.EXTENDED].trigger()
    save_window_settings(window, settings)
    assert settings.value(APP_MODE_KEY) == "extended"
    fresh = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(fresh)
    assert restore_window_settings(fresh, settings) == []
    assert fresh.app_mode is AppMode.EXTENDED
    assert fresh.mode_actions[AppMode.EXTENDED].isChecked()
    settings.setValue(APP_MODE_KEY, "sandbox")
    other = MainWindow(catalogue, Selection(catalogue), settings)
    qtbot.addWidget(other)
    assert "the app mode" in restore_window_settings(other, settings)
    assert other.app_mode is AppMode.DEVELOPMENT


def test_the_picker_asks_what_the_app_saves_to_the_library(
    window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    _pick(window, "save-library-items", "check-library-contains")
    assert selection.scopes == ("user-library-modify", "user-library-read")
    reasons = window.picker.reasons
    saved = reasons.findChild(QCheckBox, "libraryItems:saved")
    followed = reasons.findChild(QCheckBox, "libraryItems:followed")
    assert isinstance(saved, QCheckBox)
    assert isinstance(followed, QCheckBox)
    assert saved.isChecked()
    assert not followed.isChecked()
    assert followed.accessibleName() == "Artists and people to follow"
    followed.click()
    assert selection.scopes == (
        "user-follow-modify",
        "user-follow-read",
        "user-library-modify",
        "user-library-read",
    )
    saved = reasons.findChild(QCheckBox, "libraryItems:saved")
    assert isinstance(saved, QCheckBox)
    saved.click()
    assert selection.scopes == ("user-follow-modify", "user-follow-read")
    followed = reasons.findChild(QCheckBox, "libraryItems:followed")
    assert isinstance(followed, QCheckBox)
    followed.click()  # the last kind cannot be taken away
    assert selection.scopes == ("user-follow-modify", "user-follow-read")
    followed = reasons.findChild(QCheckBox, "libraryItems:followed")
    assert isinstance(followed, QCheckBox)
    assert followed.isChecked()
    assert catalogue.endpoint("save-library-items").requirement.by_item


def test_the_picker_names_the_playlist_items_rule(window: MainWindow) -> None:
    _pick(window, "get-playlists-items")
    assert "owns or collaborates on" in _picker_text(window, "pickedModeRules")
