"""A long-lived process that runs core tests against one mutant after another.

``tests/mutation/mutate.py`` starts one per job and sends it a line of JSON per mutant
(``module``, ``file``, ``tests`` and, optionally, ``only``: the node ids of the tests to keep);
it answers one line each: ``{"passed": ..., "failed": ...}``, or ``{"error": ...}`` when a
chosen test was not found. For every mutant it forgets the app's modules and the test modules
it imported, makes the next import of the mutated module read the mutant's file, and runs
pytest in-process, so Python, pytest and Hypothesis start once rather than once per mutant.
The installed package is never modified (a strict editable install's link tree is not the
tool's to rewrite).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


class _MutantFinder(importlib.abc.MetaPathFinder):
    """Finds the mutated module at the mutant's file; leaves every other import alone."""

    def __init__(self, module: str, path: str) -> None:
        self.module = module
        self.path = path

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        del path, target
        if fullname != self.module:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path)


class _Failures:
    """A pytest plugin that notes the first failing test."""

    def __init__(self) -> None:
        self.failed: str | None = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed and self.failed is None:
            self.failed = report.nodeid


def _forget_imports() -> None:
    """Drop the app's modules and the tests' from the import cache: the next run re-imports
    them, the mutated one from the mutant."""
    for name, module in list(sys.modules.items()):
        origin = str(getattr(module, "__file__", "") or "")
        if (
            name == "scope_picker"
            or name.startswith("scope_picker.")
            or origin.startswith(str(TESTS))
        ):
            del sys.modules[name]


class _Only:
    """A pytest plugin that keeps only the named tests (all, when no names are given) and
    counts what it kept, so that a name that no longer matches is an error, not a kill."""

    def __init__(self, names: list[str] | None) -> None:
        self.names = None if names is None else set(names)
        self.kept = 0

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        if self.names is not None:
            items[:] = [item for item in items if item.nodeid in self.names]
        self.kept = len(items)


def run(
    module: str, mutant_file: str, tests: list[str], only: list[str] | None
) -> dict[str, object]:
    _forget_imports()
    finder = _MutantFinder(module, mutant_file)
    sys.meta_path.insert(0, finder)
    failures = _Failures()
    kept = _Only(only)
    try:
        code = pytest.main(
            ["-x", "-q", "-p", "no:cacheprovider", "-m", "not gui and not slow", *tests],
            plugins=[failures, kept],
        )
    finally:
        sys.meta_path.remove(finder)
    if only is not None and kept.kept != len(set(only)):
        return {"error": f"{len(set(only)) - kept.kept} of the chosen tests were not collected"}
    return {"passed": code == pytest.ExitCode.OK, "failed": failures.failed or f"exit {code}"}


def main() -> None:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, sys.stdout.fileno())  # pytest's report is not the answer
    os.dup2(quiet, sys.stderr.fileno())
    for line in sys.stdin:
        job = json.loads(line)
        answer = run(job["module"], job["file"], job["tests"], job.get("only"))
        replies.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
