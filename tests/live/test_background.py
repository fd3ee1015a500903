"""Live steps on a worker thread: one outcome in the window's thread, none once cancelled, and
a quiet end when the window went away first."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from scope_picker.core.live.errors import LiveError
from scope_picker.ui.live.background import BackgroundTask

pytestmark = pytest.mark.gui


def test_the_result_arrives_in_the_window_thread(qtbot: QtBot) -> None:
    seen: list[tuple[object, bool]] = []

    def work(_cancelled: Callable[[], bool], report: Callable[[object], None]) -> object:
        report("halfway")
        return 42

    task = BackgroundTask(work)
    task.progressed.connect(lambda item: seen.append((item, _in_main_thread())))
    task.succeeded.connect(lambda result: seen.append((result, _in_main_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen == [("halfway", True), (42, True)]


def test_a_live_error_arrives_as_its_message(qtbot: QtBot) -> None:
    def work(_cancelled: Callable[[], bool], _report: Callable[[object], None]) -> object:
        raise LiveError("Cannot reach 127.0.0.1")

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    assert failed.args == ["Cannot reach 127.0.0.1"]


def test_a_cancelled_task_says_nothing_but_finished(qtbot: QtBot) -> None:
    release = threading.Event()
    outcomes: list[object] = []

    def work(_cancelled: Callable[[], bool], _report: Callable[[object], None]) -> object:
        release.wait(5)
        return "late"

    task = BackgroundTask(work)
    task.succeeded.connect(outcomes.append)
    task.failed.connect(outcomes.append)
    task.start()
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert outcomes == []


def test_a_task_that_outlives_its_window_ends_quietly() -> None:
    release = threading.Event()
    errors: list[BaseException | None] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    try:

        def work(_cancelled: Callable[[], bool], _report: Callable[[object], None]) -> object:
            release.wait(5)
            return "late"

        task = BackgroundTask(work)
        task.start()
        thread = task._thread
        shiboken6.delete(task)  # the window closed while the request was still out
        release.set()
        thread.join(5)
    finally:
        threading.excepthook = previous
    assert not thread.is_alive()
    assert errors == []


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
