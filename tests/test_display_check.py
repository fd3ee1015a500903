"""Before Qt starts: no display, or X11 libraries missing, is said in words with the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scope_picker.display_check import (
    DEBIAN_PACKAGES,
    FEDORA_PACKAGES,
    display_problem,
    missing_libraries,
    xcb_plugin_path,
)

XCB_PLUGIN = xcb_plugin_path({})
needs_xcb_plugin = pytest.mark.skipif(
    XCB_PLUGIN is None or not XCB_PLUGIN.is_file(), reason="Qt's xcb plugin is not installed"
)


QT_LIBS = str(XCB_PLUGIN.parents[2] / "lib") if XCB_PLUGIN else ""
"""Where the copy finds Qt's libraries (the plugin finds them relative to its own place)."""


def broken_plugin(tmp_path: Path) -> Path:
    """A copy of the real xcb plugin whose Qt X11 library is renamed to one nowhere to be found."""
    assert XCB_PLUGIN is not None
    data = XCB_PLUGIN.read_bytes()
    assert b"libQt6XcbQpa.so.6" in data
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(data.replace(b"libQt6XcbQpa.so.6", b"libQt6XcbQpZ.so.6"))
    return broken


def test_no_display_is_named() -> None:
    problem = display_problem(["app"], {}, None)
    assert problem is not None
    assert "no display is set (neither DISPLAY nor WAYLAND_DISPLAY)" in problem
    problem = display_problem(["app", "-platform", "xcb"], {"WAYLAND_DISPLAY": "wayland-0"}, None)
    assert problem is not None
    assert "DISPLAY is empty" in problem


def test_platforms_without_a_display_and_wayland_sessions_are_left_to_qt() -> None:
    assert display_problem(["app"], {"QT_QPA_PLATFORM": "offscreen"}, None) is None
    assert display_problem(["app", "-platform", "minimal"], {}, None) is None
    assert display_problem(["app"], {"WAYLAND_DISPLAY": "wayland-0"}, Path("/nope")) is None


@needs_xcb_plugin
def test_a_loadable_plugin_is_no_problem() -> None:
    assert display_problem(["app"], {"DISPLAY": ":0"}, XCB_PLUGIN) is None
    assert XCB_PLUGIN is not None
    assert missing_libraries(XCB_PLUGIN) == []


@needs_xcb_plugin
def test_a_plugin_that_cannot_load_names_what_is_missing_and_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", QT_LIBS)
    problem = display_problem(["app"], {"DISPLAY": ":0"}, broken_plugin(tmp_path))
    assert problem is not None
    assert "Missing: libQt6XcbQpZ.so.6\n" in problem
    assert f"sudo apt-get install {DEBIAN_PACKAGES}" in problem
    assert f"sudo dnf install {FEDORA_PACKAGES}" in problem


def run_app(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from scope_picker.app import main; sys.exit(main(sys.argv))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60
    )


def bare_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return dict(env, XDG_CONFIG_HOME=str(tmp_path), **extra)


@pytest.mark.slow
def test_the_app_without_a_display_says_so_and_exits_1(tmp_path: Path) -> None:
    result = run_app(env=bare_env(tmp_path))
    assert result.returncode == 1, result.stderr
    assert "no display is set" in result.stderr
    assert "Reinstalling the application" not in result.stderr


@pytest.mark.slow
@needs_xcb_plugin
def test_the_app_without_its_x11_libraries_names_them_and_exits_1(tmp_path: Path) -> None:
    plugin_dir = tmp_path / "platforms"
    plugin_dir.mkdir()
    broken_plugin(plugin_dir)
    env = bare_env(
        tmp_path,
        DISPLAY=":424242",
        QT_QPA_PLATFORM_PLUGIN_PATH=str(plugin_dir),
        LD_LIBRARY_PATH=QT_LIBS,
    )
    result = run_app(env=env)
    assert result.returncode == 1, result.stderr  # not 134, Qt's abort with a core dump
    assert "Missing: libQt6XcbQpZ.so.6" in result.stderr
    assert "sudo apt-get install" in result.stderr


@pytest.mark.slow
def test_help_prints_without_a_window_or_a_display(tmp_path: Path) -> None:
    result = run_app("--help", env=bare_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: spotify-scope-picker")
    assert "scope-picker --help" in result.stdout
