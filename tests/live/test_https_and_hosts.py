"""The fake over HTTPS with a certificate made for one test and trusted only there; TLS
verification stays on; the two testing variables and what they refuse."""

from __future__ import annotations

import json
import re
import shutil
import socket
import ssl
import subprocess
import threading
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
    is_loopback_host,
)
from scope_picker.core.live.tokens import refresh
from scope_picker.core.live.transport import send, verified_context

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
    with pytest.raises(LiveError) as raised:
        refresh(hosts, token)
    assert re.fullmatch(
        r"The certificate of 127\.0\.0\.1 could not be verified \(self[- ]signed certificate\); "
        r"nothing was sent\. A proxy or antivirus that intercepts HTTPS can cause this\.",
        str(raised.value),
    )
    assert len(https_fake.token_requests) == 1


def test_spotify_hosts_by_default() -> None:
    hosts = hosts_from_environment({})
    assert hosts == Hosts()
    assert hosts.authorize_endpoint == "https://accounts.spotify.com/authorize"
    assert hosts.token_endpoint == "https://accounts.spotify.com/api/token"
    assert hosts.api_url("/me") == "https://api.spotify.com/v1/me"
    assert (hosts.accounts, hosts.api) == (DEFAULT_ACCOUNTS_URL, DEFAULT_API_URL)


def test_testing_variables_point_at_a_fake() -> None:
    # The names the README gives.
    hosts = hosts_from_environment(
        {
            "SCOPE_PICKER_ACCOUNTS_URL": "http://127.0.0.1:9001/",
            "SCOPE_PICKER_API_URL": "https://[::1]:9002",
        }
    )
    assert hosts.token_endpoint == "http://127.0.0.1:9001/api/token"
    assert hosts.api_url("/me") == "https://[::1]:9002/v1/me"
    assert hosts.authorize_endpoint == "http://127.0.0.1:9001/authorize"


NOT_A_URL = "is not a URL. It is for testing only: unset it."
NOT_AN_ORIGIN = (
    "is not an origin such as https://host:port (no path). "
    "It is for testing only: unset it to use Spotify."
)
UNENCRYPTED = (
    "would send tokens unencrypted: use https://, or http:// only with a loopback address "
    "such as 127.0.0.1 for a test fake. Unset it to use Spotify."
)


@pytest.mark.parametrize("variable", [ACCOUNTS_URL_VARIABLE, API_URL_VARIABLE])
@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("http://example.com", UNENCRYPTED),
        ("http://localhost:9000", UNENCRYPTED),
        ("ftp://127.0.0.1:9000", UNENCRYPTED),
        ("https://127.0.0.1:9000/api", NOT_AN_ORIGIN),
        ("https://127.0.0.1:9000/XX", NOT_AN_ORIGIN),
        ("https://127.0.0.1:9000?debug=1", NOT_AN_ORIGIN),
        ("https://127.0.0.1:9000#top", NOT_AN_ORIGIN),
        ("https://", NOT_AN_ORIGIN),
        ("127.0.0.1:9000", NOT_AN_ORIGIN),
        ("https://127.0.0.1:99999", NOT_A_URL),
        ("https://[::1", NOT_A_URL),
    ],
)
def test_testing_variables_that_would_leak_or_cannot_work_are_refused(
    variable: str, value: str, problem: str
) -> None:
    with pytest.raises(LiveError) as raised:
        hosts_from_environment({variable: value})
    assert str(raised.value) == f"{variable} is set to {value!r}, which {problem}"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("localhost", False),
        ("192.168.1.10", False),
        ("::2", False),
        ("", False),
    ],
)
def test_only_a_loopback_ip_literal_is_a_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_a_blank_testing_variable_is_unset() -> None:
    assert hosts_from_environment({ACCOUNTS_URL_VARIABLE: " ", API_URL_VARIABLE: ""}) == Hosts()


# --- the one place that opens a connection


def test_a_request_is_sent_whole_and_its_answer_read_whole(fake: FakeSpotify) -> None:
    answer = send("GET", f"{fake.origin}/v1/me?market=ES", headers={"Authorization": "Bearer x"})
    assert (answer.status, answer.reason) == (401, "Unauthorized")
    assert answer.headers["content-type"] == "application/json"
    assert json.loads(answer.body) == {
        "error": {"status": 401, "message": "The access token expired"}
    }
    assert 0 < answer.elapsed < 5
    [(method, path, headers)] = fake.api_requests
    assert (method, path) == ("GET", "/v1/me?market=ES")
    assert (headers["authorization"], headers["user-agent"]) == ("Bearer x", "spotify-scope-picker")


@pytest.mark.parametrize("url", ["http://localhost:1/v1/me", "ftp://127.0.0.1:1/v1/me"])
def test_plain_http_goes_to_a_loopback_address_only(url: str) -> None:
    with pytest.raises(LiveError) as raised:
        send("GET", url, headers={})
    assert str(raised.value) == f"Refusing to send a request to {url}: only HTTPS is used."


@pytest.mark.parametrize("url", ["https:///v1/me", "https://:443/v1/me", "http:///v1/me"])
def test_a_url_that_names_no_host_is_refused_before_any_connection(url: str) -> None:
    """An empty host would be this machine to the socket layer: the request is not sent."""
    with pytest.raises(LiveError) as raised:
        send("GET", url, headers={"Authorization": "Bearer x"})
    assert str(raised.value) == f"Refusing to send a request to {url}: it names no host."


def test_a_closed_port_is_a_plain_message(free_port: int) -> None:
    with pytest.raises(LiveError) as raised:
        send("GET", f"http://127.0.0.1:{free_port}/v1/me", headers={})
    assert str(raised.value) == (
        "Cannot reach 127.0.0.1: Connection refused. Check the network connection."
    )


def test_a_host_that_cannot_be_found_is_a_plain_message() -> None:
    with pytest.raises(LiveError) as raised:
        send("GET", "https://scope-picker.invalid/v1/me", headers={})  # .invalid never resolves
    assert str(raised.value) == (
        "Cannot find scope-picker.invalid: the network looks unreachable (no DNS). "
        "Check the connection."
    )


def test_a_server_that_never_answers_is_a_timeout() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1/me"
        with pytest.raises(LiveError) as raised:
            send("GET", url, headers={}, timeout=1.0)
    assert str(raised.value) == "127.0.0.1 did not answer within 1 seconds."


def test_an_answer_that_is_not_http_is_a_plain_message() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def answer_garbage() -> None:
            connection, _ = server.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(b"hello\r\n")

        answering = threading.Thread(target=answer_garbage)
        answering.start()
        with pytest.raises(LiveError) as raised:
            send("GET", f"http://127.0.0.1:{server.getsockname()[1]}/v1/me", headers={})
        answering.join(5)
    assert str(raised.value) == (
        "127.0.0.1 answered with something that is not HTTP (BadStatusLine('hello\\r\\n'))."
    )


@pytest.mark.parametrize(
    ("verify_mode", "check_hostname"),
    [
        (ssl.CERT_NONE, False),
        (ssl.CERT_OPTIONAL, True),
        (ssl.CERT_OPTIONAL, False),
        (ssl.CERT_REQUIRED, False),
    ],
)
def test_a_context_that_does_not_verify_both_is_refused(
    verify_mode: ssl.VerifyMode, check_hostname: bool
) -> None:
    lax = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies both until told otherwise
    assert verified_context(lax) is lax
    lax.check_hostname = check_hostname
    lax.verify_mode = verify_mode
    with pytest.raises(
        ValueError, match=r"^a TLS context must verify the certificate and the host name$"
    ):
        verified_context(lax)


def test_without_a_context_the_system_certificates_are_verified() -> None:
    context = verified_context()
    assert (context.verify_mode, context.check_hostname) == (ssl.CERT_REQUIRED, True)
