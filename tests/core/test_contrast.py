"""WCAG contrast arithmetic: known values, and derived colours that are always readable."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.contrast import (
    CONTROL_CONTRAST,
    TEXT_CONTRAST,
    Rgb,
    blend,
    contrast_ratio,
    first_readable,
    relative_luminance,
)

BLACK: Rgb = (0, 0, 0)
WHITE: Rgb = (255, 255, 255)
channels = st.integers(min_value=0, max_value=255)
colours = st.tuples(channels, channels, channels)


def test_luminance_runs_from_black_to_white() -> None:
    assert relative_luminance(BLACK) == 0
    assert relative_luminance(WHITE) == pytest.approx(1)
    # Green counts for most of the perceived brightness, blue for least.
    assert (
        relative_luminance((0, 255, 0))
        > relative_luminance((255, 0, 0))
        > relative_luminance((0, 0, 255))
    )


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        (BLACK, WHITE, 21.0),
        (WHITE, BLACK, 21.0),
        ((118, 118, 118), WHITE, 4.54),  # the lightest grey that passes AA on white
        ((0, 0, 255), WHITE, 8.59),
        ((0, 0, 255), (35, 35, 35), 1.83),  # Qt's default link blue on a dark base
        ((190, 190, 190), WHITE, 1.86),  # Fusion's disabled text on white
        # Near-black greys fall on the sRGB curve's straight segment (channels up to 10).
        ((5, 5, 5), WHITE, 20.38),
        ((10, 10, 10), WHITE, 19.80),
    ],
)
def test_known_contrast_ratios(first: Rgb, second: Rgb, ratio: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_blend_runs_from_start_to_end() -> None:
    assert blend(BLACK, WHITE, 0) == BLACK
    assert blend(BLACK, WHITE, 1) == WHITE
    assert blend((0, 100, 200), (100, 100, 0), 0.5) == (50, 100, 100)


def test_the_faintest_readable_grey_on_white_is_just_above_the_minimum() -> None:
    grey = first_readable(WHITE, BLACK, [WHITE])
    assert contrast_ratio(grey, WHITE) >= TEXT_CONTRAST
    assert contrast_ratio(grey, WHITE) < TEXT_CONTRAST + 0.1
    assert grey == (118, 118, 118)


def test_the_faintest_grey_a_control_needs_on_white_is_just_above_three() -> None:
    """WCAG 2.1 asks 3:1 of a control's outline (a check box), less than of text."""
    grey = first_readable(WHITE, BLACK, [WHITE], CONTROL_CONTRAST)
    assert grey == (148, 148, 148)
    assert contrast_ratio(grey, WHITE) == pytest.approx(3.03, abs=0.01)


def test_a_colour_exactly_at_the_minimum_is_readable() -> None:
    """Readable means a contrast ratio of at least the minimum: equal is enough."""
    grey = (118, 118, 118)
    exactly = contrast_ratio(grey, WHITE)
    assert first_readable(grey, BLACK, [WHITE], minimum=exactly) == grey


def test_a_readable_start_is_kept_and_an_unreadable_end_is_returned() -> None:
    assert first_readable((0, 0, 255), WHITE, [WHITE]) == (0, 0, 255)
    assert first_readable(WHITE, (250, 250, 250), [WHITE]) == (250, 250, 250)


def test_an_unreadable_link_is_lightened_towards_the_text_on_a_dark_base() -> None:
    base, text = (35, 35, 35), (240, 240, 240)
    link = first_readable((0, 0, 255), text, [base])
    assert contrast_ratio(link, base) >= TEXT_CONTRAST
    assert link[2] > link[0]  # still recognisably blue


@given(start=colours, end=colours, grounds=st.lists(colours, min_size=1, max_size=3))
def test_the_result_is_readable_whenever_the_end_is(
    start: Rgb, end: Rgb, grounds: list[Rgb]
) -> None:
    result = first_readable(start, end, grounds)
    if all(contrast_ratio(end, ground) >= TEXT_CONTRAST for ground in grounds):
        assert all(contrast_ratio(result, ground) >= TEXT_CONTRAST for ground in grounds)
    else:
        assert result in (start, end)
