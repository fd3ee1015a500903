"""Build the standalone Scope Picker for Linux and pack it as a versioned archive.

    python packaging/build.py [--onefile] [--no-baseline] [--dist-dir DIR] [--work-dir DIR]

Writes ``dist/spotify-scope-picker-<version>-linux-<arch>.tar.gz``, which unpacks to a prefix
tree:

    spotify-scope-picker-<version>-linux-<arch>/
        bin/spotify-scope-picker          symlink to the executable below
        lib/spotify-scope-picker/         the PyInstaller bundle (a single file with --onefile)
        share/applications/<app id>.desktop
        share/metainfo/<app id>.metainfo.xml
        share/icons/hicolor/<n>x<n>/apps/<app id>.png, scalable/apps/<app id>.svg

so copying the tree's contents into ~/.local (or /usr/local) installs the app and its menu
entry. The .ico and .icns icons that Windows and macOS builds need are rendered into the work
folder. Then the bundle's size and file count are printed next to those of a bare PySide6
window frozen by the same spec in the same mode (--no-baseline skips that second build).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from icons import IconRenderer

from scope_picker import APP_ID

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "scope-picker.spec"
LINUX_DIR = ROOT / "packaging" / "linux"
EXECUTABLE = "spotify-scope-picker"
BASELINE_EXECUTABLE = "bare-window"  # the name scope-picker.spec gives the --baseline build


@dataclass(frozen=True)
class BuildResult:
    """One frozen bundle, how big it is and how long PyInstaller took."""

    label: str
    path: Path
    seconds: float

    def size(self) -> tuple[int, int]:
        """Return the bytes and the number of regular files (symlinks not counted)."""
        if self.path.is_file():
            return self.path.stat().st_size, 1
        files = [p for p in self.path.rglob("*") if p.is_file() and not p.is_symlink()]
        return sum(p.stat().st_size for p in files), len(files)


def project_version() -> str:
    """Read the version from pyproject.toml, the one place it is kept."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        version: str = tomllib.load(file)["project"]["version"]
    return version


def freeze(work_dir: Path, dist_dir: Path, spec_args: list[str]) -> float:
    """Run PyInstaller on the spec and return how many seconds it took.

    ``-P`` keeps the working directory off ``sys.path``: from a checkout it would offer a stale
    ``*.egg-info`` as the app's metadata.
    """
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist_dir}",
            f"--workpath={work_dir}",
            "--",
            *spec_args,
        ],
        check=True,
    )
    return time.perf_counter() - started


def install_desktop_files(prefix: Path, renderer: IconRenderer) -> None:
    """Lay out the .desktop entry, AppStream metainfo and hicolor icons under ``prefix/share``."""
    share = prefix / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(LINUX_DIR / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    metainfo = f"{APP_ID}.metainfo.xml"
    shutil.copyfile(LINUX_DIR / metainfo, share / "metainfo" / metainfo)
    renderer.write_hicolor(share / "icons", APP_ID)


def pack(prefix: Path, archive: Path) -> None:
    """Write ``prefix`` to a gzip-compressed tar, symlinks kept as symlinks."""
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(prefix, arcname=prefix.name)


def report(results: list[BuildResult], mode: str, archive: Path) -> str:
    """Format the measured bundles as a Markdown table, ready for the README."""
    lines = [
        f"| bundle ({mode}) | size | files | PyInstaller time |",
        "| --- | ---: | ---: | ---: |",
    ]
    for result in results:
        size, files = result.size()
        row = f"| {result.label} | {size / 2**20:.1f} MiB | {files} | {result.seconds:.1f} s |"
        lines.append(row)
    lines.append("")
    lines.append(f"archive: {archive} ({archive.stat().st_size / 2**20:.1f} MiB)")
    return "\n".join(lines)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--onefile", action="store_true", help="freeze to one self-unpacking executable"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip freezing the bare window to compare"
    )
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=ROOT / "build" / "standalone",
        help="default: build/standalone/",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Build, pack and measure; return the exit code."""
    args = parse_args(argv)
    if not sys.platform.startswith("linux"):
        print(
            "build.py packs the Linux archive. On Windows run "
            "`python packaging/icons.py build/icons` and then `pyinstaller "
            "packaging/scope-picker.spec -- --icon build/icons/scope-picker.ico`.",
            file=sys.stderr,
        )
        return 2
    mode = "single-file" if args.onefile else "one-folder"
    mode_args = ["--onefile"] if args.onefile else []
    release = f"{EXECUTABLE}-{project_version()}-linux-{platform.machine()}"
    prefix = args.dist_dir.resolve() / release
    work_dir = args.work_dir.resolve()
    shutil.rmtree(prefix, ignore_errors=True)

    seconds = freeze(work_dir / f"app-{mode}", prefix / "lib", mode_args)
    bundle = prefix / "lib" / EXECUTABLE
    executable = bundle if args.onefile else bundle / EXECUTABLE
    (prefix / "bin").mkdir()
    (prefix / "bin" / EXECUTABLE).symlink_to(os.path.relpath(executable, prefix / "bin"))
    renderer = IconRenderer()
    install_desktop_files(prefix, renderer)
    renderer.write_windows_and_macos_icons(work_dir / "icons")
    archive = prefix.with_name(f"{release}.tar.gz")
    pack(prefix, archive)

    results = [BuildResult("Scope Picker", bundle, seconds)]
    if not args.no_baseline:
        baseline_dist = work_dir / f"baseline-dist-{mode}"
        seconds = freeze(work_dir / f"baseline-{mode}", baseline_dist, [*mode_args, "--baseline"])
        results.append(
            BuildResult("bare PySide6 window", baseline_dist / BASELINE_EXECUTABLE, seconds)
        )
    print(report(results, mode, archive))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
