"""Whether Qt can open a window here, asked before the application is created.

Left to itself, Qt on Linux without a display, or without the X11 libraries its xcb plugin
needs, prints a hint that blames ``libxcb-cursor0`` and aborts (exit 134, a core dump). These
checks say what is wrong in words and how to fix it, so the app can exit 1 instead. They cost
a look at the environment and, for X11, one ``dlopen`` of the plugin Qt loads next anyway;
only when that fails does ``ldd`` run, to name every missing library.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path

DEBIAN_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 "
    "libgl1 libfontconfig1 libdbus-1-3"
)
FEDORA_PACKAGES = (
    "xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil "
    "libxkbcommon-x11 libxcb mesa-libEGL mesa-libGL fontconfig dbus-libs"
)
INSTALL_LINES = (
    f"  Debian, Ubuntu: sudo apt-get install {DEBIAN_PACKAGES}\n"
    f"  Fedora:         sudo dnf install {FEDORA_PACKAGES}"
)
CLI_HINT = "The command-line tool needs neither: scope-picker --help"
_NOT_FOUND = r"^\s*(\S+) => not found"


def chosen_platform(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The Qt platform asked for by ``-platform`` or ``QT_QPA_PLATFORM`` ("" for Qt's pick)."""
    for flag, value in pairwise(argv):
        if flag in ("-platform", "--platform"):
            return value
    return environ.get("QT_QPA_PLATFORM", "")


def display_problem(
    argv: Sequence[str], environ: Mapping[str, str], xcb_plugin: Path | None
) -> str | None:
    """Why Qt could not open a window on this Linux desktop, in words; None when it can.

    Only the desktop platforms are checked: with ``offscreen`` or another platform chosen,
    Qt needs no display. ``xcb_plugin`` is Qt's X11 plugin (None when it is not there to
    check, as on a Qt built without it).
    """
    platform = chosen_platform(argv, environ).split(":")[0]
    if platform not in ("", "xcb", "wayland"):
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    x11 = bool(environ.get("DISPLAY"))
    if not (wayland or x11) or (platform == "xcb" and not x11):
        return (
            "Scope Picker cannot open its window: no display is set "
            f"({'DISPLAY is empty' if platform == 'xcb' else 'neither DISPLAY nor WAYLAND_DISPLAY'}"
            ").\nStart it from a desktop session, or over SSH with X forwarding (ssh -X).\n"
            + CLI_HINT
        )
    uses_xcb = platform == "xcb" or (not platform and not wayland)
    if not uses_xcb or xcb_plugin is None or not xcb_plugin.is_file():
        return None
    # ctypes' own loader, without the 2 ms of importing ctypes: the plugin stays loaded, and
    # Qt's dlopen of it a moment later finds it there.
    from _ctypes import dlopen

    try:
        dlopen(str(xcb_plugin), os.RTLD_NOW)
    except OSError as error:
        missing = missing_libraries(xcb_plugin) or [str(error)]
        return (
            "Scope Picker cannot open its window: Qt's X11 platform plugin cannot load.\n"
            f"Missing: {', '.join(missing)}\n"
            f"Install the libraries Qt needs for X11:\n{INSTALL_LINES}\n" + CLI_HINT
        )
    return None


def missing_libraries(library: Path) -> list[str]:
    """The shared libraries ``library`` needs that the loader cannot find, as ``ldd`` says."""
    import shutil  # deferred, as subprocess: only a failed start gets here
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    result = subprocess.run([ldd, str(library)], capture_output=True, text=True, check=False)
    return list(dict.fromkeys(re.findall(_NOT_FOUND, result.stdout, re.MULTILINE)))


def xcb_plugin_path(environ: Mapping[str, str]) -> Path | None:
    """Where the Qt this app runs on keeps its X11 platform plugin (None off Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    plugin_dir = environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if plugin_dir:
        return Path(plugin_dir) / "libqxcb.so"
    import PySide6  # the package alone: Qt's libraries load with the first Qt module

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def check_display(argv: Sequence[str]) -> str | None:
    """``display_problem`` for this process (nothing to check off Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    return display_problem(argv, os.environ, xcb_plugin_path(os.environ))
