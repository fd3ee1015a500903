"""What the packaging tests share: the standalone build and the app's smoke-test report.

packaging/build.py runs as a developer would run it (without the bare-window comparison, which
only measures) into a temporary folder; the archive is then unpacked somewhere else, so the tests
exercise what a user downloads rather than PyInstaller's output folder.
"""

from __future__ import annotations

import configparser
import json
import os
import platform
import subprocess
import sys
import tarfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scope_picker import APP_ID
from scope_picker.core.catalogue import Catalogue

ROOT = Path(__file__).resolve().parents[2]
EXECUTABLE = "spotify-scope-picker"
CLI_EXECUTABLE = "scope-picker"
# Offscreen Qt says this once per shown window; nothing else may reach stderr.
HARMLESS_STDERR = {"This plugin does not support propagateSizeHints()"}


def project_version() -> str:
    """The version pyproject.toml declares."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        version: str = tomllib.load(file)["project"]["version"]
    return version


@dataclass(frozen=True)
class StandaloneBuild:
    """Where one build put its archive and work files, and where the tests unpacked it."""

    archive: Path
    work_dir: Path
    prefix: Path  # the unpacked release folder: bin/, lib/, share/
    report: str  # what build.py printed on stdout

    @property
    def executable(self) -> Path:
        """``bin/spotify-scope-picker``, the symlink a user puts on PATH."""
        return self.prefix / "bin" / EXECUTABLE

    @property
    def cli(self) -> Path:
        """``bin/scope-picker``, the command line beside it."""
        return self.prefix / "bin" / CLI_EXECUTABLE

    @property
    def internal(self) -> Path:
        """The bundle's contents folder, shared by both executables."""
        return self.bundle / "_internal"

    @property
    def bundle(self) -> Path:
        """The one-folder PyInstaller bundle."""
        return self.prefix / "lib" / EXECUTABLE


def build_standalone(build_dir: Path, unpack_dir: Path) -> StandaloneBuild:
    """Run packaging/build.py into ``build_dir`` and unpack its one archive into ``unpack_dir``."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--no-baseline",
            f"--dist-dir={build_dir / 'dist'}",
            f"--work-dir={build_dir / 'work'}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    archives = list((build_dir / "dist").glob("*.tar.gz"))
    assert len(archives) == 1, archives
    with tarfile.open(archives[0]) as tar:
        tar.extractall(unpack_dir, filter="tar")
    release = f"{EXECUTABLE}-{project_version()}-linux-{platform.machine()}"
    return StandaloneBuild(archives[0], build_dir / "work", unpack_dir / release, result.stdout)


def desktop_entry(build: StandaloneBuild) -> configparser.SectionProxy:
    """The [Desktop Entry] group of the shipped .desktop file, keys case kept."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(build.prefix / "share" / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def clean_environment(home: Path, platform_name: str = "offscreen") -> dict[str, str]:
    """An environment as bare as a desktop launcher's: no virtualenv, no SSL_CERT_FILE."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",  # without it Python warns about a non-UTF-8 locale
        "QT_QPA_PLATFORM": platform_name,
    }


def smoke_report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """Check a clean exit and a quiet stderr; return the one JSON line the app printed."""
    assert result.returncode == 0, result.stderr
    unexpected = [line for line in result.stderr.splitlines() if line not in HARMLESS_STDERR]
    assert unexpected == []
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    report: dict[str, Any] = json.loads(lines[0])
    return report


def expected_smoke_report(catalogue: Catalogue, ca_certificates: int) -> dict[str, Any]:
    """The whole ``--smoke-test`` report: the window shown, the checkout's catalogue loaded,
    and HTTPS trusting the system's CA certificates."""
    return {
        "window_title": "Scope Picker",
        "visible": True,
        "scopes": 25,
        "endpoints": len(catalogue.endpoints),
        "ca_certificates": ca_certificates,
    }
