"""Where the app goes when live: Spotify's accounts and API hosts, or test fakes on the loopback.

``SCOPE_PICKER_ACCOUNTS_URL`` and ``SCOPE_PICKER_API_URL`` replace the two origins, for testing
only: a replacement must be HTTPS, or plain HTTP on a loopback address (a fake started by a
test); anything else is refused with a message, so a mistyped variable cannot send a token
elsewhere in the clear.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from scope_picker.core.authorize import AUTHORIZE_ENDPOINT, TOKEN_ENDPOINT
from scope_picker.core.live.errors import LiveError

ACCOUNTS_URL_VARIABLE = "SCOPE_PICKER_ACCOUNTS_URL"
API_URL_VARIABLE = "SCOPE_PICKER_API_URL"
DEFAULT_API_URL = "https://api.spotify.com"
API_PATH_PREFIX = "/v1"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


DEFAULT_ACCOUNTS_URL = _origin(AUTHORIZE_ENDPOINT)


def is_loopback_host(host: str) -> bool:
    """True for a loopback IP literal (127.0.0.0/8, ::1); names such as localhost are not."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Hosts:
    """The accounts and API origins (scheme, host, port), without a trailing slash."""

    accounts: str = DEFAULT_ACCOUNTS_URL
    api: str = DEFAULT_API_URL

    @property
    def authorize_endpoint(self) -> str:
        """Where the browser goes to log in and consent."""
        return self.accounts + urlsplit(AUTHORIZE_ENDPOINT).path

    @property
    def token_endpoint(self) -> str:
        """Where a code or refresh token is traded for an access token."""
        return self.accounts + urlsplit(TOKEN_ENDPOINT).path

    def api_url(self, path: str) -> str:
        """The full URL of a Web API path such as ``/me/player``."""
        return f"{self.api}{API_PATH_PREFIX}{path}"


def hosts_from_environment(environment: Mapping[str, str] | None = None) -> Hosts:
    """Spotify's hosts, or the testing replacements the environment names."""
    env = os.environ if environment is None else environment
    return Hosts(
        accounts=_checked_origin(env, ACCOUNTS_URL_VARIABLE, DEFAULT_ACCOUNTS_URL),
        api=_checked_origin(env, API_URL_VARIABLE, DEFAULT_API_URL),
    )


def _checked_origin(env: Mapping[str, str], variable: str, default: str) -> str:
    value = env.get(variable, "").strip()
    if not value:
        return default
    problem = f"{variable} is set to {value!r}, which"
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (reading it checks the port is a number)
    except ValueError:
        raise LiveError(f"{problem} is not a URL. It is for testing only: unset it.") from None
    if parts.path.strip("/") or parts.query or parts.fragment or not host:
        raise LiveError(
            f"{problem} is not an origin such as https://host:port (no path). "
            "It is for testing only: unset it to use Spotify."
        )
    if parts.scheme == "https" or (parts.scheme == "http" and is_loopback_host(host)):
        return _origin(value)
    raise LiveError(
        f"{problem} would send tokens unencrypted: use https://, or http:// only with a "
        "loopback address such as 127.0.0.1 for a test fake. Unset it to use Spotify."
    )
