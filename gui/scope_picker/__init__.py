"""Scope Picker: choose the Spotify Web API OAuth scopes an app needs."""

APP_NAME = "Scope Picker"
ORGANIZATION_NAME = "Scope Picker"
APP_ID = "io.github.scopepicker.ScopePicker"
"""Reverse-DNS id: the .desktop file's and AppStream metainfo's name, so desktops match windows."""

__version__ = "0.1.0"
"""The same as pyproject.toml's version (tests/core/test_version.py keeps them equal): a constant,
because asking ``importlib.metadata`` costs every start 15 to 25 ms and 2 MiB."""
