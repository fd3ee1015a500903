"""The wheel from ``python -m build``, installed into a fresh virtual environment, runs the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from built_apps import ROOT, expected_smoke_report, project_version, smoke_report

from scope_picker.core.catalogue import Catalogue

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX virtualenv's bin/"),
]

RESOURCE_FILES = ("catalogue.json", "scope-picker.svg")


@pytest.fixture(scope="module")
def dist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the sdist and, from it, the wheel, as a release would."""
    out_dir = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", f"--outdir={out_dir}", str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out_dir


@pytest.fixture(scope="module")
def wheel(dist_dir: Path) -> Path:
    wheels = list(dist_dir.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_and_sdist_pass_twine_check(dist_dir: Path) -> None:
    """What PyPI would refuse (a README that does not render, bad metadata) fails here."""
    archives = sorted(str(path) for path in dist_dir.iterdir())
    assert sorted(Path(path).suffix for path in archives) == [".gz", ".whl"]
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *archives],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_installed_wheel_gives_both_commands(installed_venv: Path, tmp_path: Path) -> None:
    """As ``pipx install`` of the wheel would: the window's launcher and the CLI, same release."""
    for command in ("scope-picker", "spotify-scope-picker"):
        assert (installed_venv / "bin" / command).is_file()
    result = run_installed([str(installed_venv / "bin" / "scope-picker"), "--version"], tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        f"scope-picker {project_version()} (Scope Picker)\n",
    )


@pytest.fixture(scope="module")
def installed_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel and its dependencies installed, nothing else."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return venv


def run_installed(
    command: list[str], cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command from the installed environment, away from the checkout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
    env.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def test_wheel_ships_resources_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"scope_picker/resources/{name}" for name in (*RESOURCE_FILES, "__init__.py")}
    assert expected <= names
    assert wheel.name == f"spotify_scope_picker-{project_version()}-py3-none-any.whl"


def test_installed_package_finds_its_resources(installed_venv: Path, tmp_path: Path) -> None:
    script = (
        "from scope_picker.core.resources import resource\n"
        f"for name in {RESOURCE_FILES!r}:\n"
        "    print(resource(name))\n"
    )
    result = run_installed([str(installed_venv / "bin" / "python"), "-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert [path.name for path in paths] == list(RESOURCE_FILES)
    for path in paths:
        assert path.is_relative_to(installed_venv), path
        assert path.is_file()


@pytest.mark.parametrize(
    "command",
    [["bin/python", "-m", "scope_picker"], ["bin/spotify-scope-picker"]],
    ids=["python -m scope_picker", "spotify-scope-picker script"],
)
def test_installed_app_runs_its_smoke_test(
    installed_venv: Path,
    catalogue: Catalogue,
    system_ca_certificates: int,
    tmp_path: Path,
    command: list[str],
) -> None:
    executable, *args = command
    result = run_installed(
        [str(installed_venv / executable), *args, "--smoke-test"], tmp_path, {"LANG": "C.UTF-8"}
    )
    assert smoke_report(result) == expected_smoke_report(catalogue, system_ca_certificates)


def test_installed_console_command_loads_the_catalogue(
    installed_venv: Path, tmp_path: Path
) -> None:
    result = run_installed(
        [str(installed_venv / "bin" / "scope-picker"), "list", "--json"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["command"] == "list"
    categories = document["categories"]
    assert categories
    assert all(category["scopes"] for category in categories)
