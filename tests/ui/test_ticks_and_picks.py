"""Ticks and endpoint picks kept in view: what a pick unticked, with Undo beside it, and an
offer to fit one to the other when they disagree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from scope_picker.core.selection import Selection
from scope_picker.ui.shared.wording import WORD_JOINER
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def plain(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace(WORD_JOINER, "")


QUEUE = "get-queue"  # needs user-read-currently-playing and user-read-playback-state


def test_a_pick_names_what_it_unticked_beside_undo(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    selection.replace(["user-read-email"])
    active_window.show_tab(2)
    picker = active_window.picker
    picker.model.set_picked([QUEUE], True)
    notice = picker.unticked_notice
    assert notice.isVisible()
    assert "unticked user-read-email." in plain(notice.label)
    assert "Undo (Ctrl+Z)" in plain(notice.label)
    assert "user-read-email" not in selection.scopes
    qtbot.keyClick(picker.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert selection.scopes == ("user-read-email",)
    # The pick stays, so the ticks and picks now disagree, and the window says so.
    assert active_window.drift_notice.isVisible()


def test_the_notice_s_undo_button_ticks_them_again(
    active_window: MainWindow, selection: Selection
) -> None:
    selection.replace(["user-read-email"])
    active_window.show_tab(2)
    picker = active_window.picker
    picker.model.set_picked([QUEUE], True)
    picker.unticked_notice.undo_button.click()
    assert selection.scopes == ("user-read-email",)
    assert picker.unticked_notice.isHidden()


def paste(qtbot: QtBot, window: MainWindow, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    window.scope_tree.setFocus()
    qtbot.keyClick(window.scope_tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_paste_that_disagrees_with_the_picks_is_offered_a_fit_either_way(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    window = active_window
    window.picker.model.set_picked([QUEUE], True)
    needed = window.plan.scopes
    assert not window.drift_notice.isVisible()
    paste(qtbot, window, "user-read-email user-read-playback-state")
    notice = window.drift_notice
    assert notice.isVisible()
    text = plain(notice.label)
    assert "not ticked but needed: " in text
    assert "user-read-currently-playing" in text
    assert "ticked but not needed (⚠): " in text
    assert "user-read-email" in text
    notice.fit_button.click()
    assert selection.scopes == needed
    assert notice.isHidden()

    paste(qtbot, window, "user-read-email")
    assert notice.isVisible()
    notice.keep_button.click()
    assert window.plan.picked == ()
    assert selection.scopes == ("user-read-email",)
    assert window.scope_model.unneeded() == ()
    assert notice.isHidden()
