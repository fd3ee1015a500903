"""Columns follow their content: after every search, names and requests fit their columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from scope_picker.ui.picker.endpoint_picker_model import NAME_COLUMN, REQUEST_COLUMN
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

QUERIES = ["", "playlist", "get several", "currently", "/tracks", "skip", "player", ""]


def leaf_indexes(view: QTreeView, column: int) -> list[QModelIndex]:
    model = view.model()
    return [
        model.index(row, column, model.index(group, 0))
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]


def cut_cells(view: QTreeView, columns: tuple[int, ...]) -> list[str]:
    """The texts of leaf cells in ``columns`` that their cell is too narrow to show whole."""
    metrics = view.fontMetrics()
    cut = []
    for column in columns:
        for index in leaf_indexes(view, column):
            rect = view.visualRect(index)
            text = str(index.data())
            needed = view.sizeHintForIndex(index).width()
            if rect.width() < needed or rect.width() < metrics.horizontalAdvance(text):
                cut.append(f"{text} ({rect.width()} < {needed})")
    return cut


@pytest.fixture
def big_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_pick_endpoints_names_and_requests_fit_after_every_search(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    big_window.search.field.setText("skip")  # the page is first laid out for a search
    big_window.show_tab(2)
    view = big_window.picker.view
    for query in QUERIES:
        big_window.search.field.setText(query)
        qtbot.wait(1)
        assert cut_cells(view, (NAME_COLUMN, REQUEST_COLUMN)) == [], query


def test_scope_names_fit_after_every_search_and_with_the_warning_icon(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    view = big_window.scope_tree
    # A hand tick no pick needs is flagged with a warning icon beside the name.
    big_window.picker.model.set_picked(["get-the-users-currently-playing-track"], True)
    big_window.adapter.selection.set_selected(["user-modify-playback-state"], True)
    assert "user-modify-playback-state" in big_window.scope_model.unneeded()
    for query in QUERIES:
        big_window.search.field.setText(query)
        qtbot.wait(1)
        assert cut_cells(view, (0,)) == [], query


def test_at_800x600_the_notes_column_starts_inside_the_pick_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The first window on an 800x600 screen (offscreen's): its panes are sized for it."""
    if window.screen().availableGeometry().width() > 800:
        pytest.skip("the first window's panes are sized for the screen: needs an 800 px one")
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.search.field.setText("skip")
    window.show_tab(2)
    view = window.picker.view
    for query in QUERIES:
        window.search.field.setText(query)
        qtbot.wait(1)
        header = view.header()
        notes_start = header.sectionViewportPosition(2)
        assert 0 < notes_start < view.viewport().width() - view.fontMetrics().averageCharWidth() * 8


def test_endpoints_tab_names_and_requests_fit_after_every_change(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    view = big_window.endpoints.view
    selection = big_window.adapter.selection
    for scopes, show_public in [
        (["user-read-playback-state"], False),
        (["playlist-modify-public", "user-modify-playback-state"], False),
        (["playlist-modify-public"], True),
        (["ugc-image-upload"], False),
    ]:
        selection.replace(scopes)
        big_window.endpoints.show_public.setChecked(show_public)
        qtbot.wait(1)
        assert leaf_indexes(view, NAME_COLUMN)
        assert cut_cells(view, (NAME_COLUMN, REQUEST_COLUMN)) == [], scopes
