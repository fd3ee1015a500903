"""How the benchmarks start a program as a user would, and tell when its window is painted
without changing the program: Qt's painting log, switched on from the environment, names each
flush to the screen."""

import os
from pathlib import Path

QT_PAINTING_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true"}
"""Switched on, Qt's painting log tells when a window is first flushed to the screen."""


def is_first_flush(line: str) -> bool:
    """The painting log's line for a window's flush to the screen, after every widget in it
    has painted; any Qt widgets program writes it, frozen or not, changed in no way."""
    return line.startswith("qt.widgets.painting: Flushing") and "to QWidget" in line


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
