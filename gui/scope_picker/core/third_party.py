"""The third-party components the app runs on, and their licences, for Help > About.

A frozen bundle carries every bundled component's licence text in its ``licenses`` folder,
indexed by ``components.json`` (written by packaging/licences.py at build time). Run from a
Python environment instead (a wheel, a checkout), the app runs on the Qt, PySide6 and Python
installed there, whose licences come with them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

QT_NAME = "Qt, PySide6 and Shiboken6"
PYTHON_NAME = "Python"
LICENCES_DIR_NAME = "licenses"
COMPONENTS_FILE = "components.json"


@dataclass(frozen=True)
class Component:
    """One third-party component and its licence (an SPDX expression, or where to read it)."""

    name: str
    licence: str


RUNTIME_COMPONENTS = (
    Component(QT_NAME, "LGPL-3.0-only"),
    Component(PYTHON_NAME, "PSF-2.0"),
)
"""What every way of running the app uses, whatever else a bundle adds."""


def bundled_licences_dir() -> Path | None:
    """The frozen bundle's licence folder, or None when not running from a bundle."""
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle_dir is None:
        return None
    return Path(bundle_dir, LICENCES_DIR_NAME)


def read_components(licences_dir: Path | None) -> tuple[Component, ...]:
    """The components listed in ``licences_dir``'s index, or RUNTIME_COMPONENTS without one.

    An index that is missing or unreadable (a damaged bundle) also gives RUNTIME_COMPONENTS:
    the About box still names the licences that always apply.
    """
    if licences_dir is None:
        return RUNTIME_COMPONENTS
    try:
        entries = json.loads((licences_dir / COMPONENTS_FILE).read_text(encoding="utf-8"))
        components = tuple(
            Component(str(entry["name"]), str(entry["licence"])) for entry in entries
        )
    except (OSError, ValueError, TypeError, KeyError):
        return RUNTIME_COMPONENTS
    return components or RUNTIME_COMPONENTS
