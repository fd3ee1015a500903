"""One way to put text on the clipboard, so every Copy button reports failure the same way;
and copies from the window's labels kept free of the characters that only lay them out."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from scope_picker.ui.shared.wording import WORD_JOINER


def copy_text(text: str) -> bool:
    """Put the text on the system clipboard; False when there is no clipboard to put it on.

    Without a running Qt application there is no clipboard, and a platform may refuse the
    text; reading it back tells the caller whether the user can paste it.
    """
    if QGuiApplication.instance() is None:
        return False
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)
    return clipboard.text() == text


_GUARDED = "scopePickerKeepsCopiesPlain"


def keep_copies_plain() -> None:
    """From now on, whenever this app puts text on the clipboard (a name selected in a
    report and copied), take out the word joiners that keep names on one line: a scope
    pasted into code must be exactly its ASCII name. Once per application; more calls
    change nothing."""
    clipboard = QGuiApplication.clipboard()
    if not isinstance(clipboard, QClipboard) or clipboard.property(_GUARDED):
        return
    clipboard.setProperty(_GUARDED, True)
    clipboard.dataChanged.connect(_strip_joiners)


def _strip_joiners() -> None:
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text()
    # While this app is active, what lands on the clipboard is a copy made in it (not every
    # platform says who owns the clipboard: offscreen never does).
    active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    if WORD_JOINER in text and (active or clipboard.ownsClipboard()):
        clipboard.setText(text.replace(WORD_JOINER, ""))
