"""How the benchmarks start a program as a user would, and tell when its window is painted
without changing the program: Qt's painting log, switched on from the environment, names each
flush to the screen."""

import os
import re
from pathlib import Path

QT_PAINTING_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true"}
"""Switched on, Qt's painting log tells when a window is first flushed to the screen."""

QUIET_AFTER_PAINT_S = 0.150
"""A window is complete at its last flush before this long without another one."""

_FULL_FLUSH = re.compile(r"Flushing QRegion\(0,0 (\d+)x(\d+)\) of ")


def is_flush(line: str) -> bool:
    """A painting log line for a flush of a window to the screen; the first comes after every
    widget in the window has painted. Any Qt widgets program writes them, frozen or not,
    changed in no way."""
    return line.startswith("qt.widgets.painting: Flushing") and "to QWidget" in line


def flushed_window_size(line: str) -> tuple[int, int] | None:
    """Width and height of a flush line that covers its whole window from the corner (a
    window's first flush does); None for any other line."""
    found = _FULL_FLUSH.search(line) if is_flush(line) else None
    return (int(found[1]), int(found[2])) if found else None


def child_env(scratch: Path) -> dict[str, str]:
    """The environment of measured children, as an installed app starts.

    Settings live in an empty folder, like a first run. Bytecode is cached (in the scratch
    folder, not the checkout) even where PYTHONDONTWRITEBYTECODE is set: pip compiles an
    installed app's modules, so recompiling them on every start would not be a real start.
    """
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(scratch / "config")
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
