"""The core stays free of Qt, so it runs and is tested without a display."""

import pkgutil
import subprocess
import sys

import scope_picker.core


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        info.name
        for info in pkgutil.walk_packages(scope_picker.core.__path__, "scope_picker.core.")
    ]
    assert modules, "the core package has no modules"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
