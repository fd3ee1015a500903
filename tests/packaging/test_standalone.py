"""The standalone app as a user gets it: unpacked from the archive, started from elsewhere."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sysconfig
import time
from pathlib import Path

import pytest
from built_apps import (
    ROOT,
    StandaloneBuild,
    clean_environment,
    desktop_entry,
    expected_smoke_report,
    project_version,
    smoke_report,
)

from scope_picker.core.catalogue import Catalogue

pytestmark = pytest.mark.slow

# What a lean bundle keeps of Qt (see USED_QT_PLUGINS in packaging/scope-picker.spec).
EXPECTED_QT_PLUGINS = {
    "iconengines/libqsvgicon.so",
    "imageformats/libqsvg.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "platforms/libqminimal.so",
    "platforms/libqoffscreen.so",
    "platforms/libqxcb.so",
}
EXPECTED_QT_LIBRARIES = {
    "libQt6Core.so.6",
    "libQt6DBus.so.6",
    "libQt6Gui.so.6",
    "libQt6Svg.so.6",
    "libQt6Widgets.so.6",
    "libQt6XcbQpa.so.6",
}


def run_smoke_test(
    command: list[str], platform_name: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Start the app with ``--smoke-test`` in an environment as bare as a desktop launcher's."""
    return subprocess.run(
        [*command, "--smoke-test"],
        cwd=cwd,
        env=clean_environment(cwd, platform_name),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_archive_is_named_for_version_and_architecture(standalone_build: StandaloneBuild) -> None:
    expected = f"spotify-scope-picker-{project_version()}-linux-{platform.machine()}.tar.gz"
    assert standalone_build.archive.name == expected


def test_frozen_app_starts_offscreen_from_another_directory(
    standalone_build: StandaloneBuild,
    catalogue: Catalogue,
    system_ca_certificates: int,
    tmp_path: Path,
) -> None:
    """The report's ca_certificates: Python's ssl in the bundle trusts the system's CAs."""
    result = run_smoke_test([str(standalone_build.executable)], "offscreen", tmp_path)
    assert smoke_report(result) == expected_smoke_report(catalogue, system_ca_certificates)


def test_frozen_app_starts_on_an_x_server(
    standalone_build: StandaloneBuild,
    catalogue: Catalogue,
    system_ca_certificates: int,
    tmp_path: Path,
) -> None:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("xvfb-run is not installed (Debian package xvfb); .ci/run installs it")
    result = run_smoke_test([xvfb_run, "-a", str(standalone_build.executable)], "xcb", tmp_path)
    assert smoke_report(result) == expected_smoke_report(catalogue, system_ca_certificates)


def test_frozen_app_without_a_display_says_so_and_exits_1(
    standalone_build: StandaloneBuild, tmp_path: Path
) -> None:
    result = run_smoke_test([str(standalone_build.executable)], "", tmp_path)
    assert result.returncode == 1, result.stderr  # not Qt's abort (134)
    assert "no display is set" in result.stderr
    assert "Reinstalling the application" not in result.stderr


def test_frozen_app_prints_its_help_without_a_window(
    standalone_build: StandaloneBuild, tmp_path: Path
) -> None:
    result = subprocess.run(
        [str(standalone_build.executable), "--help"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: spotify-scope-picker")


def test_every_bundled_library_resolves(standalone_build: StandaloneBuild) -> None:
    internal = standalone_build.bundle / "_internal"
    libraries = [
        path for path in sorted(internal.rglob("*.so*")) if path.is_file() and not path.is_symlink()
    ]
    assert len(libraries) > 50, libraries
    # The bootloader puts _internal on the library path; ldd gets the same.
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    unresolved = {}
    for library in libraries:
        result = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, env=env, check=True
        )
        missing = [line.strip() for line in result.stdout.splitlines() if "not found" in line]
        if missing:
            unresolved[str(library.relative_to(internal))] = missing
    assert unresolved == {}


def test_bundle_keeps_only_the_qt_the_app_uses(standalone_build: StandaloneBuild) -> None:
    qt_dir = standalone_build.bundle / "_internal" / "PySide6" / "Qt"
    plugins = {
        path.relative_to(qt_dir / "plugins").as_posix()
        for path in (qt_dir / "plugins").rglob("*")
        if path.is_file()
    }
    assert plugins == EXPECTED_QT_PLUGINS
    qt_libraries = {path.name for path in (qt_dir / "lib").glob("libQt6*")}
    assert qt_libraries == EXPECTED_QT_LIBRARIES
    assert not (qt_dir / "translations").exists()


def test_resources_sit_at_their_package_path(standalone_build: StandaloneBuild) -> None:
    bundled = standalone_build.bundle / "_internal" / "scope_picker" / "resources"
    for name in ("catalogue.json", "scope-picker.svg"):
        assert (bundled / name).read_bytes() == (ROOT / "resources" / name).read_bytes()


def test_bundle_carries_the_distribution_metadata(standalone_build: StandaloneBuild) -> None:
    """``scope_picker.__version__`` reads it; without it the app says 0.0.0+unknown."""
    internal = standalone_build.bundle / "_internal"
    metadata = internal / f"spotify_scope_picker-{project_version()}.dist-info" / "METADATA"
    assert f"Version: {project_version()}" in metadata.read_text(encoding="utf-8")


def test_build_reports_the_bundle_size(standalone_build: StandaloneBuild) -> None:
    files = [
        path
        for path in standalone_build.bundle.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    size_mib = sum(path.stat().st_size for path in files) / 2**20
    assert f"| Scope Picker | {size_mib:.1f} MiB | {len(files)} |" in standalone_build.report


def test_no_link_in_the_archive_points_at_nothing(standalone_build: StandaloneBuild) -> None:
    links = [path for path in standalone_build.prefix.rglob("*") if path.is_symlink()]
    # bin/'s two commands, licenses/, and the Qt and PySide6 libraries' links at the top of
    # _internal (where their users look for them).
    assert len(links) > 10, links
    dangling = [
        f"{path.relative_to(standalone_build.prefix)} -> {os.readlink(path)}"
        for path in links
        if not path.exists()
    ]
    assert dangling == []
    outside = [path for path in links if not path.resolve().is_relative_to(standalone_build.prefix)]
    assert outside == []


def test_frozen_cli_reports_its_version_from_a_clean_environment(
    standalone_build: StandaloneBuild, tmp_path: Path
) -> None:
    result = subprocess.run(
        [str(standalone_build.cli), "--version"],
        cwd=tmp_path,
        env=clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"scope-picker {project_version()} (Scope Picker)\n",
        "",
    )


def test_frozen_cli_lists_the_catalogue_like_the_installed_one(
    standalone_build: StandaloneBuild, tmp_path: Path
) -> None:
    frozen = subprocess.run(
        [str(standalone_build.cli), "list", "--endpoints", "--json"],
        cwd=tmp_path,
        env=clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (frozen.returncode, frozen.stderr) == (0, "")
    installed = subprocess.run(
        [
            str(Path(sysconfig.get_path("scripts")) / "scope-picker"),
            "list",
            "--endpoints",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert frozen.stdout == installed.stdout


def test_cli_and_window_share_one_runtime(standalone_build: StandaloneBuild) -> None:
    """One _internal folder beside both executables; the CLI needs no second copy of Python."""
    bundle = standalone_build.bundle
    assert sorted(path.name for path in bundle.iterdir()) == [
        "_internal",
        "scope-picker",
        "spotify-scope-picker",
    ]
    assert len(list(standalone_build.internal.glob("libpython3*.so*"))) == 1


def window_classes(display: str, process: subprocess.Popen[bytes]) -> str:
    """WM_CLASS of the app's top-level window, once it is mapped (waits up to 30 s)."""
    env = dict(os.environ, DISPLAY=display)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        tree = subprocess.run(
            ["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env
        ).stdout
        # Qt also maps a client leader window of the same name, which has no WM_CLASS.
        for line in tree.splitlines():
            if '"Scope Picker"' in line:
                window = line.split()[0]
                classes = subprocess.run(
                    ["xprop", "-id", window, "WM_CLASS"],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                ).stdout
                if classes.startswith("WM_CLASS("):
                    return classes
        time.sleep(0.2)
    raise AssertionError("the app's window never appeared")


def test_window_class_is_the_desktop_entrys_startup_wm_class(
    standalone_build: StandaloneBuild, tmp_path: Path
) -> None:
    """Docks group the running window under the menu entry by this match (X11)."""
    for tool, package in (("Xvfb", "xvfb"), ("xprop", "x11-utils"), ("xwininfo", "x11-utils")):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian package {package}); .ci/run installs it")
    wm_class = desktop_entry(standalone_build)["StartupWMClass"]
    with subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            display = f":{server.stdout.readline().strip()}"
            env = dict(clean_environment(tmp_path, "xcb"), DISPLAY=display)
            with subprocess.Popen([str(standalone_build.executable)], cwd=tmp_path, env=env) as app:
                try:
                    classes = window_classes(display, app)
                finally:
                    app.terminate()
        finally:
            server.terminate()
    # WM_CLASS(STRING) = "<instance>", "<class>": desktops match the class.
    assert classes.strip() == f'WM_CLASS(STRING) = "spotify-scope-picker", "{wm_class}"'
