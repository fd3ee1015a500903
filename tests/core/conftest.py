"""Shared fixtures for core tests: the real catalogue, loaded once."""

import pytest

from scope_picker.core.catalogue import Catalogue, load_catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()
