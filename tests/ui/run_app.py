"""Start ``app_driver.py`` in a child process with its own settings and read its report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).with_name("app_driver.py")
TIMEOUT_S = 120


def run_app(
    scenario: str,
    home: Path,
    *,
    python_path: Path | None = None,
    prefix: Sequence[str] = (),
    platform: str | None = None,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """Run a driver scenario; settings live under ``home``, never the user's own.

    The child inherits the Qt platform (offscreen, or xcb on Xvfb). ``python_path`` puts a
    copy of the package ahead of the installed one; ``prefix`` wraps the command (strace);
    ``platform`` replaces ``QT_QPA_PLATFORM`` (an offscreen screen of another size, say).
    """
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), PYTHONDONTWRITEBYTECODE="1")
    if python_path is not None:
        env["PYTHONPATH"] = str(python_path)
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    result = subprocess.run(
        [*prefix, sys.executable, str(DRIVER), scenario],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    assert lines, f"no report; exit {result.returncode}; stderr:\n{result.stderr}"
    return result, json.loads(lines[-1])
