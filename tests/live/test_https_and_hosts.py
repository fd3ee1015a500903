"""The fake over HTTPS with a certificate made for one test and trusted only there; TLS
verification stays on; the two testing variables and what they refuse."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_browser import Browser, Visit, browse
from fake_spotify import CLIENT_ID, FakeSpotify, serving

from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.flow import start_attempt
from scope_picker.core.live.hosts import (
    ACCOUNTS_URL_VARIABLE,
    API_URL_VARIABLE,
    DEFAULT_ACCOUNTS_URL,
    DEFAULT_API_URL,
    Hosts,
    hosts_from_environment,
)
from scope_picker.core.live.tokens import refresh
from scope_picker.core.live.transport import verified_context

SCOPES = ("user-library-read",)


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, valid for a day, made by openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("openssl is not installed (.ci/run installs it)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def https_fake(certificate: tuple[Path, Path], redirect_uri: str) -> Iterator[FakeSpotify]:
    cert, key = certificate
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    with serving(FakeSpotify(redirect_uris=[redirect_uri]), tls=server_tls) as running:
        yield running


def test_the_flow_runs_over_https_trusting_the_test_certificate_only_here(
    https_fake: FakeSpotify,
    certificate: tuple[Path, Path],
    redirect_uri: str,
    open_browser: Callable[[Callable[[], Visit]], Browser],
) -> None:
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    hosts = Hosts(accounts=https_fake.origin, api=https_fake.origin)
    attempt = start_attempt(hosts, client_id=CLIENT_ID, redirect_uri=redirect_uri, scopes=SCOPES)
    assert attempt.url.startswith("https://127.0.0.1:")
    open_browser(lambda: browse(attempt.url, trusted))
    token = attempt.finish(timeout=10, tls=trusted)
    assert token.granted == SCOPES
    # Without the test's trust, the system's certificates refuse the fake: nothing is sent.
    with pytest.raises(LiveError, match=r"could not be verified.*nothing was sent"):
        refresh(hosts, token)
    assert len(https_fake.token_requests) == 1


def test_a_context_that_does_not_verify_is_refused() -> None:
    lax = ssl.create_default_context()
    lax.check_hostname = False
    lax.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError, match="must verify"):
        verified_context(lax)


def test_spotify_hosts_by_default() -> None:
    hosts = hosts_from_environment({})
    assert hosts == Hosts()
    assert hosts.authorize_endpoint == "https://accounts.spotify.com/authorize"
    assert hosts.token_endpoint == "https://accounts.spotify.com/api/token"
    assert hosts.api_url("/me") == "https://api.spotify.com/v1/me"
    assert (hosts.accounts, hosts.api) == (DEFAULT_ACCOUNTS_URL, DEFAULT_API_URL)


def test_testing_variables_point_at_a_fake() -> None:
    hosts = hosts_from_environment(
        {ACCOUNTS_URL_VARIABLE: "http://127.0.0.1:9001/", API_URL_VARIABLE: "https://[::1]:9002"}
    )
    assert hosts.token_endpoint == "http://127.0.0.1:9001/api/token"
    assert hosts.api_url("/me") == "https://[::1]:9002/v1/me"
    assert hosts.authorize_endpoint == "http://127.0.0.1:9001/authorize"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("http://example.com", "would send tokens unencrypted"),
        ("http://localhost:9000", "would send tokens unencrypted"),
        ("https://127.0.0.1:9000/api", "no path"),
        ("https://127.0.0.1:99999", "not a URL"),
        ("127.0.0.1:9000", "not an origin"),
    ],
)
def test_testing_variables_that_would_leak_or_cannot_work_are_refused(
    value: str, problem: str
) -> None:
    with pytest.raises(LiveError, match=problem) as raised:
        hosts_from_environment({API_URL_VARIABLE: value})
    assert "testing only" in str(raised.value) or "Unset it" in str(raised.value)
