"""The choices of View > Theme, as saved in the settings; both the menu and the palettes use
them, so they stand apart from either.
"""

from enum import StrEnum


class Theme(StrEnum):
    """The choices of View > Theme, as saved in the settings."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
