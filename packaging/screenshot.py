"""Render the real main window with a few typical scopes ticked and save it as a PNG.

The README shows the result (packaging/screenshots/main-window.png). Run it on a real display
server to get the platform's own look, for example on Linux:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
        .venv/bin/python packaging/screenshot.py --size 1280x800

``--theme dark`` renders it as View > Theme > Dark shows it; ``QT_SCALE_FACTOR=2`` (on a
screen twice the size) renders it as a high-DPI display does.

The window is built by the app's own code (``scope_picker.app.create_window``) over the real
catalogue; its settings go to a throw-away file, so the user's saved window is left alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from scope_picker import APP_NAME, ORGANIZATION_NAME
from scope_picker.app import app_icon, create_window
from scope_picker.core.catalogue import load_catalogue
from scope_picker.ui.theme.choice import Theme

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "screenshots" / "main-window.png"
TICKED_SCOPES = (
    "user-read-email",
    "user-read-private",
    "playlist-modify-private",
    "user-read-playback-state",
)
CURRENT_SCOPE = "playlist-modify-private"


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None


def screenshot(
    size: tuple[int, int],
    scopes: Sequence[str] = TICKED_SCOPES,
    current: str = CURRENT_SCOPE,
    *,
    show_public: bool = False,
    whole_screen: bool = False,
    theme: Theme = Theme.SYSTEM,
) -> QPixmap:
    """The window (or the whole screen it is on) at ``size``, as currently rendered."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setWindowIcon(app_icon())
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = create_window(load_catalogue(), settings)
        window.theme_menu.choose(theme)
        window.adapter.selection.replace(scopes)
        window.show_scope(current)
        window.endpoints.show_public.setChecked(show_public)
        window.move(0, 0)
        window.resize(*size)
        window.show()
        for _ in range(10):  # let layouts settle and the platform map the window
            app.processEvents()
        if whole_screen:
            return window.screen().grabWindow(0)
        return window.grab()


def main(argv: Sequence[str] | None = None) -> int:
    """Save the screenshot; exit code 1 when it cannot be written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=_size, default=(1280, 800), help="WIDTHxHEIGHT")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the PNG to write")
    parser.add_argument(
        "--scopes",
        type=str.split,
        default=list(TICKED_SCOPES),
        help="the scopes to tick, space-separated (default: %(default)s)",
    )
    parser.add_argument("--current", default=CURRENT_SCOPE, help="the scope to show in details")
    parser.add_argument(
        "--show-public", action="store_true", help="also list endpoints that need no scope"
    )
    parser.add_argument(
        "--whole-screen",
        action="store_true",
        help="grab the screen as the display server shows it, not just the window",
    )
    parser.add_argument(
        "--theme",
        type=Theme,
        choices=list(Theme),
        default=Theme.SYSTEM,
        help="View > Theme to render with (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    pixmap = screenshot(
        args.size,
        args.scopes,
        args.current,
        show_public=args.show_public,
        whole_screen=args.whole_screen,
        theme=args.theme,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(args.output), "PNG"):
        print(f"could not write {args.output}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({pixmap.width()}x{pixmap.height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
