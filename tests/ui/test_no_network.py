"""A whole session of the real app makes no network call: no DNS lookup, no internet socket.

The session ticks, copies, builds an authorization URL and opens it (in a stand-in browser),
shows the endpoints that need no scope, pastes a scope string, searches and ticks what the
search shows, chooses a preset and picks an endpoint.

The app runs in a child process (``app_driver.py``) whose audit hook sees every socket Python
creates and every name it looks up; strace, where it is installed, also sees what Qt does in
C++. Local sockets (X11, D-Bus) are allowed: the rule is no network, not no IPC.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from run_app import run_app

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.least_scopes import least_scopes
from scope_picker.core.presets import presets
from scope_picker.core.scope_string import format_scopes, parse_scopes

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SESSION_STEPS = [
    "tick_scopes",
    "copy_the_scope_string",
    "use_the_authorization_panel",
    "show_the_endpoints_that_need_no_scope",
    "paste_a_scope_string",
    "search_and_tick_what_it_shows",
    "choose_a_preset",
    "pick_an_endpoint",
    "close_the_window",
]
# strace prints the address family of every socket, connect, bind and send; AF_INET matches
# AF_INET6 too. Name lookups through a local daemon (nscd, systemd-resolved) are caught by path.
INTERNET_SYSCALL = re.compile(r"AF_INET|nscd|resolve")


def test_a_whole_session_makes_no_network_call(tmp_path: Path, catalogue: Catalogue) -> None:
    result, report = run_app("session", tmp_path)
    assert result.returncode == report["exit_code"] == 0, result.stderr
    assert report["steps"] == SESSION_STEPS
    assert report["copied"] == report["scope_string"] != ""
    url = report["authorization_url"]
    assert url.startswith("https://accounts.spotify.com/authorize?")
    assert report["url_copied"] == url
    # "Open in browser" hands the URL to the desktop (here a stand-in) and fetches nothing.
    assert report["opened_urls"] == [url]
    assert report["status_message"] == "Opened the authorization URL in your browser"
    # The later steps did what they are for, so the recording covers their code too.
    pasted = parse_scopes(catalogue, report["pasted"]).known
    assert report["after_paste"] == format_scopes(pasted)
    assert report["search_count"].endswith(" in Pick endpoints")
    assert report["search_shown"]
    after_search = catalogue.in_scope_order({*pasted, *report["search_shown"]})
    assert report["after_search"] == format_scopes(after_search)
    [library] = [preset for preset in presets(catalogue) if preset.id == "library"]
    assert report["after_preset"] == format_scopes(library.scopes)
    assert report["after_pick"] == format_scopes(least_scopes(catalogue, ["get-queue"]).scopes)
    assert report["network"] == []
    assert report["network_modules"] == []
    # The Authorization URL page was used but Get token never pressed: nothing live loaded.
    assert report["live_modules"] == []


def test_the_recording_sees_a_lookup_and_a_connect(tmp_path: Path) -> None:
    """The same harness, made to look up and connect on the loopback, reports both."""
    result, report = run_app("self-check", tmp_path)
    assert result.returncode == 0, result.stderr
    assert [event["event"] for event in report["network"]] == [
        "socket.getaddrinfo",
        "socket.__new__",
        "socket.connect",
    ]


def _strace(scenario: str, tmp_path: Path) -> list[str]:
    """The network system calls of a whole driver run, every process and thread included."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (.ci/run installs it)")
    trace = tmp_path / f"{scenario}.strace"
    result, report = run_app(
        scenario, tmp_path, prefix=[strace, "-f", "-qq", "-e", "trace=network", "-o", str(trace)]
    )
    if "ptrace" in result.stderr and not trace.exists():
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()}")
    assert result.returncode == report["exit_code"] == 0, result.stderr
    return trace.read_text(encoding="utf-8").splitlines()


def test_strace_sees_no_internet_socket_in_a_session(tmp_path: Path) -> None:
    calls = _strace("session", tmp_path)
    assert [call for call in calls if INTERNET_SYSCALL.search(call)] == []


def test_strace_sees_the_self_check_connect(tmp_path: Path) -> None:
    calls = _strace("self-check", tmp_path)
    assert any("connect(" in call and "AF_INET" in call for call in calls), calls
