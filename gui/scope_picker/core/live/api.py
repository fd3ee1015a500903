"""A request to the Web API with the token: method, path parameters, query, JSON body; and the
answer as the window shows it (status, Retry-After, the body parsed, the time taken).

The token travels in the Authorization header only, never in the URL.
"""

from __future__ import annotations

import contextlib
import json
import re
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.tokens import Token
from scope_picker.core.live.transport import send

_PATH_PARAMETER = re.compile(r"\{(\w+)\}")
WRITE_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})


def path_parameters(path: str) -> tuple[str, ...]:
    """The names in braces of a path template such as ``/playlists/{playlist_id}/items``."""
    return tuple(_PATH_PARAMETER.findall(path))


@dataclass(frozen=True)
class ApiCall:
    """One request as the user filled it in."""

    method: str
    path: str
    path_values: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    body: str = ""

    @property
    def changes_account(self) -> bool:
        """True for a write: the window asks before sending it."""
        return self.method.upper() in WRITE_METHODS

    def filled_path(self) -> str:
        """The path with each parameter percent-encoded; LiveError names an empty one."""
        missing = [name for name in path_parameters(self.path) if not self.path_values.get(name)]
        if missing:
            raise LiveError(f"Fill in {', '.join(missing)} before sending.")
        return _PATH_PARAMETER.sub(
            lambda match: quote(self.path_values[match.group(1)].strip(), safe=""), self.path
        )

    def json_body(self) -> bytes | None:
        """The body as sent, None when empty; LiveError says where the JSON breaks."""
        if not self.body.strip():
            return None
        try:
            json.loads(self.body)
        except json.JSONDecodeError as error:
            raise LiveError(
                f"The body is not valid JSON (line {error.lineno}, column {error.colno}): "
                f"{error.msg}."
            ) from None
        return self.body.encode("utf-8")

    def url(self, hosts: Hosts) -> str:
        """The request's full URL (no token in it)."""
        query = {name: value for name, value in self.query.items() if name.strip()}
        suffix = f"?{urlencode(query)}" if query else ""
        return hosts.api_url(self.filled_path()) + suffix


@dataclass(frozen=True)
class ApiResponse:
    """What the Web API answered."""

    status: int
    reason: str
    retry_after: int | None
    elapsed: float
    text: str
    data: Any
    is_json: bool

    @property
    def ok(self) -> bool:
        """True for a 2xx status."""
        return 200 <= self.status < 300

    @property
    def error_message(self) -> str:
        """Spotify's ``error.message`` (or ``error_description``), or an empty string."""
        if not isinstance(self.data, dict):
            return ""
        error = self.data.get("error")
        if isinstance(error, dict):
            return str(error.get("message", ""))
        return str(self.data.get("error_description", error or ""))

    def pretty(self) -> str:
        """The body indented when it is JSON, as received otherwise."""
        if self.is_json:
            return json.dumps(self.data, indent=2, ensure_ascii=False)
        return self.text


def send_call(
    hosts: Hosts, token: Token, call: ApiCall, *, tls: ssl.SSLContext | None = None
) -> ApiResponse:
    """Send the request with the token; LiveError when there is no answer at all."""
    body = call.json_body()
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    elif call.changes_account:
        headers["Content-Length"] = "0"
    answer = send(call.method.upper(), call.url(hosts), headers=headers, body=body, tls=tls)
    text = answer.body.decode("utf-8", errors="replace")
    data: Any = None
    is_json = False
    if text.strip():
        with contextlib.suppress(ValueError):
            data, is_json = json.loads(text), True
    retry_after = answer.headers.get("retry-after", "").strip()
    return ApiResponse(
        status=answer.status,
        reason=answer.reason,
        retry_after=int(retry_after) if retry_after.isdigit() else None,
        elapsed=answer.elapsed,
        text=text,
        data=data,
        is_json=is_json,
    )
