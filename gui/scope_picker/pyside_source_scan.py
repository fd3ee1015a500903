"""Imported by ``scope_picker.app`` right after PySide6 and before the app's own modules: makes
PySide6's import hook look for "PySide6" in a module's file without keeping its source.

PySide6 (6.11) replaces ``__import__``; after every import it asks whether the new module's
source contains "PySide6" (to know which modules its ``__feature__`` switches may apply to).
It asks through ``inspect.getsource``, which tokenizes the file and keeps every line in
``linecache`` for the life of the process: for the app's start, about 60 modules, 2.2 MiB of
peak memory and a few milliseconds (tests/benchmarks/bench.py; the README's "Performance").
Reading the file's bytes answers the same question. The hook's function is a PySide6
internal: when it is not there (another PySide6 version), nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _source_names_pyside(module: ModuleType) -> bool:
    """Whether the module's source file mentions PySide6; False when it has none to read."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled or bytecode only: inspect.getsource finds none either
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


_feature = sys.modules.get("shibokensupport.feature")
if _feature is not None and hasattr(_feature, "_mod_uses_pyside"):
    _feature._mod_uses_pyside = _source_names_pyside  # type: ignore[attr-defined]
