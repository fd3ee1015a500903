"""Scope Picker: choose the Spotify Web API OAuth scopes an app needs."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Scope Picker"
ORGANIZATION_NAME = "Scope Picker"
DISTRIBUTION_NAME = "spotify-scope-picker"
APP_ID = "io.github.scopepicker.ScopePicker"
"""Reverse-DNS id: the .desktop file's and AppStream metainfo's name, so desktops match windows."""

try:
    __version__ = version(DISTRIBUTION_NAME)
except PackageNotFoundError:  # frozen bundles carry no distribution metadata unless told to
    __version__ = "0.0.0+unknown"
