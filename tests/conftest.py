"""Test-wide setup: Qt runs headless unless the caller chose a platform (e.g. xcb under Xvfb)."""

import os
import ssl
from pathlib import Path

import pytest
from hypothesis import settings

from scope_picker.core.catalogue import Catalogue, load_catalogue

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE:
# - "ci" (.ci/run): derandomized and without the example database, so every CI run tries the
#   same examples and a failure found once cannot be replayed into later runs;
# - "dev" (the default): random examples, failures kept in .hypothesis/ and replayed first;
# - "explore": 25 times the examples, for long local runs that hunt for new failures.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.register_profile("explore", max_examples=2500, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The real, shipped catalogue; immutable, so one load serves the whole run."""
    return load_catalogue()


@pytest.fixture(scope="session")
def system_ca_certificates() -> int:
    """How many certificates the system's default CA bundle holds, counted in the file itself."""
    cafile = ssl.get_default_verify_paths().cafile
    assert cafile, "this machine has no default CA bundle (Debian: ca-certificates)"
    return Path(cafile).read_text(encoding="utf-8").count("-----BEGIN CERTIFICATE-----")
