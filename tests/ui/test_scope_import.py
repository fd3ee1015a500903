"""Scope strings coming in: the Paste key on the window, and the Import dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import parse_scopes
from scope_picker.core.selection import Selection
from scope_picker.ui.paste.import_dialog import ImportDialog
from scope_picker.ui.paste.scope_import import ImportReport
from scope_picker.ui.shared.wording import WORD_JOINER
from scope_picker.ui.window.edits import NOTHING_TO_PASTE
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

REPLACED = "Selected 2 scopes from the clipboard, replacing the previous selection"


def plain(html: str) -> str:
    """What a rich-text label reads as (without the invisible joiners that lay it out)."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText().replace(WORD_JOINER, "")


def wrapped_lines(html: str, width: int, font: QFont) -> list[str]:
    """The lines ``html`` is laid out in at ``width`` pixels."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setTextWidth(width)
    document.size()  # lays the text out
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def report_text(report: ImportReport) -> str:
    """What the report says (its accessible description), or nothing while hidden."""
    return report.accessibleDescription() if report.isVisible() else ""


def paste_on_the_tree(qtbot: QtBot, window: MainWindow, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    window.scope_tree.setFocus()
    qtbot.keySequence(window.scope_tree, QKeySequence.StandardKey.Paste)


@pytest.mark.parametrize(
    "text",
    [
        "user-read-email user-read-private",
        "user-read-private,user-read-email",
        "user-read-email%20user-read-private",
        "user-read-email\nuser-read-private\n",
        "['user-read-email', 'user-read-private']",
        '["user-read-private", "user-read-email"]',
        'SCOPES = ["user-read-private", "user-read-email"]',
        "scope = tk.scope.user_read_email + tk.scope.user_read_private",
        "[.userReadEmail, .userReadPrivate]",
        "https://accounts.spotify.com/authorize?client_id=abc&response_type=code"
        "&scope=user-read-private+user-read-email&redirect_uri=http%3A%2F%2F127.0.0.1%3A8888",
    ],
)
def test_the_paste_key_selects_the_scopes_in_any_shape(
    qtbot: QtBot, active_window: MainWindow, selection: Selection, text: str
) -> None:
    selection.replace(["streaming", "user-top-read"])
    paste_on_the_tree(qtbot, active_window, text)
    assert selection.scopes == ("user-read-email", "user-read-private")
    assert active_window.statusBar().currentMessage() == REPLACED
    assert active_window.import_report.isHidden()


def test_unknown_retired_and_repeated_tokens_are_named_in_a_report(
    qtbot: QtBot, active_window: MainWindow, selection: Selection, catalogue: Catalogue
) -> None:
    text = "user-read-playback, user-read-birthdate, streaming, user-top-read, streaming"
    paste_on_the_tree(qtbot, active_window, text)
    assert selection.scopes == ("streaming", "user-top-read")
    report = active_window.import_report
    assert report.isVisible()
    assert report_text(report).splitlines() == [
        "Selected 2 scopes from the clipboard, replacing the previous selection.",
        "'user-read-playback' is not a Spotify scope; did you mean 'user-read-playback-state'?",
        "'user-read-birthdate' no longer exists: Spotify removed this scope; birthdates are no "
        "longer shared",
        "listed more than once: streaming",
    ]
    shown = plain(report.label.text())
    for message in parse_scopes(catalogue, text).messages():
        assert message in shown
    # The report takes the focus, so a keyboard user takes up the suggestion with Space or
    # reads it and dismisses it with Esc.
    assert QApplication.focusWidget() is report.use_suggestions_button
    assert report.use_suggestions_button.text() == "Use user-read-playback-state"
    qtbot.keyClick(report.use_suggestions_button, Qt.Key.Key_Escape)
    assert report.isHidden()


def test_the_report_can_be_dismissed_with_its_button(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    paste_on_the_tree(qtbot, active_window, "user-read-emial")
    report = active_window.import_report
    assert "did you mean 'user-read-email'?" in report_text(report)
    report.dismiss_button.click()
    assert report.isHidden()
    # A clean paste afterwards leaves no stale report behind.
    paste_on_the_tree(qtbot, active_window, "user-read-playback-state streaming")
    paste_on_the_tree(qtbot, active_window, "streaming nope")
    assert report.isVisible()
    paste_on_the_tree(qtbot, active_window, "streaming")
    assert report.isHidden()


def test_text_with_no_scope_leaves_the_selection_alone(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    selection.replace(["streaming"])
    paste_on_the_tree(qtbot, active_window, "hello world")
    assert selection.scopes == ("streaming",)
    assert report_text(active_window.import_report).startswith(
        "Nothing selected: the clipboard holds no Spotify scope; the selection is unchanged.\n"
        "'hello' is not a Spotify scope\n"
    )


def test_an_empty_clipboard_is_said_so(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    selection.replace(["streaming"])
    paste_on_the_tree(qtbot, active_window, "  ")
    assert selection.scopes == ("streaming",)
    assert active_window.statusBar().currentMessage() == NOTHING_TO_PASTE


@pytest.mark.parametrize("field", ["client_id", "search"])
def test_text_fields_keep_the_paste_key(
    qtbot: QtBot, active_window: MainWindow, selection: Selection, field: str
) -> None:
    edit = (
        active_window.authorize.client_id_edit
        if field == "client_id"
        else active_window.search.field
    )
    active_window.right_tabs.setCurrentIndex(1)
    QGuiApplication.clipboard().setText("user-read-email")
    edit.setFocus()
    qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)
    assert edit.text() == "user-read-email"
    assert selection.scopes == ()


def test_the_paste_action_works_from_the_read_only_scope_string(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    QGuiApplication.clipboard().setText("user-follow-read")
    active_window.scope_string.setFocus()
    qtbot.keySequence(active_window.scope_string, QKeySequence.StandardKey.Paste)
    assert selection.scopes == ("user-follow-read",)


def open_dialog(window: MainWindow) -> ImportDialog:
    window.import_action.trigger()
    dialog = window.findChild(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    assert dialog.isVisible()
    return dialog


def test_the_import_dialog_previews_then_selects(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    assert active_window.import_action.shortcut() == QKeySequence("Ctrl+Shift+V")
    dialog = open_dialog(active_window)
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview.text() == "<p>Nothing pasted yet</p>"
    dialog.editor.setPlainText("scope: user-top-read, user-top-raed")
    assert dialog.ok_button.isEnabled()
    preview = plain(dialog.preview.text())
    assert "Will select 1 scope: user-top-read" in preview
    assert "did you mean 'user-top-read'?" in preview
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert selection.scopes == ("user-top-read",)
    assert report_text(active_window.import_report).startswith(
        "Selected 1 scope from the imported text, replacing the previous selection."
    )


def test_cancelling_the_import_changes_nothing(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    selection.replace(["streaming"])
    dialog = open_dialog(active_window)
    dialog.editor.setPlainText("user-top-read")
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert selection.scopes == ("streaming",)


def test_the_import_dialog_controls_are_named(active_window: MainWindow) -> None:
    dialog = open_dialog(active_window)
    for widget in (dialog.editor, dialog.ok_button, *dialog.buttons.buttons()):
        assert widget.objectName()
        assert widget.accessibleName()
        assert widget.toolTip()
    dialog.editor.setPlainText("user-top-read")
    assert dialog.text() == "user-top-read"
    dialog.reject()


LONG_PASTE = " ".join(f"word{number}" for number in range(300))
"""A paste of 300 unknown words: a report as long as a page of prose would give."""


def test_a_long_report_scrolls_inside_the_window(qtbot: QtBot, active_window: MainWindow) -> None:
    height = active_window.height()
    paste_on_the_tree(qtbot, active_window, LONG_PASTE)
    report = active_window.import_report
    qtbot.waitUntil(lambda: report.text_area.verticalScrollBar().maximum() > 0)
    # Every word is named, reached by scrolling; the window keeps its size and its panes.
    assert report_text(report).count("is not a Spotify scope") == 300
    assert "word299" in report.label.text()
    assert active_window.height() == height
    assert report.height() < height / 3
    assert active_window.scope_tree.height() > report.height()
    assert report.text_area.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab, then Page Down
    # A short report afterwards is shown whole, at its own height.
    paste_on_the_tree(qtbot, active_window, "streaming nope")
    qtbot.waitUntil(lambda: report.text_area.verticalScrollBar().maximum() == 0)
    assert "nope" in report.label.text()


def test_a_long_import_preview_scrolls_inside_the_dialog(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    dialog = open_dialog(active_window)
    height = dialog.height()
    dialog.editor.setPlainText(LONG_PASTE)
    qtbot.waitUntil(lambda: dialog.preview_area.verticalScrollBar().maximum() > 0)
    assert dialog.preview.text().count("is not a Spotify scope") == 300
    assert dialog.height() == height
    assert dialog.editor.height() > dialog.preview_area.height() / 2
    dialog.reject()


def test_a_word_too_long_for_the_window_scrolls_sideways(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    width = active_window.width()
    paste_on_the_tree(qtbot, active_window, "x" * 600 + " streaming")
    report = active_window.import_report
    qtbot.waitUntil(lambda: report.text_area.horizontalScrollBar().maximum() > 0)
    assert "x" * 600 in report.label.text()
    assert active_window.width() == width


def test_a_suggestion_in_the_report_is_one_key_away(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    paste_on_the_tree(qtbot, active_window, "user-read-playback streaming Streaming nope")
    assert selection.scopes == ("streaming",)
    report = active_window.import_report
    button = report.use_suggestions_button
    assert QApplication.focusWidget() is button
    assert button.text() == "Use the 2 suggestions"
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert selection.scopes == ("user-read-playback-state", "streaming")
    # What is left has no suggestion: the report stays for it, with Dismiss focused.
    assert report_text(report).splitlines() == [
        "Selected 2 scopes from the clipboard, replacing the previous selection.",
        "'nope' is not a Spotify scope",
    ]
    assert button.isHidden()
    assert QApplication.focusWidget() is report.dismiss_button
    active_window.edits.undo()
    assert selection.scopes == ("streaming",)  # taking the suggestions is one change


def test_a_suggestion_in_the_import_dialog_is_one_key_away(
    qtbot: QtBot, active_window: MainWindow, selection: Selection
) -> None:
    dialog = open_dialog(active_window)
    assert dialog.use_suggestions_button.isHidden()
    dialog.editor.setPlainText("scope: user-top-read, user-read-emial")
    assert dialog.use_suggestions_button.isVisible()
    assert dialog.use_suggestions_button.text() == "&Use user-read-email"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    # An underlined key presses the button as a click would, the press shown for a moment.
    qtbot.waitUntil(lambda: dialog.text() == "scope: user-top-read, user-read-email")
    assert "Will select 2 scopes" in plain(dialog.preview.text())
    assert dialog.use_suggestions_button.isHidden()
    # The cursor stays at the end, where typing goes on, and Ctrl+Z takes the edit back.
    assert dialog.editor.textCursor().position() == len(dialog.text())
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.text() == "scope: user-top-read, user-read-emial"
    qtbot.keyClick(
        dialog.editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dialog.text() == "scope: user-top-read, user-read-email"
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert set(selection.scopes) == {"user-read-email", "user-top-read"}


def test_scope_names_in_the_report_never_break_at_their_hyphens(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    paste_on_the_tree(qtbot, active_window, "user-read-playback user-modify-playback")
    label = active_window.import_report.label
    html = label.text()
    metrics = label.fontMetrics()
    # From the widest name with its quotes (narrower, a name must break somewhere) upwards.
    widths = range(metrics.horizontalAdvance("'user-modify-playback-state'? ") + 20, 400, 7)
    for width in widths:
        lines = wrapped_lines(html, width, label.font())
        assert lines
        assert not [line for line in lines if line.rstrip("\u2060").endswith("-")], (width, lines)
    # Without the joiners, some of those widths do break a name: the check can fail.
    plain_html = html.replace("\u2060", "")
    assert any(
        line.endswith("-")
        for width in widths
        for line in wrapped_lines(plain_html, width, label.font())
    )
    # A name selected in the report and copied is plain ASCII.
    document = QTextDocument()
    document.setHtml(html)
    shown_text = document.toPlainText()  # what selecting all of the label and copying gives
    assert WORD_JOINER in shown_text
    QGuiApplication.clipboard().setText(shown_text)
    copied = QGuiApplication.clipboard().text()
    assert "user-read-playback-state" in copied
    assert copied.isascii(), copied
