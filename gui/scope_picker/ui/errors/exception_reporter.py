"""Unexpected errors become a dialog with copyable details; the app keeps running.

PySide6 reports an exception raised in a slot through ``sys.excepthook`` and then returns to
the event loop, so replacing the hook is enough to keep a traceback away from the user's
terminal-less desktop while still giving them something to paste into a bug report.
The dialog is imported only when an error happens: every start installs the hook, and most
never need the dialog, its Qt classes or their Python enums.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QWidget

from scope_picker import APP_NAME, __version__

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ExceptionReporter:
    """A ``sys.excepthook`` that shows an ErrorDialog (one at a time) and logs to stderr."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent = parent
        self._showing = False
        self.previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        """Make this the interpreter's exception hook."""
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Put back the hook ``install`` replaced, so nothing reports into a closed window."""
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        details = f"{APP_NAME} {__version__}\n" + "".join(
            traceback.format_exception(exc_type, exc, tb)
        )
        print(details, file=sys.stderr)
        if self._showing:  # an error while the dialog is up is logged, not stacked
            return
        self._showing = True
        try:
            from scope_picker.ui.errors.error_dialog import ErrorDialog  # deferred: see the module

            dialog = ErrorDialog(f"{exc_type.__name__}: {exc}", details, self._parent())
            dialog.exec()
        finally:
            self._showing = False
