"""The session's one standalone build, shared by every test of the frozen app."""

import sys

import pytest
from built_apps import StandaloneBuild, build_standalone


@pytest.fixture(scope="session")
def standalone_build(tmp_path_factory: pytest.TempPathFactory) -> StandaloneBuild:
    """Build the one-folder app with packaging/build.py and unpack its archive."""
    if not sys.platform.startswith("linux"):
        pytest.skip("packaging/build.py builds the Linux archive only")
    return build_standalone(tmp_path_factory.mktemp("build"), tmp_path_factory.mktemp("unpacked"))
