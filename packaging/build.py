"""Build the standalone Scope Picker for this platform, start what was built, and pack it.

    python packaging/build.py [--onefile] [--no-baseline] [--dist-dir DIR] [--work-dir DIR]

Freezes packaging/scope-picker.spec (the window's launcher and the ``scope-picker`` command in
one bundle), then runs the result as a user would: the window with ``--smoke-test``
(offscreen), and ``scope-picker --version`` and ``list --json``. A bundle that does not start
stops the build with the error and its likely cause; nothing is packed. Then it writes
``dist/spotify-scope-picker-<version>-<os>-<arch>.tar.gz`` (``.zip`` on Windows), which unpacks
to one folder:

    spotify-scope-picker-<version>-<os>-<arch>/
        LICENSE                           Scope Picker's own licence (MIT)
        licenses/                         every bundled component's licence, README.txt indexes
        Linux:   bin/spotify-scope-picker, bin/scope-picker    symlinks into lib/
                 lib/spotify-scope-picker/                     the PyInstaller bundle
                 share/applications/<app id>.desktop, share/metainfo/<app id>.metainfo.xml,
                 share/icons/hicolor/<n>x<n>/apps/<app id>.png, scalable/apps/<app id>.svg
        Windows: spotify-scope-picker/spotify-scope-picker.exe, scope-picker.exe, _internal/
        macOS:   Scope Picker.app  (both executables in Contents/MacOS)

On Linux, copying the tree's bin/, lib/ and share/ into ~/.local (or /usr/local) installs the
app and its menu entry. The metainfo's release is written from pyproject.toml's version and
the catalogue's version (its date). Last, the bundle's size and file count are printed next to
those of a bare PySide6 window frozen by the same spec in the same mode (--no-baseline skips
that second build).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from icons import IconRenderer

from scope_picker import APP_ID, APP_NAME
from scope_picker.core.catalogue import load_catalogue
from scope_picker.core.third_party import LICENCES_DIR_NAME

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "scope-picker.spec"
LINUX_DIR = ROOT / "packaging" / "linux"
METAINFO_TEMPLATE = LINUX_DIR / f"{APP_ID}.metainfo.xml.in"
GUI_NAME = "spotify-scope-picker"  # the names scope-picker.spec gives the executables
CLI_NAME = "scope-picker"
BASELINE_NAME = "bare-window"
if sys.platform == "win32":
    TARGET = "windows"
elif sys.platform == "darwin":
    TARGET = "macos"
else:
    TARGET = "linux"
EXE_SUFFIX = ".exe" if TARGET == "windows" else ""
SMOKE_TIMEOUT = 120

EDITABLE_CAUSE = (
    "likely cause: the project is installed in editable mode without "
    "`--config-settings editable_mode=strict`. A plain `pip install -e .` serves the "
    "scope_picker package through an import hook PyInstaller cannot follow, so the bundle lacks "
    "the app's modules. Reinstall with `pip install -e '.[dev]' --config-settings "
    "editable_mode=strict` (or from a wheel) and build again."
)
LIKELY_CAUSES = (
    ("No module named 'scope_picker", EDITABLE_CAUSE),
    (
        "No module named 'PySide6",
        "likely cause: the app imports a Qt module the spec excludes; add it to "
        "USED_QT_MODULES in packaging/scope-picker.spec.",
    ),
    (
        "Qt platform plugin",
        "likely cause: a Qt platform plugin or a system library it needs is missing from the "
        "bundle (install the xcb libraries .ci/run lists before building); run the executable "
        "with QT_DEBUG_PLUGINS=1 to see which.",
    ),
    (
        "ca_certificates",
        "likely cause: the bundle's OpenSSL finds no CA certificates; see "
        "packaging/runtime_hooks/ca_certificates.py.",
    ),
)


class SmokeTestError(Exception):
    """What was built does not start or does not answer as it should."""


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


def release_date() -> str:
    """The release's date: the catalogue's version, ``YYYY.MM.DD``, as ISO ``YYYY-MM-DD``.

    A release ships the catalogue captured that day, so its date and the data it reports in
    Help > About are one and the same.
    """
    return load_catalogue().version.replace(".", "-")


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


def clean_environment(home: Path) -> dict[str, str]:
    """An environment as bare as a desktop launcher's: no PYTHONPATH, no virtualenv, offscreen."""
    kept = ("PATH", "SYSTEMROOT", "TEMP", "TMP")  # Windows cannot start a process without these
    env = {name: os.environ[name] for name in kept if name in os.environ}
    env.update(HOME=str(home), LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return env


def run_built(command: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """Run a built executable from a folder of its own, in a clean environment."""
    return subprocess.run(
        command,
        cwd=home,
        env=clean_environment(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=SMOKE_TIMEOUT,
    )


def explain_failure(what: str, result: subprocess.CompletedProcess[str]) -> SmokeTestError:
    """The error for a run that failed: its output, then the likely cause when one is known."""
    output = (result.stderr + result.stdout).strip()
    causes = [cause for symptom, cause in LIKELY_CAUSES if symptom in output]
    lines = [f"{what} failed (exit code {result.returncode}):", output[-3000:] or "(no output)"]
    lines += causes or ["run it by hand to see why; nothing was packed."]
    return SmokeTestError("\n".join(lines))


def smoke_test(gui: Path, cli: Path, version: str) -> None:
    """Start the window offscreen and run the CLI; raise SmokeTestError if either misbehaves."""
    with tempfile.TemporaryDirectory(prefix="scope-picker-smoke-") as folder:
        home = Path(folder)
        result = run_built([str(gui), "--smoke-test"], home)
        try:
            report = json.loads(result.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            report = None
        if result.returncode != 0 or not isinstance(report, dict):
            raise explain_failure(f"{gui.name} --smoke-test", result)
        if not report.get("visible") or not report.get("ca_certificates"):
            raise SmokeTestError(
                f"{gui.name} --smoke-test reported {report}: the window must be visible and "
                "ca_certificates above 0.\n" + dict(LIKELY_CAUSES)["ca_certificates"]
            )
        result = run_built([str(cli), "--version"], home)
        if result.returncode != 0 or version not in result.stdout:
            raise explain_failure(f"{cli.name} --version (expected {version})", result)
        result = run_built([str(cli), "list", "--json"], home)
        try:
            listed = json.loads(result.stdout).get("command")
        except ValueError:
            listed = None
        if result.returncode != 0 or listed != "list":
            raise explain_failure(f"{cli.name} list --json", result)


def write_metainfo(target: Path, version: str, date: str) -> None:
    """Fill the metainfo template's release from the project's version and release date."""
    text = METAINFO_TEMPLATE.read_text(encoding="utf-8")
    target.write_text(text.replace("@VERSION@", version).replace("@DATE@", date), "utf-8")


def install_desktop_files(prefix: Path, renderer: IconRenderer, version: str) -> None:
    """Lay out the .desktop entry, AppStream metainfo and hicolor icons under ``prefix/share``."""
    share = prefix / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(LINUX_DIR / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    write_metainfo(share / "metainfo" / f"{APP_ID}.metainfo.xml", version, release_date())
    renderer.write_hicolor(share / "icons", APP_ID)


def add_licences(release_dir: Path, licences: Path) -> None:
    """Put the app's LICENSE and every bundled component's licence at the top of the release."""
    shutil.copyfile(ROOT / "LICENSE", release_dir / "LICENSE")
    shutil.copytree(licences, release_dir / LICENCES_DIR_NAME)


def pack(release_dir: Path) -> Path:
    """Write the release folder to a .tar.gz (symlinks kept), or a .zip on Windows."""
    if TARGET == "windows":
        archive = release_dir.with_name(f"{release_dir.name}.zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(release_dir.rglob("*")):
                zipped.write(path, path.relative_to(release_dir.parent))
        return archive
    archive = release_dir.with_name(f"{release_dir.name}.tar.gz")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(release_dir, arcname=release_dir.name)
    return archive


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
        "--onefile", action="store_true", help="freeze to one self-unpacking executable each"
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


@dataclass(frozen=True)
class Frozen:
    """Where one freeze put the bundle, its licences and its two executables."""

    bundle: Path  # the folder (or, single-file, the window's executable) BuildResult measures
    licences: Path  # the licences the spec wrote for it
    gui: Path
    cli: Path
    seconds: float


def build_release(args: argparse.Namespace, release_dir: Path, work_dir: Path) -> Frozen:
    """Freeze into ``release_dir`` in this platform's layout (see the module's docstring)."""
    mode = "single-file" if args.onefile else "one-folder"
    spec_work_dir = work_dir / f"app-{mode}"
    # The spec writes the licences into PyInstaller's work folder for the spec, then bundles them.
    licences = spec_work_dir / SPEC.stem / LICENCES_DIR_NAME
    mode_args = ["--onefile"] if args.onefile else []
    if TARGET == "linux":
        lib = release_dir / "lib"
        seconds = freeze(spec_work_dir, lib, mode_args)
        folder = lib if args.onefile else lib / GUI_NAME
        gui, cli = folder / GUI_NAME, folder / CLI_NAME
        (release_dir / "bin").mkdir()
        for executable in (gui, cli):
            link = release_dir / "bin" / executable.name
            link.symlink_to(os.path.relpath(executable, link.parent))
        return Frozen(lib / GUI_NAME, licences, gui, cli, seconds)
    frozen = work_dir / f"dist-{mode}"
    shutil.rmtree(frozen, ignore_errors=True)
    seconds = freeze(spec_work_dir, frozen, mode_args)
    release_dir.mkdir(parents=True)
    if TARGET == "macos" and not args.onefile:
        bundle = release_dir / f"{APP_NAME}.app"
        shutil.move(frozen / bundle.name, bundle)
        macos = bundle / "Contents" / "MacOS"
        return Frozen(bundle, licences, macos / GUI_NAME, macos / CLI_NAME, seconds)
    if args.onefile:
        for name in (GUI_NAME, CLI_NAME):
            shutil.move(frozen / f"{name}{EXE_SUFFIX}", release_dir / f"{name}{EXE_SUFFIX}")
        folder = release_dir
    else:
        folder = release_dir / GUI_NAME
        shutil.move(frozen / GUI_NAME, folder)
    gui, cli = folder / f"{GUI_NAME}{EXE_SUFFIX}", folder / f"{CLI_NAME}{EXE_SUFFIX}"
    return Frozen(gui if args.onefile else folder, licences, gui, cli, seconds)


def main(argv: list[str]) -> int:
    """Build, smoke-test, pack and measure; return the exit code."""
    args = parse_args(argv)
    mode = "single-file" if args.onefile else "one-folder"
    version = project_version()
    arch = platform.machine().lower().replace("amd64", "x86_64")
    release = f"{GUI_NAME}-{version}-{TARGET}-{arch}"
    release_dir = args.dist_dir.resolve() / release
    work_dir = args.work_dir.resolve()
    shutil.rmtree(release_dir, ignore_errors=True)

    try:
        frozen = build_release(args, release_dir, work_dir)
    except subprocess.CalledProcessError:
        print("build.py: PyInstaller failed (see above); nothing was packed.", file=sys.stderr)
        return 1
    try:
        smoke_test(frozen.gui, frozen.cli, version)
    except SmokeTestError as error:
        print(f"build.py: the bundle in {frozen.bundle} does not work.\n{error}", file=sys.stderr)
        return 1
    add_licences(release_dir, frozen.licences)
    if TARGET == "linux":
        install_desktop_files(release_dir, IconRenderer(), version)
    archive = pack(release_dir)

    results = [BuildResult(APP_NAME, frozen.bundle, frozen.seconds)]
    if not args.no_baseline:
        baseline_dist = work_dir / f"baseline-dist-{mode}"
        baseline_args = ["--onefile", "--baseline"] if args.onefile else ["--baseline"]
        seconds = freeze(work_dir / f"baseline-{mode}", baseline_dist, baseline_args)
        results.append(BuildResult("bare PySide6 window", baseline_dist / BASELINE_NAME, seconds))
    print(report(results, mode, archive))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
