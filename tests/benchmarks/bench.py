"""Scope Picker's benchmarks, each figure measured next to its baseline in the same run.

    .venv/bin/python tests/benchmarks/bench.py [--quick] [--json PATH] [--runs N] [--ticks N]
        [--no-frozen]

Prints a Markdown table (figure, measurement, budget, PASS/FAIL), writes it as JSON
(default tests/benchmarks/results.json) and exits 1 when a budget fails, 2 on a usage error
or when a measurement cannot be taken.
Machines here are shared and noisy, so nothing is compared with a number from another run:
cold starts of the app and of a bare PySide6 window are interleaved, and the catalogue sizes
are ticked in turn in one process. ``--quick`` uses tiny counts: it proves the command works,
its figures mean little. Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (for example
``xvfb-run -a env QT_QPA_PLATFORM=xcb ...``); the platform is recorded in the JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import random
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Before anything imports Qt; the measured child processes inherit it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cold_start import (
    QT_PAINTING_LOG,
    QUIET_AFTER_PAINT_S,
    child_env,
    flushed_window_size,
    is_flush,
)
from window_rows import (
    CATEGORY,
    SELECT_ALL,
    SELECT_ALL_PATH,
    SINGLE_SCOPE,
    PaintTimeoutError,
    WindowRows,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BARE_WINDOW = ROOT / "packaging" / "bare_window.py"
WIDGETS_ONLY = HERE / "widgets_only.py"
DEFAULT_JSON = HERE / "results.json"
PACKAGING_BUILD = ROOT / "packaging" / "build.py"

COMPLETE_WINDOW_BUDGET = 1.8
"""The app's time to its complete window, at most this many times a bare window's."""
COMPLETE_WINDOW_WIDGETS_BUDGET = 1.25
"""... and at most this many times the same widgets' without the app's code."""
MEMORY_BUDGET = 1.45
"""The app's peak memory, at most this many times a bare window's."""
TICK_P99_BUDGET_MS = {1: 8.0, 10: 16.0}
SCALES = (1, 10, 100)
LAUNCH_TIMEOUT_S = 120.0

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"
APP, BARE, BARE_SIZED, WIDGETS = "app", "bare", "bare at the app's size", "widgets only"
APP_COMMAND = [sys.executable, "-m", "scope_picker"]
FROZEN_SIZE = "Frozen one-folder bundle size"
FROZEN_COLD_START = "Frozen, time to the complete window (median)"

COUNTED_CHANGES = (
    ("updates_whole_category", CATEGORY, "Updates for ticking a whole category (x10)", ""),
    ("updates_select_all", SELECT_ALL, "Updates for selecting all (x10)", SELECT_ALL_PATH),
)
"""Row key, change, figure and note of the one-update rows."""


class BenchmarkError(RuntimeError):
    """A measurement could not be taken (a child process failed, a view never painted)."""


@dataclass
class Row:
    """One line of the table; ``values`` holds the raw figures for the JSON."""

    key: str
    figure: str
    measured: str
    budget: str
    result: str
    values: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Settings:
    """How much to measure."""

    cold_runs: int
    ticks: int
    seed: int
    scales: tuple[int, ...] = SCALES


# --- statistics ---------------------------------------------------------------------------


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with ``fraction`` of them at or below it."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def verdict(passed: bool) -> str:
    """PASS or FAIL."""
    return PASS if passed else FAIL


# --- cold start and peak memory (subprocesses) ----------------------------------------------


@dataclass(frozen=True)
class Launch:
    """One process from launch to its complete window: times, peak memory, window size."""

    first_flush_s: float
    complete_s: float
    peak_rss_bytes: int
    window_size: tuple[int, int] | None
    cpu_s: float


def launch(command: Sequence[str], env: dict[str, str]) -> Launch:
    """Start ``command``, follow its painting log until the window is complete, then read its
    peak memory, kill and reap it.

    Times run from just before the process is created to the moment a flush is logged: the
    first flush, and the last one before QUIET_AFTER_PAINT_S without another (the complete
    window: nothing is still being filled in). Peak memory is the child's own high-water mark
    (VmHWM in /proc/<pid>/status), read while it still runs; ``ru_maxrss`` from ``wait4``
    would start from this parent's size at the fork.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**env, **QT_PAINTING_LOG}
    )
    assert process.stderr is not None
    stderr = process.stderr.fileno()
    deadline = started + LAUNCH_TIMEOUT_S
    flushes: list[float] = []
    window_size: tuple[int, int] | None = None
    unread, log = b"", bytearray()
    try:
        while True:
            now = time.perf_counter()
            wait_until = flushes[-1] + QUIET_AFTER_PAINT_S if flushes else deadline
            if now >= wait_until:
                break
            if not select.select([stderr], [], [], wait_until - now)[0]:
                continue
            chunk = os.read(stderr, 1 << 16)
            arrived = time.perf_counter()
            if not chunk:
                break  # the program exited
            log += chunk
            *lines, unread = (unread + chunk).split(b"\n")
            for line in lines:
                text = line.decode(errors="replace")
                if is_flush(text):
                    flushes.append(arrived)
                    window_size = window_size or flushed_window_size(text)
        peak_rss_bytes = peak_rss(process.pid) if flushes else 0
        cpu_s = cpu_time(process.pid) if flushes else 0.0
    finally:
        process.kill()
        process.wait()
        process.stderr.close()
    if not flushes:
        raise BenchmarkError(
            f"{' '.join(command)} exited {process.returncode} before its window was flushed: "
            f"{log.decode(errors='replace')[-2000:]}"
        )
    return Launch(flushes[0] - started, flushes[-1] - started, peak_rss_bytes, window_size, cpu_s)


def peak_rss(pid: int) -> int:
    """A running process's own peak resident memory (VmHWM), in bytes."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) * 1024


def cpu_time(pid: int) -> float:
    """The seconds a running process's threads have spent on a CPU (the scheduler's own count,
    in nanoseconds): unlike wall time, hardly moved by other programs competing for the CPU."""
    tasks = Path(f"/proc/{pid}/task")
    nanoseconds = sum(
        int((task / "schedstat").read_text(encoding="ascii").split()[0]) for task in tasks.iterdir()
    )
    return nanoseconds / 1e9


def interleaved(
    commands: Mapping[str, Sequence[str]], runs: int, env: dict[str, str], seed: int
) -> dict[str, list[Launch]]:
    """``runs`` rounds of one launch of each command, in a shuffled order each round.

    One launch of each first, not counted, so that every counted one finds the files in the
    page cache, as a user's second start of the day would.
    """
    for command in commands.values():
        launch(command, env)
    found: dict[str, list[Launch]] = {name: [] for name in commands}
    order = list(commands)
    shuffle = random.Random(seed).shuffle
    for _round in range(runs):
        shuffle(order)
        for name in order:
            found[name].append(launch(commands[name], env))
    return found


def app_window_size(env: dict[str, str]) -> tuple[int, int]:
    """The size the app's window opens at here (the screen may make it smaller than asked)."""
    size = launch(APP_COMMAND, env).window_size
    if size is None:
        raise BenchmarkError("the app's first flush did not cover its whole window")
    return size


def cold_start_rows(settings: Settings, scratch: Path) -> list[Row]:
    """Time to the complete window and peak memory: the app, a bare PySide6 window, the bare
    window at the app's size, and the app's kinds of widgets without its code.

    All run as they are, from the same interpreter: the app through its own entry point
    (``python -m scope_picker``), the bare window from ``packaging/bare_window.py`` (the one
    the frozen row freezes too). None is changed to report its paint: a Python event filter
    would make PySide create wrappers for every object that gets an event, which cost the
    bare window more than the app and flattered the app's ratio. ``widgets_only.py`` shows
    the app's kinds of widgets with no app code: how much of the ratio is Qt's and PySide6's.
    """
    env = child_env(scratch)
    width, height = app_window_size(env)
    commands = {
        APP: APP_COMMAND,
        BARE: [sys.executable, str(BARE_WINDOW)],
        BARE_SIZED: [sys.executable, str(BARE_WINDOW), f"{width}x{height}"],
        WIDGETS: [sys.executable, str(WIDGETS_ONLY)],
    }
    launches = interleaved(commands, settings.cold_runs, env, settings.seed)
    complete = {name: [run.complete_s * 1000 for run in runs] for name, runs in launches.items()}
    first = {name: [run.first_flush_s * 1000 for run in runs] for name, runs in launches.items()}
    memory = {name: [run.peak_rss_bytes / 2**20 for run in runs] for name, runs in launches.items()}
    cpu = {name: [run.cpu_s * 1000 for run in runs] for name, runs in launches.items()}
    sized = f"bare {width}x{height}"
    return [
        ratio_row(
            "complete_window",
            "Time to the complete window (median)",
            complete,
            "ms",
            BARE,
            budget=COMPLETE_WINDOW_BUDGET,
        ),
        ratio_row(
            "complete_window_vs_widgets_only",
            "Time to the complete window against the same widgets without the app's code",
            complete,
            "ms",
            WIDGETS,
            "widgets only",
            budget=COMPLETE_WINDOW_WIDGETS_BUDGET,
        ),
        ratio_row("first_flush", "Time to the first flush (median)", first, "ms", BARE),
        ratio_row(
            "complete_window_widgets_only",
            "Time to the complete window, the same widgets without the app's code",
            complete,
            "ms",
            BARE,
            measured=WIDGETS,
        ),
        ratio_row(
            "cpu_time",
            "CPU time to the complete window, all threads (median)",
            cpu,
            "ms",
            BARE,
        ),
        ratio_row(
            "cpu_time_vs_widgets_only",
            "CPU time to the complete window against the same widgets without the app's code",
            cpu,
            "ms",
            WIDGETS,
            "widgets only",
        ),
        ratio_row(
            "peak_memory",
            "Peak memory, each child's own VmHWM (median)",
            memory,
            "MiB",
            BARE,
            budget=MEMORY_BUDGET,
        ),
        ratio_row(
            "peak_memory_vs_sized_bare",
            "Peak memory against a bare window of the app's size",
            memory,
            "MiB",
            BARE_SIZED,
            sized,
        ),
        ratio_row(
            "peak_memory_widgets_only",
            "Peak memory, the same widgets without the app's code",
            memory,
            "MiB",
            BARE,
            measured=WIDGETS,
        ),
    ]


def ratio_row(
    key: str,
    figure: str,
    samples: dict[str, list[float]],
    unit: str,
    baseline: str,
    baseline_name: str = "bare",
    *,
    budget: float | None = None,
    measured: str = APP,
) -> Row:
    """One program's median over a baseline's, against a budget for that ratio if given."""
    value, base = statistics.median(samples[measured]), statistics.median(samples[baseline])
    ratio = value / base
    return Row(
        key=key,
        figure=figure,
        measured=f"{value:.0f} {unit} vs {baseline_name} {base:.0f} {unit} = {ratio:.2f}x",
        budget=f"<= {budget}x {baseline_name}" if budget else "(reported)",
        result=verdict(ratio <= budget) if budget else "INFO",
        values={
            "median": value,
            "baseline_median": base,
            "ratio": ratio,
            "unit": unit,
            "runs_each": len(samples[measured]),
            "samples": samples[measured],
            "baseline_samples": samples[baseline],
        },
    )


# --- rows that need the main window ---------------------------------------------------------


def tick_rows(settings: Settings) -> list[Row]:
    """Tick latency per catalogue size, its growth, and the one-update counts."""
    rows = WindowRows(settings.scales, settings.seed)
    try:
        latencies = rows.tick_latencies(settings.ticks)
        counts = rows.update_counts()
    finally:
        rows.close()
    found = [latency_row(scale, samples) for scale, samples in latencies.items()]
    found.append(growth_row(latencies))
    found.extend(counts_rows(counts, rows.categories))
    return found


def latency_row(scale: int, samples: list[float]) -> Row:
    """p50 and p99 of one catalogue size, against its p99 budget where it has one."""
    p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
    budget = TICK_P99_BUDGET_MS.get(scale)
    return Row(
        key=f"tick_latency_x{scale}",
        figure=f"Tick to updated and painted, catalogue x{scale}",
        measured=f"p50 {p50:.2f} ms, p99 {p99:.2f} ms ({len(samples)} ticks)",
        budget=f"p99 <= {budget:g} ms" if budget else "(growth row)",
        result=verdict(p99 <= budget) if budget else "INFO",
        values={"p50_ms": p50, "p99_ms": p99, "ticks": len(samples), "samples_ms": samples},
    )


def growth_row(latencies: dict[int, list[float]]) -> Row:
    """How the median tick grows with the catalogue; linear growth is the budget.

    The exponent k in cost ~ size^k between the smallest and largest size: 1 is linear.
    """
    smallest, largest = min(latencies), max(latencies)
    base = percentile(latencies[smallest], 0.5)
    factors = {
        scale: percentile(samples, 0.5) / base
        for scale, samples in latencies.items()
        if scale != smallest
    }
    size_ratio = largest / smallest
    exponent = math.log(factors[largest]) / math.log(size_ratio) if size_ratio > 1 else 0.0
    return Row(
        key="tick_growth",
        figure="Tick cost growth with catalogue size (median)",
        measured=", ".join(f"x{scale}: {factor:.1f}x" for scale, factor in sorted(factors.items()))
        + f"; exponent {exponent:.2f}",
        budget="no worse than linear (exponent <= 1)",
        result=verdict(exponent <= 1.0),
        values={"factors": {f"x{s}": f for s, f in factors.items()}, "exponent": exponent},
    )


def counts_rows(counts: dict[str, dict[str, int]], categories: int) -> list[Row]:
    """One change, one update: a whole category and select-all against a single scope.

    Exactly one selection listener call and one endpoint-list reset; the scope tree gets at
    most one dataChanged per category plus one for the category rows (never one per scope);
    and no pane paints more often than for a single scope.
    """
    single = counts[SINGLE_SCOPE]
    found = []
    for key, change, figure, note in COUNTED_CHANGES:
        measured = counts[change]
        passed = (
            measured["selection_listener_calls"] == 1
            and measured["endpoint_resets"] == 1
            and measured["scope_tree_dataChanged"] <= categories + 1
            and all(measured[name] <= single[name] for name in single if name.endswith("_paints"))
        )
        found.append(
            Row(
                key=key,
                figure=figure,
                measured=", ".join(f"{name} {value}" for name, value in measured.items()),
                budget=(
                    "1 listener call, 1 reset, <= 1 tree signal per category + 1, "
                    "no more paints than for one scope"
                ),
                result=verdict(passed),
                values={
                    "counts": measured,
                    "single_scope_counts": single,
                    "categories": categories,
                },
                note=note,
            )
        )
    return found


# --- the frozen bundle -----------------------------------------------------------------------


def packaging_build() -> Any:
    """packaging/build.py as a module, for its bundle names and its size measure."""
    sys.path.insert(0, str(PACKAGING_BUILD.parent))  # build.py imports icons.py beside it
    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING_BUILD)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def frozen_rows(settings: Settings, scratch: Path, freeze: bool) -> list[Row]:
    """Size and cold start of the one-folder PyInstaller bundle, next to a bare PySide6 window
    frozen by the same spec (packaging/build.py builds both, into the scratch folder).

    Neither frozen program prints anything when painted, so both are timed to their complete
    window from the flushes Qt logs when its painting log is on, as the unfrozen ones are.
    """
    note = ""
    if not PACKAGING_BUILD.exists():
        note = "not built: packaging/build.py is not in this checkout"
    elif not freeze:
        note = "not built: --quick and --no-frozen skip freezing (about a minute)"
    elif importlib.util.find_spec("PyInstaller") is None:
        note = "not built: PyInstaller is not installed (pip install -e '.[dev]')"
    if note:
        return [
            Row("frozen_size", FROZEN_SIZE, "-", "-", SKIP, note=note),
            Row("frozen_cold_start", FROZEN_COLD_START, "-", "-", SKIP, note=note),
        ]
    build = packaging_build()
    dist, work = scratch / "dist", scratch / "work"
    built = subprocess.run(
        [sys.executable, str(PACKAGING_BUILD), "--dist-dir", str(dist), "--work-dir", str(work)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        raise BenchmarkError(f"packaging/build.py failed: {built.stderr[-2000:]}")
    release = f"{build.EXECUTABLE}-{build.project_version()}-linux-{platform.machine()}"
    bundles = {
        APP: dist / release / "lib" / build.EXECUTABLE,
        BARE: work / "baseline-dist-one-folder" / build.BASELINE_EXECUTABLE,
    }
    commands = {kind: [str(bundles[kind] / bundles[kind].name)] for kind in bundles}
    sizes = {kind: build.BuildResult(kind, path, 0.0).size() for kind, path in bundles.items()}
    app_bytes, app_files = sizes[APP]
    bare_bytes, bare_files = sizes[BARE]
    launches = interleaved(commands, settings.cold_runs, child_env(scratch), settings.seed)
    return [
        Row(
            key="frozen_size",
            figure=FROZEN_SIZE,
            measured=(
                f"{app_bytes / 2**20:.1f} MiB, {app_files} files vs bare "
                f"{bare_bytes / 2**20:.1f} MiB, {bare_files} files = "
                f"{app_bytes / bare_bytes:.2f}x"
            ),
            budget="(reported)",
            result="INFO",
            values={
                "app_bytes": app_bytes,
                "app_files": app_files,
                "bare_bytes": bare_bytes,
                "bare_files": bare_files,
            },
        ),
        ratio_row(
            "frozen_cold_start",
            FROZEN_COLD_START,
            {name: [run.complete_s * 1000 for run in runs] for name, runs in launches.items()},
            "ms",
            BARE,
            budget=COMPLETE_WINDOW_BUDGET,
        ),
    ]


# --- output ---------------------------------------------------------------------------------


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, for the terminal and the README alike."""
    lines = ["| figure | measured | budget | result |", "| --- | --- | --- | --- |"]
    for row in rows:
        measured = f"{row.measured} ({row.note})" if row.note else row.measured
        lines.append(f"| {row.figure} | {measured} | {row.budget} | {row.result} |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    from PySide6 import __version__ as pyside_version

    return {
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "qt_qpa_platform": os.environ["QT_QPA_PLATFORM"],
    }


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny counts: checks the command")
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"default: {DEFAULT_JSON.name} here"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the random ticks")
    parser.add_argument(
        "--no-frozen", action="store_true", help="skip freezing and timing the standalone bundle"
    )
    parser.add_argument(
        "--runs", type=int, help="interleaved rounds of cold starts (default 25, quick 2)"
    )
    parser.add_argument("--ticks", type=int, help="ticks per catalogue (default 300, quick 6)")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    """Measure, print the table, write the JSON; 1 when a budget fails."""
    args = parse_args(argv)
    settings = Settings(
        cold_runs=args.runs or (2 if args.quick else 25),
        ticks=args.ticks or (6 if args.quick else 300),
        seed=args.seed,
    )
    try:
        with tempfile.TemporaryDirectory(prefix="scope-picker-bench-") as scratch:
            rows = cold_start_rows(settings, Path(scratch))
            rows += tick_rows(settings)
            freeze = not (args.quick or args.no_frozen)
            rows += frozen_rows(settings, Path(scratch), freeze)
    except (BenchmarkError, PaintTimeoutError) as error:
        print(f"bench.py: error: {error}", file=sys.stderr)
        return 2
    print(table(rows))
    passed = all(row.result != FAIL for row in rows)
    document = {
        "command": " ".join(["tests/benchmarks/bench.py", *argv]),
        "quick": args.quick,
        "settings": asdict(settings),
        "machine": machine(),
        "passed": passed,
        "rows": [asdict(row) for row in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\n{'all budgets hold' if passed else 'a budget FAILED'}; JSON: {args.json}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
