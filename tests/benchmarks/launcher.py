"""One cold start, run as its own process by bench.py: ``launcher.py app|bare``.

Both kinds start the same way and print ``first-paint`` once their main window has been
painted for the first time, then quit:

- ``app`` calls ``scope_picker.app.main``, the installed app's real entry point, unchanged;
- ``bare`` shows a bare PySide6 window: a QMainWindow holding a QLabel.

The first paint is seen by an application-wide event filter: the first Paint event of any
widget in a main window. Qt paints a whole window (every dirty widget, then the flush to the
screen) within one event, so a zero-delay timer started from that first Paint event fires
once the window is on screen. The filter is removed then, so it costs nothing afterwards.
"""

from __future__ import annotations

import sys

APP = "app"
BARE = "bare"
FIRST_PAINT_LINE = "first-paint"


def main(argv: list[str]) -> int:
    """Start the kind named in ``argv[1]``, report its first paint, quit; the exit code."""
    kind = argv[1] if len(argv) == 2 else ""
    if kind not in (APP, BARE):
        print(f"usage: launcher.py {APP}|{BARE}", file=sys.stderr)
        return 2
    if kind == APP:
        from scope_picker.app import main as app_main  # the app's own imports, timed too

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

    class FirstPaint(QObject):
        """Reports after the first Paint event of a main window, then quits the app."""

        def __init__(self, app: QApplication) -> None:
            super().__init__()
            self._app = app

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                self._app.removeEventFilter(self)
                QTimer.singleShot(0, self._report)
            return False

        def _report(self) -> None:
            print(FIRST_PAINT_LINE, flush=True)
            self._app.quit()

    app = QApplication(argv[:1])
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
    if kind == APP:
        # main() reuses this QApplication and builds, shows and runs the real window.
        return app_main(argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QLabel("Bare window"))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
