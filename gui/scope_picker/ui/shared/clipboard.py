"""One way to put text on the clipboard, so every Copy button reports failure the same way."""

from PySide6.QtGui import QGuiApplication


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
