"""Runs the real app (``scope_picker.app.main``) in a child process and drives it from timers.

Tests start this script with ``python app_driver.py SCENARIO`` when what they check only shows
in a whole process: the exit code, what reaches stderr, every socket the interpreter touches.
The app gets no test-only flag: the driver creates the QApplication first, queues its steps on
the event loop and calls ``main``, which reuses that application. The last line on stdout is a
JSON report for the test to read.
"""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Callable
from typing import Any

# Network activity is recorded from before Qt or the app is imported.
NETWORK_EVENTS: list[dict[str, Any]] = []
_INTERNET_FAMILIES = {int(socket.AF_INET), int(socket.AF_INET6)}
_LOOKUP_EVENTS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}


def _record_network(event: str, args: tuple[Any, ...]) -> None:
    """An audit hook: note every DNS lookup and every internet socket connect, bind or send."""
    if event in _LOOKUP_EVENTS:
        NETWORK_EVENTS.append({"event": event, "args": repr(args)})
    elif event in {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}:
        if args[0].family in _INTERNET_FAMILIES:
            NETWORK_EVENTS.append({"event": event, "args": repr(args[1:])})
    elif event == "socket.__new__" and args[1] in _INTERNET_FAMILIES:
        NETWORK_EVENTS.append({"event": event, "args": repr(args[1:])})


sys.addaudithook(_record_network)

# Imported after the hook, so whatever they do on import is audited too.
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot  # noqa: E402
from PySide6.QtGui import QDesktopServices, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: E402

from scope_picker import app as app_module  # noqa: E402
from scope_picker.ui.scopes.scope_tree_model import SCOPE_NAME_ROLE  # noqa: E402
from scope_picker.ui.window.main_window import MainWindow  # noqa: E402

# Modules a network call would need; the app imports none of them until the user goes live.
NETWORK_MODULES = {"PySide6.QtNetwork", "http.client", "urllib.request", "ssl", "ftplib", "smtplib"}
LIVE_PACKAGES = ("scope_picker.core.live", "scope_picker.ui.live")
REPORT: dict[str, Any] = {"steps": []}
STEP_INTERVAL_MS = 10


def main_window() -> MainWindow:
    """The app's main window, found among the top-level windows as the app made it."""
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return window


def dismiss_dialogs() -> None:
    """Close any modal dialog the app shows, noting what it said (title, text, details)."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog) or not dialog.isVisible():
        return
    parent = dialog.parentWidget()
    seen: dict[str, Any] = {
        "class": type(dialog).__name__,
        "title": dialog.windowTitle(),
        "parent": None if parent is None else parent.objectName(),
    }
    if isinstance(dialog, QMessageBox):
        seen["text"] = dialog.text()
    details = getattr(dialog, "details", None)
    if details is not None:
        seen["summary"] = dialog.summary.text()
        seen["details"] = details.toPlainText()
        dialog.copy_button.click()
        seen["copy_button"] = dialog.copy_button.text()
        seen["clipboard_has_details"] = QGuiApplication.clipboard().text() == seen["details"]
    REPORT.setdefault("dialogs", []).append(seen)
    dialog.reject()


def run_steps(steps: list[Callable[[], object]]) -> None:
    """Run each step from the event loop once the main window is up and no dialog is.

    A message box shown before the window exists (a broken catalogue) runs an event loop of
    its own; steps wait for the window rather than run against nothing.
    """
    if not steps:
        return
    has_window = any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
    if not has_window or QApplication.activeModalWidget() is not None:
        QTimer.singleShot(STEP_INTERVAL_MS, lambda: run_steps(steps))
        return
    step, rest = steps[0], steps[1:]
    REPORT["steps"].append(step.__name__)
    step()
    QTimer.singleShot(STEP_INTERVAL_MS, lambda: run_steps(rest))


# --- scenarios -------------------------------------------------------------------------------


def close_the_window() -> None:
    """The user closes the window, which ends the app."""
    main_window().close()


def scenario_start() -> list[Callable[[], object]]:
    """Start, note what the window shows, close (a broken catalogue ends it before that)."""
    return [note_what_the_window_shows, close_the_window]


def scenario_paste_report() -> list[Callable[[], object]]:
    """Start, paste text with a long list of problems, note what the window shows, close."""

    def paste_a_long_report() -> None:
        tokens = " ".join(f"not-a-scope-{number}" for number in range(30))
        main_window().edits.import_scope_text(f"user-read-emial {tokens}", "clipboard")
        REPORT["report_visible"] = main_window().import_report.isVisible()

    return [paste_a_long_report, note_what_the_window_shows, close_the_window]


def note_what_the_window_shows() -> None:
    """The status message, the scope string, the screen and frame, the tab titles' room."""
    window = main_window()
    REPORT["status_message"] = window.statusBar().currentMessage()
    REPORT["scope_string"] = window.scope_string.text()
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    REPORT["available"] = [available.x(), available.y(), available.width(), available.height()]
    REPORT["frame"] = [frame.x(), frame.y(), frame.width(), frame.height()]
    bar = window.right_tabs.tabBar()
    titles = [bar.tabText(tab).replace("&", "") for tab in range(bar.count())]
    REPORT["tabs"] = [
        {
            "title": title,
            "width": bar.tabRect(tab).width(),
            "right": bar.tabRect(tab).right(),
            "text_width": bar.fontMetrics().horizontalAdvance(title),
        }
        for tab, title in enumerate(titles)
    ]
    REPORT["tab_bar_width"] = bar.width()


def scenario_slot_exception() -> list[Callable[[], object]]:
    """A slot raises; the error dialog is read, copied and closed; the app must carry on."""

    def raise_in_a_slot() -> None:
        QTimer.singleShot(0, _raise_runtime_error)

    def tick_a_scope_afterwards() -> None:
        window = main_window()
        window.adapter.selection.set_selected(["user-read-email"], True)
        REPORT["scope_string_after_error"] = window.scope_string.text()

    return [raise_in_a_slot, tick_a_scope_afterwards, close_the_window]


def _raise_runtime_error() -> None:
    raise RuntimeError("a slot failed on purpose")


def scenario_session() -> list[Callable[[], object]]:
    """A whole session on every feature the window has; the report lists network activity."""

    def tick_scopes() -> None:
        window = main_window()
        model = window.scope_model
        model.setData(
            model.index_of_scope("user-read-private"),
            Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )
        category = model.index(0, 0)
        model.setData(category, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def copy_the_scope_string() -> None:
        window = main_window()
        window.copy_action.trigger()
        REPORT["copied"] = QGuiApplication.clipboard().text()
        REPORT["scope_string"] = window.scope_string.text()

    def use_the_authorization_panel() -> None:
        window = main_window()
        window.show_authorize_action.trigger()
        panel = window.authorize
        panel.client_id_edit.setText("0123456789abcdef0123456789abcdef")
        panel.redirect_uri_edit.setText("http://localhost:8888/callback")
        panel.use_suggested_button.click()
        panel.copy_url_button.click()
        REPORT["authorization_url"] = panel.authorization_url()
        REPORT["url_copied"] = QGuiApplication.clipboard().text()
        panel.copy_token_request_button.click()
        panel.open_browser_button.click()
        REPORT["status_message"] = window.statusBar().currentMessage()

    def show_the_endpoints_that_need_no_scope() -> None:
        window = main_window()
        window.show_coverage_action.trigger()
        window.endpoints.show_public.setChecked(True)

    def paste_a_scope_string() -> None:
        window = main_window()
        REPORT["pasted"] = "user-top-read, streaming user-read-playback streaming"
        QGuiApplication.clipboard().setText(REPORT["pasted"])
        window.paste_action.trigger()
        REPORT["after_paste"] = window.scope_string.text()

    def search_and_tick_what_it_shows() -> None:
        window = main_window()
        window.find_action.trigger()
        window.search.field.setText("follow")
        proxy = window.scope_proxy
        category = proxy.index(0, 0)
        proxy.setData(category, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        REPORT["search_shown"] = [
            proxy.index(row, 0, category).data(SCOPE_NAME_ROLE)
            for row in range(proxy.rowCount(category))
        ]
        REPORT["search_count"] = window.search.count.text()
        REPORT["after_search"] = window.scope_string.text()
        window.search.clear()

    def choose_a_preset() -> None:
        window = main_window()
        [action] = [a for a in window.presets_menu.actions() if a.objectName() == "preset:library"]
        action.trigger()
        REPORT["after_preset"] = window.scope_string.text()

    def pick_an_endpoint() -> None:
        window = main_window()
        window.show_picker_action.trigger()
        picker = window.picker
        row = picker.proxy.mapFromSource(picker.model.index_of_endpoint("get-queue"))
        picker.proxy.setData(row, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        REPORT["after_pick"] = window.scope_string.text()

    return [
        tick_scopes,
        copy_the_scope_string,
        use_the_authorization_panel,
        show_the_endpoints_that_need_no_scope,
        paste_a_scope_string,
        search_and_tick_what_it_shows,
        choose_a_preset,
        pick_an_endpoint,
        close_the_window,
    ]


def scenario_self_check() -> list[Callable[[], object]]:
    """Look up and connect on the loopback, so a test can see the recording work."""

    def look_up_and_connect() -> None:
        socket.getaddrinfo("localhost", 9)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.connect(("127.0.0.1", 9))  # a UDP connect sends nothing

    return [look_up_and_connect, close_the_window]


class BrowserStandIn(QObject):
    """Takes the URLs the app asks the desktop to open, instead of a browser.

    ``QDesktopServices.setUrlHandler`` is Qt's own way to route ``openUrl``; what reaches the
    browser is the browser's traffic, not the app's, and a test must not start one.
    """

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        REPORT.setdefault("opened_urls", []).append(
            url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        )


SCENARIOS: dict[str, Callable[[], list[Callable[[], object]]]] = {
    "start": scenario_start,
    "paste-report": scenario_paste_report,
    "slot-exception": scenario_slot_exception,
    "session": scenario_session,
    "self-check": scenario_self_check,
}


def run(scenario: str) -> int:
    """Start the app with the scenario's steps queued; print the report; return the exit code."""
    app = QApplication([sys.argv[0]])  # noqa: F841  (main() finds and reuses it)
    watcher = QTimer()
    watcher.timeout.connect(dismiss_dialogs)
    watcher.start(STEP_INTERVAL_MS)
    browser = BrowserStandIn()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, browser, "open")
    steps = SCENARIOS[scenario]()
    QTimer.singleShot(0, lambda: run_steps(steps))
    exit_code = app_module.main([sys.argv[0]])
    watcher.stop()
    REPORT["exit_code"] = exit_code
    REPORT["excepthook_restored"] = sys.excepthook is sys.__excepthook__
    REPORT["network"] = NETWORK_EVENTS
    REPORT["network_modules"] = sorted(NETWORK_MODULES & set(sys.modules))
    REPORT["live_modules"] = sorted(
        name
        for name in sys.modules
        if any(name == live or name.startswith(f"{live}.") for live in LIVE_PACKAGES)
    )
    REPORT["package"] = app_module.__file__
    print(json.dumps(REPORT), flush=True)
    return exit_code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
