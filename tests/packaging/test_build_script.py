"""packaging/build.py runs what it built and refuses to pack a bundle that cannot start."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from built_apps import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX virtualenv's bin/"),
]

SOURCE_PARTS = ("pyproject.toml", "README.md", "LICENSE", "gui", "resources", "packaging")


@pytest.fixture(scope="module")
def plain_editable_checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project installed by a plain ``pip install -e .`` (no strict mode).

    The new environment sees this environment's packages (PySide6, PyInstaller) through a .pth
    line, but not its own strict editable install of the app, whose link tree a .pth file of
    that folder adds (a folder named in a .pth line has its .pth files ignored).
    """
    base = tmp_path_factory.mktemp("plain-editable")
    source = base / "source"
    source.mkdir()
    for part in SOURCE_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(
                ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copyfile(ROOT / part, source / part)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = sysconfig.get_path("purelib")
    (Path(site_packages) / "borrowed.pth").write_text(f"{ours}\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return source, python


def test_build_from_a_plain_editable_install_fails_naming_the_cause(
    plain_editable_checkout: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 14: the bundle died with ModuleNotFoundError while the build printed its size."""
    source, python = plain_editable_checkout
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [
            str(python),
            str(source / "packaging" / "build.py"),
            "--no-baseline",
            f"--dist-dir={tmp_path / 'dist'}",
            f"--work-dir={tmp_path / 'work'}",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    assert "--smoke-test failed" in result.stderr
    assert "No module named 'scope_picker" in result.stderr
    assert "editable_mode=strict" in result.stderr
    assert "| Scope Picker |" not in result.stdout  # no size reported as if all went well
    assert list((tmp_path / "dist").glob("*.tar.gz")) == []
