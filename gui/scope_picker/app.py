"""Application entry point: ``main(argv) -> int``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

# First of the app's modules (isort puts plain imports first): PySide6's import hook then reads
# none of the sources of those below into linecache (pyside_source_scan says why).
import scope_picker.pyside_source_scan  # noqa: F401
from scope_picker import APP_ID, APP_NAME, ORGANIZATION_NAME, __version__
from scope_picker.core.catalogue import Catalogue, CatalogueError, load_catalogue
from scope_picker.core.resources import ICON_FILE, resource
from scope_picker.core.selection import Selection
from scope_picker.display_check import check_display
from scope_picker.ui.errors.exception_reporter import ExceptionReporter
from scope_picker.ui.window.main_window import MainWindow

SMOKE_TEST_FLAG = "--smoke-test"
EXIT_CATALOGUE_ERROR = 1
EXIT_NO_WINDOW = 1
HELP_FLAGS = ("-h", "--help")
USAGE = f"""usage: spotify-scope-picker [-h] [--version] [{SMOKE_TEST_FLAG}] [Qt options]

Scope Picker {__version__}: opens a window to pick the Spotify Web API scopes an app needs,
see the endpoints they unlock and what users are asked, and copy the scope string.

options:
  -h, --help      show this help and exit (no window)
  --version       print the version and exit (no window)
  {SMOKE_TEST_FLAG}    show the window, print one JSON line about it, and quit
  Qt's own options (-platform NAME, -style NAME, ...) are passed to Qt.

The command-line tool, without a window: scope-picker --help"""


def main(argv: Sequence[str] | None = None) -> int:
    """Start Scope Picker and return its exit code.

    An existing ``QApplication`` is reused, so tests and host applications can call this.
    With ``--smoke-test`` the app shows its window, prints one JSON line describing what it
    loaded (and how many CA certificates HTTPS would trust), and quits: packaging tests and
    packaging/build.py use it to check a built app from the outside.
    ``--help`` and ``--version`` print and return 0 without a window. When Qt could not
    open a window (no display, X11 libraries missing: ``display_check``), that is said on
    stderr with the fix, and the exit code is 1 rather than Qt's abort.
    A catalogue that cannot be loaded is reported in a message box, with exit code 1.
    While the window is up, an exception escaping a slot is shown in an error dialog over it
    and the app carries on; the previous ``sys.excepthook`` is back when this returns.
    """
    args = list(sys.argv if argv is None else argv)
    if any(flag in HELP_FLAGS for flag in args[1:]):
        print(USAGE)
        return 0
    if "--version" in args[1:]:
        print(f"{APP_NAME} {__version__}")
        return 0
    paint_on_one_thread()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        problem = check_display(args)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_NO_WINDOW
        app = QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    try:
        catalogue = load_catalogue()
    except CatalogueError as error:
        from PySide6.QtWidgets import QMessageBox  # deferred: creating its enums costs a start

        QMessageBox.critical(
            None, APP_NAME, f"Scope Picker cannot start: its scope catalogue is broken.\n\n{error}"
        )
        return EXIT_CATALOGUE_ERROR
    window = create_window(catalogue, QSettings())
    reporter = ExceptionReporter(lambda: window)
    reporter.install()
    window.show()
    if SMOKE_TEST_FLAG in args[1:]:
        QTimer.singleShot(0, lambda: _report_and_quit(app, window, catalogue))
    try:
        return app.exec()
    finally:
        reporter.uninstall()
        # Quitting closes the window, and closing the last window queues one more Quit; left
        # queued, it would end the host's (or the next test's) event loops the moment they start.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def paint_on_one_thread() -> None:
    """Have Qt paint on the GUI thread alone, as every repaint of this window is small.

    Qt's raster engine hands a fill or blend of more than about a hundred spans (a tall list
    or text pane) to a pool of threads and waits for them. For panes this size the hand-offs
    cost more than they save: measured by ``tests/benchmarks/bench.py``, a tick took about
    twice as long with the pool as without, worse when the other cores are busy. Qt reads
    ``QT_NO_GUI_THREADPOOL`` when it first paints, so this must run before the first paint;
    a value already in the environment is left as it is.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def create_window(catalogue: Catalogue, settings: QSettings) -> MainWindow:
    """The main window over a fresh selection, as the app (and its screenshot) shows it."""
    return MainWindow(catalogue, Selection(catalogue), settings)


def app_icon() -> QIcon:
    """The app's icon from ``resources/scope-picker.svg``, a real file the icon keeps reading."""
    return QIcon(str(resource(ICON_FILE)))


def trusted_ca_certificates() -> int:
    """How many CA certificates Python's ``ssl`` trusts by default, as the live token flow's
    HTTPS connections will; a frozen bundle that finds none could verify no server."""
    import ssl  # deferred: only the smoke test and the live flow need it

    return int(ssl.create_default_context().cert_store_stats()["x509_ca"])


def _report_and_quit(app: QApplication, window: MainWindow, catalogue: Catalogue) -> None:
    report = {
        "window_title": window.windowTitle(),
        "visible": window.isVisible(),
        "scopes": len(catalogue.scopes),
        "endpoints": len(catalogue.endpoints),
        "ca_certificates": trusted_ca_certificates(),
    }
    print(json.dumps(report), flush=True)
    app.quit()
