"""The first window, as the real app opens it, on the screens the README names: 1280x800,
800x600, and 1280x800 at scale 2 (640x400 device-independent pixels). Each runs the app in
a child process on an offscreen screen of that size (Qt's offscreen ``configfile``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from run_app import run_app

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SCREENS = {
    "1280x800": (1280, 800, 1),
    "800x600": (800, 600, 1),
    "1280x800 at scale 2": (640, 400, 2),
}


def screen_config(tmp_path: Path, screen: str) -> str:
    """The offscreen platform with one screen of the named size."""
    width, height, ratio = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": ratio}
                ],
            }
        ),
        encoding="utf-8",
    )
    return f"offscreen:configfile={config}"


def assert_the_window_fits(report: dict[str, Any], screen: str) -> None:
    width, height, _ = SCREENS[screen]
    assert report["available"] == [0, 0, width, height]
    left, top, frame_width, frame_height = report["frame"]
    assert left >= 0, report["frame"]
    assert top >= 0, report["frame"]
    assert left + frame_width <= width, report["frame"]
    assert top + frame_height <= height, report["frame"]


@pytest.mark.parametrize("screen", SCREENS)
def test_the_first_window_fits_with_whole_tab_titles(tmp_path: Path, screen: str) -> None:
    result, report = run_app("start", tmp_path, platform=screen_config(tmp_path, screen))
    assert result.returncode == 0, result.stderr
    assert_the_window_fits(report, screen)
    # Every tab title is whole and the bar needs no scroll buttons to show them all.
    for tab in report["tabs"]:
        assert tab["width"] > tab["text_width"], tab
    assert report["tabs"][-1]["right"] < report["tab_bar_width"], report


@pytest.mark.parametrize("screen", SCREENS)
def test_a_long_paste_report_keeps_the_window_on_the_screen(tmp_path: Path, screen: str) -> None:
    """At scale 2 on 1280x800 the report made the window 510 px tall in a 400 px screen: the
    scope string row and the status bar were off the bottom."""
    result, report = run_app("paste-report", tmp_path, platform=screen_config(tmp_path, screen))
    assert result.returncode == 0, result.stderr
    assert report["report_visible"]
    assert_the_window_fits(report, screen)
