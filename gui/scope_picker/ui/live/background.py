"""Run a blocking live step (listen, trade, send, probe) on a worker thread and hear about it
through Qt signals, so the window never waits; cancel at any point.

The work gets two callables: ``cancelled()`` to check and ``report(item)`` for progress. Its
result, a LiveError's message or any other failure arrive as signals in the window's thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from scope_picker.core.live.errors import LiveError

Work = Callable[[Callable[[], bool], Callable[[object], None]], object]
JOIN_SECONDS = 5.0


class BackgroundTask(QObject):
    """One piece of work on its own thread; emits at most one of succeeded or failed (none once
    cancelled), then finished."""

    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(object)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scope-picker-live", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop; whatever it returns afterwards is dropped."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float = JOIN_SECONDS) -> bool:
        """Wait for the thread to end; True when it has."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        outcome: tuple[SignalInstance, object]
        try:
            result = self._work(self._cancel.is_set, self._report)
        except LiveError as error:
            outcome = (self.failed, str(error))
        except Exception as error:  # a bug must not die silently on a thread
            outcome = (self.failed, f"Unexpected problem: {type(error).__name__}: {error}")
        else:
            outcome = (self.succeeded, result)
        if not self.cancelled:
            _emit(outcome[0], outcome[1])
        _emit(self.finished)

    def _report(self, item: object) -> None:
        _emit(self.progressed, item)


def _emit(signal: SignalInstance, *args: object) -> None:
    """Emit, unless the window (and this task with it) is gone: a request that outlived the
    window's wait at closing ends quietly."""
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)
