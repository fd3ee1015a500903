"""The Presets menu: ready-made selections for common kinds of app."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from scope_picker.core.presets import Preset


def presets_menu(
    title: str, presets: Sequence[Preset], choose: Callable[[Preset], None], parent: QWidget
) -> QMenu:
    """A menu with one action per preset; its description is the tooltip and status tip."""
    menu = QMenu(title, parent)
    menu.setObjectName("presetsMenu")
    menu.setToolTipsVisible(True)
    for preset in presets:
        action = QAction(preset.name, menu)
        action.setObjectName(f"preset:{preset.id}")
        action.setToolTip(f"{preset.description} ({len(preset.scopes)} scopes)")
        action.setStatusTip(preset.description)
        action.triggered.connect(lambda _=False, chosen=preset: choose(chosen))
        menu.addAction(action)
    return menu
