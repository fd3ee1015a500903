"""Regression guard for PySide6 6.12.0 on Python 3.11 ("Fatal Python error: none_dealloc").

That pair drops a reference to ``None`` on every Qt call that returns nothing; a few thousand
calls abort the interpreter. pyproject.toml keeps the pair out; this test proves the installed
pair survives far more calls than a user makes in a long session.
"""

import os
import subprocess
import sys

import pytest

CALLS = 20_000

SCRIPT = f"""
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range({CALLS}):
    label.setText(str(i))
    label.setToolTip(str(i))
app.processEvents()
print("survived", label.text())
"""


@pytest.mark.slow
def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"survived {CALLS - 1}"
