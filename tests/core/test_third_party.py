"""The third-party components About names: from a bundle's index, or the runtime's own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from scope_picker.core.third_party import (
    RUNTIME_COMPONENTS,
    Component,
    bundled_licences_dir,
    read_components,
)


def test_outside_a_bundle_the_runtimes_licences_apply() -> None:
    assert bundled_licences_dir() is None
    assert read_components(None) == (
        Component("Qt, PySide6 and Shiboken6", "LGPL-3.0-only"),
        Component("Python", "PSF-2.0"),
    )


def test_a_bundle_is_found_where_pyinstaller_unpacked_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_licences_dir() == tmp_path / "licenses"


def test_an_unpack_folder_without_a_frozen_app_is_no_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_licences_dir() is None


def test_a_bundles_index_lists_its_components(tmp_path: Path) -> None:
    (tmp_path / "components.json").write_text(
        json.dumps([{"name": "ICU", "licence": "ICU", "texts": ["ICU.txt"], "libraries": []}]),
        encoding="utf-8",
    )
    assert read_components(tmp_path) == (Component("ICU", "ICU"),)


@pytest.mark.parametrize(
    "content", [None, "not json", "[]", '[{"name": "no licence"}]', '{"a": 1}'], ids=repr
)
def test_a_missing_or_damaged_index_still_names_the_runtimes_licences(
    tmp_path: Path, content: str | None
) -> None:
    if content is not None:
        (tmp_path / "components.json").write_text(content, encoding="utf-8")
    assert read_components(tmp_path) == RUNTIME_COMPONENTS
