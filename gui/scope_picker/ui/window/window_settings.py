"""What the main window keeps between runs, and how it reads it back: anything stale or
damaged in the saved settings is ignored and named, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from scope_picker.core.catalogue import AppMode
from scope_picker.core.saved_selection import (
    CHOICES,
    OPTIONAL,
    PICKED,
    restore_plan,
    restore_scopes,
    saved_plan,
    saved_value,
)

if TYPE_CHECKING:
    from scope_picker.ui.window.main_window import MainWindow

GEOMETRY_KEY = "window/geometry"
SPLITTER_KEYS = ("window/mainSplitter", "window/leftSplitter", "window/rightSplitter")
SCOPES_KEY = "selection/scopes"
PLAN_KEYS = {PICKED: "picker/endpoints", CHOICES: "picker/choices", OPTIONAL: "picker/optional"}
"""Where the endpoint picks are saved, by the name ``saved_plan`` gives each text."""
SHOW_PUBLIC_KEY = "endpoints/showPublic"
APP_MODE_KEY = "app/mode"


def save_window_settings(window: MainWindow, settings: QSettings) -> None:
    """Remember geometry, pane sizes, the ticks, the endpoint picks and the public toggle."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    for key, splitter in window.splitters.items():
        settings.setValue(key, splitter.saveState())
    settings.setValue(SCOPES_KEY, saved_value(window.adapter.selection.scopes))
    for name, text in saved_plan(window.plan).items():
        settings.setValue(PLAN_KEYS[name], text)
    settings.setValue(SHOW_PUBLIC_KEY, window.endpoints.show_public.isChecked())
    settings.setValue(APP_MODE_KEY, window.app_mode.value)
    settings.sync()


def restore_window_settings(window: MainWindow, settings: QSettings) -> list[str]:
    """Restore what the last run saved; return what had to be ignored, in words."""
    ignored: list[str] = []
    geometry = settings.value(GEOMETRY_KEY)
    if not _restore_bytes(geometry, window.restoreGeometry) and not _is_saved_geometry(geometry):
        ignored.append("the window size and position (not a saved window state)")
    unrestored_panes = [
        key
        for key, splitter in window.splitters.items()
        if not _restore_bytes(settings.value(key), splitter.restoreState)
    ]
    if unrestored_panes:
        ignored.append("the pane sizes (not saved pane sizes)")
    if window.theme_menu.ignored_saved_theme:
        ignored.append("the theme (unknown)")
    copy_format_note = window.copy_format.restore()
    if copy_format_note:
        ignored.append(copy_format_note)
    show_public = _saved_flag(settings.value(SHOW_PUBLIC_KEY, False))
    if show_public is None:
        ignored.append("whether to show the endpoints that need no scope (neither yes nor no)")
    else:
        window.endpoints.show_public.setChecked(show_public)
    saved_mode = settings.value(APP_MODE_KEY, AppMode.DEVELOPMENT.value)
    if saved_mode in {mode.value for mode in AppMode}:
        window.set_app_mode(AppMode(str(saved_mode)))
    else:
        ignored.append("the app mode")
    stored_scopes = settings.value(SCOPES_KEY)
    if stored_scopes is not None:
        restored = restore_scopes(window.catalogue, stored_scopes)
        window.adapter.selection.replace(restored.scopes)
        if restored.ignored:
            ignored.append(restored.ignored)
    # The picks come back as they were left, without replacing the ticks restored above:
    # scopes ticked by hand after picking stay ticked (and flagged if nothing needs them).
    stored_plan = {name: settings.value(key) for name, key in PLAN_KEYS.items()}
    plan_note = restore_plan(window.plan, stored_plan)
    if plan_note:
        ignored.append(plan_note)
    # An INI file is parsed section by section as keys are looked up, so a damaged file
    # can look fine to the reads above; listing every key parses all of it.
    settings.allKeys()
    if settings.status() is not QSettings.Status.NoError:
        ignored.append("the settings file (damaged or unreadable)")
    return ignored


def _is_saved_geometry(value: object) -> bool:
    """True for what ``saveGeometry`` wrote (it starts with Qt's magic number 0x1D9D0CB).

    Qt refuses such a geometry when it does not fit this screen (saved on a larger one);
    the window then keeps the size it was given to fit this screen, nothing to report.
    """
    if isinstance(value, QByteArray):
        value = value.data()
    return isinstance(value, bytes) and value.startswith(_GEOMETRY_MAGIC)


_GEOMETRY_MAGIC = bytes.fromhex("01d9d0cb")


def _saved_flag(value: object) -> bool | None:
    """A saved yes or no: INI files give back ``"true"`` or ``"false"``; None for else."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    return None


def _restore_bytes(value: object, restore: Callable[[QByteArray], bool]) -> bool:
    """Hand saved Qt state to ``restore``; False when it is not bytes or Qt rejects it.

    Nothing saved (None) counts as restored: a first run has nothing to complain about.
    """
    if value is None:
        return True
    if isinstance(value, bytes):
        value = QByteArray(value)
    return isinstance(value, QByteArray) and restore(value)
