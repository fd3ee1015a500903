"""Test-wide setup: Qt runs headless unless the caller chose a platform (e.g. xcb under Xvfb)."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from scope_picker.core.catalogue import Catalogue, load_catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The real, shipped catalogue; immutable, so one load serves the whole run."""
    return load_catalogue()
