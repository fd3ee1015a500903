"""The benchmark command runs and reports every row; its figures are judged by hand, not here."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent / "benchmarks" / "bench.py"
ROWS = {
    "complete_window",
    "complete_window_vs_widgets_only",
    "first_flush",
    "complete_window_widgets_only",
    "cpu_time",
    "cpu_time_vs_widgets_only",
    "peak_memory",
    "peak_memory_vs_sized_bare",
    "peak_memory_widgets_only",
    "tick_latency_x1",
    "tick_latency_x10",
    "tick_latency_x100",
    "tick_growth",
    "updates_whole_category",
    "updates_select_all",
    "frozen_size",
    "frozen_cold_start",
}
EXIT_ALL_PASS, EXIT_BUDGET_FAILED = 0, 1


def test_quick_run_prints_and_writes_every_row(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    finished = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--json", str(results)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # A budget may fail on a loaded machine with quick counts; anything else is a broken command.
    assert finished.returncode in (EXIT_ALL_PASS, EXIT_BUDGET_FAILED), finished.stderr
    document = json.loads(results.read_text(encoding="utf-8"))
    rows = {row["key"]: row for row in document["rows"]}
    assert set(rows) == ROWS
    assert document["quick"] is True
    assert document["passed"] is (finished.returncode == EXIT_ALL_PASS)
    for row in rows.values():
        assert row["result"] in {"PASS", "FAIL", "SKIP", "INFO"}
        assert row["figure"] in finished.stdout
    assert rows["complete_window"]["values"]["runs_each"] == 2
    assert len(rows["complete_window_widgets_only"]["values"]["samples"]) == 2
    # Each child's own peak: a peak that started from the parent's size at the fork (the
    # parent imported the app and Qt) would hide the backing store of the larger bare window.
    bare_mib = rows["peak_memory"]["values"]["baseline_median"]
    sized_bare_mib = rows["peak_memory_vs_sized_bare"]["values"]["baseline_median"]
    assert bare_mib < sized_bare_mib < rows["peak_memory"]["values"]["median"]
    assert rows["tick_latency_x1"]["result"] != "SKIP"


PROFILE = BENCH.parent / "startup_profile.py"


def test_startup_profile_splits_one_start_up_to_the_first_flush(tmp_path: Path) -> None:
    phases_file = tmp_path / "phases.json"
    finished = subprocess.run(
        [sys.executable, str(PROFILE), "--json", str(phases_file)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    phases = json.loads(phases_file.read_text(encoding="utf-8"))["phases"]
    assert phases[-1]["name"].endswith("to the first flush")
    for phase in phases:
        assert phase["ms"] > 0, phase
        assert f"| {phase['name']} |" in finished.stdout
    app_imports = next(phase for phase in phases if phase["name"].startswith("import the app"))
    # Blind hooks would count nothing: the app's imports define its domain dataclasses and
    # name Qt classes whose enums PySide6 creates on first use.
    assert app_imports["dataclasses"] > 0
    assert app_imports["enums"] > 0
    assert app_imports["enum_members"] > app_imports["enums"]
