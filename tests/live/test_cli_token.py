"""``scope-picker token`` against the fake Spotify: the browser is opened on the authorize URL,
the token response is printed as JSON, nothing is written to disk, failures exit 3."""

from __future__ import annotations

import json
import subprocess
import sys
import webbrowser
from pathlib import Path

import pytest
from fake_browser import Browser, browse
from fake_spotify import CLIENT_ID, FakeSpotify

from scope_picker.cli.main import main
from scope_picker.core.live.hosts import ACCOUNTS_URL_VARIABLE, API_URL_VARIABLE

SCOPES = ["user-read-playback-state", "user-top-read"]


@pytest.fixture
def at_the_fake(fake: FakeSpotify, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The testing variables point at the fake; home and the working folder are empty."""
    monkeypatch.setenv(ACCOUNTS_URL_VARIABLE, fake.origin)
    monkeypatch.setenv(API_URL_VARIABLE, fake.origin)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_token_opens_the_browser_and_prints_the_token_response(
    at_the_fake: Path,
    fake: FakeSpotify,
    redirect_uri: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    browsers: list[Browser] = []

    def open_url(url: str) -> bool:
        browsers.append(Browser(lambda: browse(url)).open())
        return True

    monkeypatch.setattr(webbrowser, "open", open_url)
    status = main(["token", *SCOPES, "--client-id", CLIENT_ID, "--redirect-uri", redirect_uri])
    for browser in browsers:
        browser.close()
    out, err = capsys.readouterr()
    assert status == 0, err
    response = json.loads(out)
    assert response["access_token"] == fake.issued_access_tokens[-1]
    assert response["scope"] == " ".join(SCOPES)
    assert set(response) == {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
    [browser] = browsers
    assert "You can close this tab" in browser.visits[0].page
    assert f"{fake.origin}/authorize?" in err
    assert response["access_token"] not in err
    assert list(at_the_fake.iterdir()) == []


@pytest.mark.usefixtures("at_the_fake")
def test_a_refused_consent_exits_3_with_the_reason(
    fake: FakeSpotify,
    redirect_uri: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.user_allows = False
    browsers: list[Browser] = []
    monkeypatch.setattr(
        webbrowser, "open", lambda url: bool(browsers.append(Browser(lambda: browse(url)).open()))
    )
    status = main(["token", "--client-id", CLIENT_ID, "--redirect-uri", redirect_uri])
    for browser in browsers:
        browser.close()
    out, err = capsys.readouterr()
    assert (status, out) == (3, "")
    assert "You did not allow access" in err


@pytest.mark.usefixtures("at_the_fake")
def test_unknown_scopes_are_refused_before_going_online(
    fake: FakeSpotify, redirect_uri: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["token", "user-read-playback", "--client-id", CLIENT_ID, "--redirect-uri", redirect_uri]
    )
    assert status == 2
    assert "did you mean 'user-read-playback-state'" in capsys.readouterr().err
    assert fake.authorize_queries == fake.token_requests == []


@pytest.mark.usefixtures("at_the_fake")
def test_a_non_loopback_redirect_uri_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["token", "--client-id", CLIENT_ID, "--redirect-uri", "https://example.com/callback"]
    )
    assert status == 3
    assert "needs a loopback redirect URI" in capsys.readouterr().err


@pytest.mark.slow
def test_other_commands_do_not_load_the_network_code() -> None:
    script = (
        "import sys\n"
        "from scope_picker.cli.main import main\n"
        "main(['explain', 'user-top-read'])\n"
        "loaded = [m for m in sys.modules if m in ('ssl', 'http.client', 'socket')\n"
        "          or m.startswith('scope_picker.core.live')]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "LOADED []" in result.stderr
