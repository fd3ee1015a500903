"""View > Theme: follow the system (the default), or always light or always dark.

Qt follows the system's light or dark mode on Windows, macOS and Linux desktops that tell it
(through the desktop portal, GNOME or KDE); elsewhere, for example on a bare X11 window
manager, it has no dark mode to follow. Light and Dark use Qt's Fusion style, the one style
that draws every platform's widgets from the palette alone, with the palettes of
``light_dark``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from scope_picker.ui.theme.choice import Theme

THEME_KEY = "view/theme"


class ThemeMenu(QMenu):
    """System, Light or Dark, applied to the whole application and kept in ``settings``.

    System is the default and leaves Qt alone: the platform's style and palette, following
    the desktop's light or dark mode live. A saved value this version does not know is
    ignored (System is used) and :attr:`ignored_saved_theme` says so.
    """

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__("&Theme", parent)
        self.setObjectName("themeMenu")
        self._settings = settings
        # The style System goes back to, asked for only when another theme replaces it:
        # handing Qt's style object to Python costs every start a few milliseconds.
        self._system_style = ""
        self._applied = Theme.SYSTEM
        group = QActionGroup(self)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, text, tip in (
            (Theme.SYSTEM, "&System", "Follow the system's light or dark mode"),
            (Theme.LIGHT, "&Light", "Always light, whatever the system uses"),
            (Theme.DARK, "&Dark", "Always dark, whatever the system uses"),
        ):
            action = QAction(text, group)
            action.setObjectName(f"{theme.value}ThemeAction")
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, chosen=theme: self.choose(chosen))
            self.addAction(action)
            self.theme_actions[theme] = action
        self.ignored_saved_theme = False
        try:
            saved = Theme(str(settings.value(THEME_KEY, Theme.SYSTEM.value)))
        except ValueError:
            saved = Theme.SYSTEM
            self.ignored_saved_theme = True
        self._apply(saved)

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return self._applied

    def choose(self, theme: Theme) -> None:
        """Use ``theme`` from now on, and in later runs."""
        self._apply(theme)
        self._settings.setValue(THEME_KEY, theme.value)

    def _apply(self, theme: Theme) -> None:
        self.theme_actions[theme].setChecked(True)
        if theme is self._applied:
            return
        if self._applied is Theme.SYSTEM:
            self._system_style = QApplication.style().name()
        if theme is Theme.SYSTEM:
            QApplication.setStyle(self._system_style)
            QApplication.setPalette(QPalette())  # an empty palette: the platform's again
        else:
            from scope_picker.ui.theme.light_dark import (  # see light_dark
                ThemedStyle,
                theme_palette,
            )

            QApplication.setStyle(ThemedStyle())
            QApplication.setPalette(theme_palette(theme))
        self._applied = theme
