"""The one place that opens a connection: an HTTP request over TLS (plain HTTP only to a test
fake on a loopback address), answered or explained as a plain message.

TLS verification cannot be switched off: a context given by a caller (a test trusting its own
certificate) must still verify the certificate and the host name.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.hosts import is_loopback_host

DEFAULT_TIMEOUT_SECONDS = 20.0
USER_AGENT = "spotify-scope-picker"


@dataclass(frozen=True)
class HttpResponse:
    """A server's answer: status, headers (names in lower case), body, seconds it took."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes
    elapsed: float


def verified_context(context: ssl.SSLContext | None = None) -> ssl.SSLContext:
    """The system's trusted certificates, or ``context`` once it is known to verify."""
    if context is None:
        return ssl.create_default_context()
    if context.verify_mode is not ssl.CERT_REQUIRED or not context.check_hostname:
        raise ValueError("a TLS context must verify the certificate and the host name")
    return context


def send(
    method: str,
    url: str,
    *,
    headers: Mapping[str, str],
    body: bytes | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    tls: ssl.SSLContext | None = None,
) -> HttpResponse:
    """Send one request and read the whole answer; LiveError says why when there is none."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise LiveError(f"Refusing to send a request to {url}: it names no host.")
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=timeout, context=verified_context(tls)
        )
    elif parts.scheme == "http" and is_loopback_host(host):
        connection = http.client.HTTPConnection(host, parts.port, timeout=timeout)
    else:
        raise LiveError(f"Refusing to send a request to {url}: only HTTPS is used.")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    try:
        connection.request(method, target, body=body, headers={"User-Agent": USER_AGENT, **headers})
        answer = connection.getresponse()
        data = answer.read()
    except ssl.SSLCertVerificationError as error:
        raise LiveError(
            f"The certificate of {host} could not be verified ({error.verify_message}); "
            "nothing was sent. A proxy or antivirus that intercepts HTTPS can cause this."
        ) from None
    except TimeoutError:
        raise LiveError(f"{host} did not answer within {timeout:g} seconds.") from None
    except socket.gaierror:
        raise LiveError(
            f"Cannot find {host}: the network looks unreachable (no DNS). Check the connection."
        ) from None
    except http.client.HTTPException as error:
        raise LiveError(f"{host} answered with something that is not HTTP ({error!r}).") from None
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise LiveError(f"Cannot reach {host}: {reason}. Check the network connection.") from None
    finally:
        connection.close()
    return HttpResponse(
        status=answer.status,
        reason=answer.reason,
        headers={name.lower(): value for name, value in answer.getheaders()},
        body=data,
        elapsed=time.monotonic() - started,
    )
