"""Which test runs which line of the core: the map mutate.py uses to pick a mutant's tests.

Runs the given test files once under coverage, recording each line of
``gui/scope_picker/core/`` against the test whose call phase ran it; a line run anywhere else
(while the tests are collected, or in a fixture's set-up) is recorded against ``""``, which
mutate.py reads as "every test may depend on this". Writes one JSON object to the output file:
``{absolute source path: {line: [test node ids]}}``.

Run by mutate.py in its own process (Hypothesis on the ``ci`` profile, as the mutants' runs)::

    python tests/mutation/coverage_map.py OUT.json tests/core/test_search.py ...
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import coverage
import pytest


class _TestContexts:
    """A pytest plugin that names coverage's dynamic context after the running test's call."""

    def __init__(self, measuring: coverage.Coverage) -> None:
        self._measuring = measuring

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        self._measuring.switch_context(item.nodeid)
        yield
        self._measuring.switch_context("")


def main(argv: list[str]) -> int:
    out, *tests = argv
    measuring = coverage.Coverage(data_file=None, source_pkgs=["scope_picker.core"])
    measuring.start()
    try:
        code = pytest.main(
            ["-q", "-p", "no:cacheprovider", "-m", "not gui and not slow", *tests],
            plugins=[_TestContexts(measuring)],
        )
    finally:
        measuring.stop()
    data = measuring.get_data()
    found: dict[str, dict[int, list[str]]] = {}
    for filename in data.measured_files():
        by_line = data.contexts_by_lineno(filename)
        found[str(Path(filename).resolve())] = {line: sorted(c) for line, c in by_line.items()}
    Path(out).write_text(json.dumps(found), encoding="utf-8")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
