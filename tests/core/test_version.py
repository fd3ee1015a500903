"""The version the app reports is the one the project is built and released as."""

from __future__ import annotations

import tomllib
from pathlib import Path

from scope_picker import __version__

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_package_version_is_pyprojects() -> None:
    with PYPROJECT.open("rb") as file:
        assert __version__ == tomllib.load(file)["project"]["version"]
