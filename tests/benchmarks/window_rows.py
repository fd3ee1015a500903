"""In-process measurements of the real main window: tick latency and update counts.

One window per catalogue size, all shown (offscreen unless QT_QPA_PLATFORM says otherwise)
and ticked in turn, so that every size sees the same machine load. A tick goes in the way a
user's click lands: ``setData(index, state, CheckStateRole)`` on the scope tree's model.

It is done when the window has settled: the endpoint list, the consent preview and the
scope string have each received a Paint event (the ticked row repaints as well when it is
in view; a row scrolled out of view needs no paint), and then the event loop has run
``QUIET_PASSES`` times without the window asking for another repaint (Qt posts an
UpdateRequest to the window for every repaint pass). The clock stops at the end of the last
pass that painted, so the time includes the layout and painting that the change set off,
follow-up passes too (a view that lays itself out after its first paint, a scroll bar that
appears), with nothing forced or skipped.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from synthetic import scaled_catalogue

from scope_picker.app import create_window, paint_on_one_thread
from scope_picker.core.catalogue import Catalogue, load_catalogue
from scope_picker.ui.window.main_window import MainWindow

WARM_UP_TICKS = 5
PAINT_TIMEOUT_S = 10.0
QUIET_PASSES = 3
SETTLE_S = 0.25
COUNT_SCALE = 10
SINGLE_SCOPE, CATEGORY, SELECT_ALL = "single scope", "whole category", "select all"
SELECT_ALL_PATH = "the window has no Select-all control: Selection.replace(every scope)"


class PaintTimeoutError(RuntimeError):
    """A view did not repaint after a tick: the measurement would be meaningless."""


class PaintWatch(QObject):
    """Counts the Paint events that each named widget receives."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self._widgets = widgets
        self.counts = dict.fromkeys(widgets, 0)
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            for name, widget in self._widgets.items():
                if watched is widget:
                    self.counts[name] += 1
        return False

    def reset(self) -> None:
        """Start counting from zero."""
        self.counts = dict.fromkeys(self._widgets, 0)

    def unpainted(self) -> list[str]:
        """The widgets that have not painted since the last reset."""
        return [name for name, count in self.counts.items() if count == 0]


class EventCounter(QObject):
    """Counts the events of one type that a widget receives."""

    def __init__(self, widget: QWidget, event_type: QEvent.Type) -> None:
        super().__init__()
        self._type = event_type
        self.calls = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == self._type:
            self.calls += 1
        return False


@dataclass
class Counter:
    """Counts calls of whatever it is connected or subscribed to."""

    calls: int = 0

    def __call__(self, *_args: object) -> None:
        self.calls += 1


class MeasuredWindow:
    """The app's main window over one catalogue, with its paints and updates counted."""

    def __init__(self, catalogue: Catalogue, settings_file: Path, seed: int) -> None:
        self.catalogue = catalogue
        # create_window is what the app's main() builds its window with.
        self.window: MainWindow = create_window(
            catalogue, QSettings(str(settings_file), QSettings.Format.IniFormat)
        )
        self.selection = self.window.adapter.selection
        self.model = self.window.scope_model
        self.random = random.Random(seed)
        self.paints = PaintWatch(
            {
                "endpoint list": self.window.endpoints.view.viewport(),
                "consent preview": self.window.consent.viewport(),
                "scope string": self.window.scope_string,
            }
        )
        self.listener_calls = Counter()
        self.selection.subscribe(self.listener_calls)
        self.scope_tree_changes = Counter()
        self.model.dataChanged.connect(self.scope_tree_changes)
        endpoint_model = self.window.endpoints.model
        self.endpoint_resets = Counter()
        endpoint_model.modelReset.connect(self.endpoint_resets)
        self.endpoint_row_changes = Counter()
        for signal in (
            endpoint_model.dataChanged,
            endpoint_model.rowsInserted,
            endpoint_model.rowsRemoved,
            endpoint_model.layoutChanged,
        ):
            signal.connect(self.endpoint_row_changes)
        self.repaint_requests = EventCounter(self.window, QEvent.Type.UpdateRequest)
        self.window.show()
        self.wait_until_settled()

    def wait_until_settled(self) -> int:
        """Run the event loop until the window has settled (module docstring).

        Returns the perf_counter_ns at the end of the last event-loop pass that painted.
        """
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        finished = time.perf_counter_ns()
        quiet = 0
        while quiet < QUIET_PASSES:
            requests = self.repaint_requests.calls
            QApplication.processEvents()
            unpainted = self.paints.unpainted()
            if unpainted or self.repaint_requests.calls != requests:
                quiet = 0
                finished = time.perf_counter_ns()
            else:
                quiet += 1
            if time.perf_counter() > deadline:
                raise PaintTimeoutError(f"no repaint of {', '.join(unpainted)} after a change")
        return finished

    def settle(self) -> None:
        """Run the event loop a while, so that any delayed or repeated update shows up."""
        deadline = time.perf_counter() + SETTLE_S
        while time.perf_counter() < deadline:
            QApplication.processEvents()
            time.sleep(0.001)

    def set_checked(self, index: QModelIndex, checked: bool) -> None:
        """Tick or untick a row as a click does."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if not self.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole):
            raise RuntimeError("the scope tree refused a tick")

    def random_tick(self) -> float:
        """Flip a random scope; the milliseconds until every pane has repainted."""
        name = self.random.choice(self.catalogue.scope_names)
        index = self.model.index_of_scope(name)
        self.paints.reset()
        started = time.perf_counter_ns()
        self.set_checked(index, name not in self.selection)
        return (self.wait_until_settled() - started) / 1e6

    def count_updates(self, change: Callable[[], None]) -> dict[str, int]:
        """What one change costs in listener calls, model signals and paints."""
        self.selection.clear()
        self.settle()
        counters = (
            self.listener_calls,
            self.scope_tree_changes,
            self.endpoint_resets,
            self.endpoint_row_changes,
        )
        for counter in counters:
            counter.calls = 0
        self.paints.reset()
        change()
        self.settle()
        return {
            "selection_listener_calls": self.listener_calls.calls,
            "scope_tree_dataChanged": self.scope_tree_changes.calls,
            "endpoint_resets": self.endpoint_resets.calls,
            "endpoint_row_signals": self.endpoint_row_changes.calls,
            "endpoint_list_paints": self.paints.counts["endpoint list"],
            "consent_paints": self.paints.counts["consent preview"],
            "scope_string_paints": self.paints.counts["scope string"],
        }

    def close(self) -> None:
        """Close the window (it saves its settings to the scratch file) and let Qt free it."""
        self.window.close()
        self.window.deleteLater()


class WindowRows:
    """The main windows of every catalogue size, measured side by side."""

    def __init__(self, scales: tuple[int, ...], seed: int) -> None:
        paint_on_one_thread()  # as the app's main() does before its window paints
        self._app = QApplication.instance() or QApplication([])
        self._folder = tempfile.TemporaryDirectory(prefix="scope-picker-bench-")
        real = load_catalogue()
        self.windows = {
            scale: MeasuredWindow(
                scaled_catalogue(real, scale), Path(self._folder.name) / f"x{scale}.ini", seed
            )
            for scale in scales
        }

    def tick_latencies(self, ticks: int) -> dict[int, list[float]]:
        """``ticks`` random ticks per size, the sizes in turn; milliseconds each."""
        for measured in self.windows.values():
            for _ in range(WARM_UP_TICKS):
                measured.random_tick()
        found: dict[int, list[float]] = {scale: [] for scale in self.windows}
        for _ in range(ticks):
            for scale, measured in self.windows.items():
                found[scale].append(measured.random_tick())
        return found

    @property
    def categories(self) -> int:
        """How many categories the catalogues have (scaling keeps them)."""
        return len(self.windows[self._count_scale].catalogue.categories)

    @property
    def _count_scale(self) -> int:
        return COUNT_SCALE if COUNT_SCALE in self.windows else min(self.windows)

    def update_counts(self) -> dict[str, dict[str, int]]:
        """Counts for one scope, one whole category and select-all, in the x10 catalogue."""
        measured = self.windows[self._count_scale]
        catalogue = measured.catalogue
        largest = max(
            range(len(catalogue.categories)),
            key=lambda row: len(catalogue.scopes_in(catalogue.categories[row].id)),
        )
        first_scope = catalogue.scopes_in(catalogue.categories[largest].id)[0].name
        model = measured.model
        return {
            SINGLE_SCOPE: measured.count_updates(
                lambda: measured.set_checked(model.index_of_scope(first_scope), True)
            ),
            CATEGORY: measured.count_updates(
                lambda: measured.set_checked(model.index(largest, 0), True)
            ),
            SELECT_ALL: measured.count_updates(
                lambda: measured.selection.replace(catalogue.scope_names)
            ),
        }

    def close(self) -> None:
        """Close every window and remove the scratch settings."""
        for measured in self.windows.values():
            measured.close()
        QApplication.processEvents()
        self._folder.cleanup()
