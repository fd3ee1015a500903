"""Readable in light and dark: every colour the app derives meets WCAG AA on its background,
and the rich-text panes recolour at once when the palette changes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from scope_picker.core.contrast import CONTROL_CONTRAST, TEXT_CONTRAST, contrast_ratio
from scope_picker.ui.shared.palette import (
    control_outline_colour,
    link_colour,
    muted_text_colour,
    rgb,
)
from scope_picker.ui.theme.choice import Theme
from scope_picker.ui.theme.light_dark import theme_palette
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

Role = QPalette.ColorRole


def qt_derived_dark() -> QPalette:
    """What Qt makes of a dark window colour alone: black base, white text, Qt's blue links."""
    grey = QColor(50, 50, 50)
    return QPalette(grey, grey)


PALETTES: dict[str, Callable[[], QPalette]] = {
    "platform": QPalette,  # an empty palette: the platform's own (Fusion's light one here)
    "qt-derived-dark": qt_derived_dark,
    "theme-light": lambda: theme_palette(Theme.LIGHT),
    "theme-dark": lambda: theme_palette(Theme.DARK),
}


def use_palette(qtbot: QtBot, palette: QPalette, widget: QWidget) -> None:
    """Make ``palette`` the application's and wait until ``widget`` has it."""
    QApplication.setPalette(palette)
    base = QApplication.palette().color(Role.Base)
    qtbot.waitUntil(lambda: widget.palette().color(Role.Base) == base)


@pytest.fixture
def restore_palette() -> Iterator[None]:
    yield
    QApplication.setPalette(QPalette())  # an empty palette: the platform's again


@pytest.fixture(params=list(PALETTES))
def palette(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    yield PALETTES[request.param]()
    QApplication.setPalette(QPalette())


def contrast(first: QColor, second: QColor) -> float:
    return contrast_ratio(rgb(first), rgb(second))


def formats(view: QTextBrowser) -> Iterator[tuple[str, QTextCharFormat]]:
    """Every run of text in ``view`` with its character format."""
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            yield fragment.text(), fragment.charFormat()
            iterator += 1
        block = block.next()


def text_colour(view: QTextBrowser, text_format: QTextCharFormat) -> QColor:
    """The colour a run is drawn in: its own, or the view's text colour."""
    if text_format.hasProperty(QTextCharFormat.Property.ForegroundBrush):
        return text_format.foreground().color()
    return view.palette().color(Role.Text)


def test_consent_lines_are_readable(qtbot: QtBot, window: MainWindow, palette: QPalette) -> None:
    use_palette(qtbot, palette, window.consent)
    window.adapter.selection.replace(["user-personalized", "user-read-email"])
    base = window.consent.palette().color(Role.Base)
    runs = list(formats(window.consent))
    muted = [fmt for text, fmt in runs if "user-personalized" in text or "(user-read" in text]
    assert len(muted) == 2
    for text, fmt in runs:
        assert contrast(text_colour(window.consent, fmt), base) >= TEXT_CONTRAST, text
    for fmt in muted:  # greyed, yet readable
        assert text_colour(window.consent, fmt) != window.consent.palette().color(Role.Text)


def test_details_text_and_links_are_readable(
    qtbot: QtBot, window: MainWindow, palette: QPalette
) -> None:
    use_palette(qtbot, palette, window.details)
    window.show_scope("user-read-email")
    base = window.details.palette().color(Role.Base)
    links = 0
    for text, fmt in formats(window.details):
        assert contrast(text_colour(window.details, fmt), base) >= TEXT_CONTRAST, text
        links += fmt.isAnchor()
    assert links >= 2


def test_blocked_endpoint_rows_are_readable_on_both_row_colours(
    qtbot: QtBot, window: MainWindow, palette: QPalette
) -> None:
    view = window.endpoints.view
    window.adapter.selection.replace(["ugc-image-upload"])
    blocked = window.endpoints.model.index(0, 0, window.endpoints.model.index(0, 0))
    assert window.endpoints.model.row_at(blocked).blocked
    blocked.data(Qt.ItemDataRole.ForegroundRole)  # painted once before the palette changes
    use_palette(qtbot, palette, view)
    colour = blocked.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor)
    for ground in (Role.Base, Role.AlternateBase):
        assert contrast(colour, view.palette().color(ground)) >= TEXT_CONTRAST


def test_about_links_are_readable(
    qtbot: QtBot, window: MainWindow, palette: QPalette, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_palette(qtbot, palette, window)
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: texts.append(text))
    about = window.findChild(QAction, "aboutAction")
    assert isinstance(about, QAction)
    about.trigger()
    colours = re.findall(r'<a href="[^"]+" style="color:(#[0-9a-f]{6})"', texts[0])
    assert colours
    for colour in colours:
        assert contrast(QColor(colour), window.palette().color(Role.Window)) >= TEXT_CONTRAST


@pytest.mark.usefixtures("restore_palette")
@pytest.mark.parametrize("name", list(PALETTES))
def test_derived_colours_keep_the_minimum_against_the_palette_grounds(name: str) -> None:
    palette = PALETTES[name]()
    QApplication.setPalette(palette)
    resolved = QApplication.palette()
    base, alternate = resolved.color(Role.Base), resolved.color(Role.AlternateBase)
    assert contrast(muted_text_colour(resolved), base) >= TEXT_CONTRAST
    assert contrast(muted_text_colour(resolved), alternate) >= TEXT_CONTRAST
    assert contrast(link_colour(resolved), base) >= TEXT_CONTRAST
    assert contrast(link_colour(resolved), resolved.color(Role.Window)) >= TEXT_CONTRAST
    assert contrast(control_outline_colour(resolved), base) >= CONTROL_CONTRAST


def test_qts_own_dark_links_are_unreadable_and_the_derived_ones_are_not() -> None:
    dark = qt_derived_dark()
    base = dark.color(Role.Base)
    assert contrast(dark.color(Role.Link), base) < 3  # Qt's blue on black
    assert contrast(link_colour(dark), base) >= TEXT_CONTRAST


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_theme_palettes_pair_every_text_role_with_a_readable_ground(theme: Theme) -> None:
    palette = theme_palette(theme)
    for text, ground in [
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.WindowText, Role.Window),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.Link, Role.Base),
        (Role.LinkVisited, Role.Base),
    ]:
        ratio = contrast(palette.color(text), palette.color(ground))
        assert ratio >= TEXT_CONTRAST, (text, ground, ratio)


@pytest.mark.usefixtures("restore_palette")
def test_a_live_palette_change_recolours_the_panes_without_a_tick(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    window.resize(900, 500)
    window.adapter.selection.replace(["user-personalized", "user-read-email"])
    window.show_scope("user-read-playback-state")
    details_bar = window.details.verticalScrollBar()
    assert details_bar.maximum() > 0
    details_bar.setValue(details_bar.maximum() // 2)
    position = details_bar.value()

    def muted_in_consent() -> QColor:
        [colour] = {
            text_colour(window.consent, fmt).name()
            for text, fmt in formats(window.consent)
            if "user-personalized" in text
        }
        return QColor(colour)

    def link_in_details() -> QColor:
        [colour] = {
            fmt.foreground().color().name()
            for _text, fmt in formats(window.details)
            if fmt.isAnchor()
        }
        return QColor(colour)

    light_muted, light_link = muted_in_consent(), link_in_details()
    dark = theme_palette(Theme.DARK)
    use_palette(qtbot, dark, window.details)
    qtbot.waitUntil(lambda: muted_in_consent() != light_muted)
    assert muted_in_consent() == muted_text_colour(dark)
    assert link_in_details() == link_colour(dark) != light_link
    assert details_bar.value() == position
