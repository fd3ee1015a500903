"""Build and check a Spotify authorization URL for the Authorization Code flow with PKCE.

Spotify removed the implicit grant in November 2025 and, for apps created since April 2025,
enforces stricter redirect URIs: HTTPS except for loopback IP literals, no ``localhost``. This
module checks a Client ID and a redirect URI against those rules, explaining each problem and
deriving a corrected URI where it can, and builds the ``/authorize`` URL and a copy-paste token
request. It works offline and never needs a client secret: PKCE replaces it with a one-time code
verifier. Everything here is pure Python, so it is tested without a display.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import secrets
import shlex
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import SplitResult, quote, urlencode, urlsplit, urlunsplit

AUTHORIZE_ENDPOINT = "https://accounts.spotify.com/authorize"
TOKEN_ENDPOINT = "https://accounts.spotify.com/api/token"
CODE_PLACEHOLDER = "PASTE_CODE_HERE"

CLIENT_ID_LENGTH = 32
CODE_VERIFIER_MIN_LENGTH = 43
CODE_VERIFIER_MAX_LENGTH = 128
# RFC 7636 says the longer the better; the length costs nothing since the app hands it over.
DEFAULT_CODE_VERIFIER_LENGTH = CODE_VERIFIER_MAX_LENGTH
UNRESERVED_CHARACTERS = string.ascii_letters + string.digits + "-._~"
STATE_BYTES = 16

# RFC 3986: everything that may appear in a URI as it is; anything else must be percent-encoded.
_URI_CHARACTERS = frozenset(UNRESERVED_CHARACTERS + ":/?#[]@" + "!$&'()*+,;=" + "%")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.DOTALL)
_HOST_AND_PORT = re.compile(r"\d+(?:[/?#]|$)")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CODE_VERIFIER = re.compile(
    rf"[A-Za-z0-9._~-]{{{CODE_VERIFIER_MIN_LENGTH},{CODE_VERIFIER_MAX_LENGTH}}}"
)
_WEB_SCHEMES = frozenset({"http", "https"})
# Schemes that run code or read local data instead of returning to an app.
_FORBIDDEN_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "about", "blob"})
_PREFERRED_LOOPBACK = "127.0.0.1"
_PREFERRED_LOOPBACK_HOSTS = frozenset({_PREFERRED_LOOPBACK, "::1"})
# A suggestion may need a few fixes in a row (no scheme, then localhost); more means no luck.
_MAX_FIXES = 5


class Severity(StrEnum):
    """How much a finding matters: only errors make the URL unusable."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user about an input, with a corrected value where one exists."""

    severity: Severity
    message: str
    suggestion: str | None = None


@dataclass(frozen=True)
class CheckResult:
    """An input after trimming, and what was found about it."""

    value: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing stops the value from being used."""
        return all(finding.severity is not Severity.ERROR for finding in self.findings)

    @property
    def suggestion(self) -> str | None:
        """The first corrected value offered, errors first, or None."""
        for finding in sorted(self.findings, key=lambda f: _SEVERITY_ORDER[f.severity]):
            if finding.suggestion is not None:
                return finding.suggestion
        return None


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def format_findings(findings: Sequence[Finding]) -> str:
    """One line per finding, labelled by severity, for a message next to an input."""
    labels = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
    return "\n".join(f"{labels[finding.severity]}: {finding.message}" for finding in findings)


def _describe_character(character: str) -> str:
    names = {" ": "a space", "\t": "a tab", "\n": "a line break", "\r": "a line break"}
    if character in names:
        return names[character]
    if character.isprintable():
        return f"'{character}'"
    return f"U+{ord(character):04X}"


def _describe_characters(characters: Sequence[str]) -> str:
    unique = list(dict.fromkeys(characters))
    return ", ".join(_describe_character(character) for character in unique)


def _trim_note(text: str, trimmed: str, what: str) -> list[Finding]:
    if trimmed == text:
        return []
    return [Finding(Severity.INFO, f"Removed the spaces or line breaks around the pasted {what}.")]


# --- Client ID -----------------------------------------------------------------------------


def check_client_id(text: str) -> CheckResult:
    """Check a pasted Client ID: exactly 32 hexadecimal characters, as the dashboard shows it."""
    client_id = text.strip()
    findings = _trim_note(text, client_id, "Client ID")
    if not client_id:
        message = "Paste the Client ID from your app's settings in the Spotify dashboard."
        return CheckResult(client_id, (Finding(Severity.ERROR, message),))
    not_hex = [character for character in client_id if character not in string.hexdigits]
    if not_hex:
        findings.append(
            Finding(
                Severity.ERROR,
                f"A Client ID has only the characters 0-9 and a-f; this one has "
                f"{_describe_characters(not_hex)}.",
            )
        )
    if len(client_id) != CLIENT_ID_LENGTH:
        findings.append(
            Finding(
                Severity.ERROR,
                f"A Client ID has exactly {CLIENT_ID_LENGTH} characters; this one has "
                f"{len(client_id)}. Copy it again from the dashboard.",
            )
        )
    return CheckResult(client_id, tuple(findings))


# --- Redirect URI --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Problem:
    """A finding before its candidate fix has been checked (and maybe fixed again)."""

    severity: Severity
    message: str
    candidate: str | None = None


def check_redirect_uri(text: str) -> CheckResult:
    """Check a redirect URI against Spotify's rules; never raises, whatever the text."""
    uri = text.strip()
    findings = _trim_note(text, uri, "redirect URI")
    problems = _diagnose(uri)
    findings.extend(
        Finding(problem.severity, problem.message, _settle(problem.candidate))
        for problem in problems
    )
    if all(problem.severity is not Severity.ERROR for problem in problems):
        findings.append(
            Finding(
                Severity.INFO,
                "It must match a redirect URI in your app's dashboard character for character "
                "(scheme, host, port, path, trailing slash). Only loopback addresses registered "
                "without a port accept any port.",
            )
        )
    return CheckResult(uri, tuple(findings))


def _settle(candidate: str | None) -> str | None:
    """Fix the candidate until it has no errors; None when that cannot be done."""
    for _ in range(_MAX_FIXES):
        if candidate is None:
            return None
        errors = [p for p in _diagnose(candidate) if p.severity is Severity.ERROR]
        if not errors:
            return candidate
        candidate = errors[0].candidate
    return None


def _diagnose(uri: str) -> list[_Problem]:
    """The problems of a trimmed URI; stops at the first error, as later checks need a parse."""
    for check in (_check_characters, _check_fragment):
        problem = check(uri)
        if problem is not None:
            return [problem]
    match = _SCHEME.fullmatch(uri)
    if match is None or _HOST_AND_PORT.match(match.group(2)):
        return [_missing_scheme(uri)]
    scheme = match.group(1).lower()
    if scheme in _WEB_SCHEMES:
        return _diagnose_web_uri(uri, scheme)
    return _diagnose_custom_scheme(uri, scheme, match.group(2))


def _check_characters(uri: str) -> _Problem | None:
    if not uri:
        return _Problem(
            Severity.ERROR,
            "Enter the redirect URI registered in your app's dashboard, "
            "for example http://127.0.0.1:8888/callback.",
        )
    whitespace = [character for character in uri if character.isspace()]
    if whitespace:
        return _Problem(
            Severity.ERROR,
            f"A URI cannot contain {_describe_characters(whitespace)}. If it belongs there, "
            "write it as %20.",
            "".join(character for character in uri if not character.isspace()),
        )
    invalid = [character for character in uri if character not in _URI_CHARACTERS]
    if invalid:
        return _Problem(
            Severity.ERROR,
            f"A URI cannot contain {_describe_characters(invalid)} as written; "
            "it must be percent-encoded (the browser sends it that way).",
            _percent_encode(uri),
        )
    if _STRAY_PERCENT.search(uri):
        return _Problem(
            Severity.ERROR,
            "A '%' must start a percent-encoded byte such as %20; write a literal '%' as %25.",
            _STRAY_PERCENT.sub("%25", uri),
        )
    return None


def _percent_encode(uri: str) -> str | None:
    """The URI with its host in IDNA form and other disallowed characters percent-encoded."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        if not host.isascii():
            netloc = _replace_host(parts.netloc, host.encode("idna").decode("ascii"))
            parts = parts._replace(netloc=netloc)
    except (ValueError, UnicodeError):
        return None
    safe = "".join(sorted(_URI_CHARACTERS))
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe),
            quote(parts.fragment, safe=safe),
        )
    )


def _check_fragment(uri: str) -> _Problem | None:
    if "#" not in uri:
        return None
    return _Problem(
        Severity.ERROR,
        "A redirect URI cannot have a fragment (the part from '#'): OAuth forbids it.",
        uri.partition("#")[0],
    )


def _missing_scheme(uri: str) -> _Problem:
    """Suggest a scheme only when what is there looks like a host: "garbage" gets none."""
    rest = uri.lstrip("/")
    host = _host_of(f"https://{rest}") or ""
    local = _is_localhost(host) or _is_loopback(host)
    candidate = None
    if local or "." in host or ":" in host:
        candidate = f"{'http' if local else 'https'}://{rest}"
    return _Problem(
        Severity.ERROR,
        "The redirect URI has no scheme: start it with https://, or http:// for a loopback "
        "address such as 127.0.0.1.",
        candidate,
    )


def _host_of(uri: str) -> str | None:
    try:
        return urlsplit(uri).hostname
    except ValueError:
        return None


def _is_localhost(host: str) -> bool:
    return host == "localhost" or host.endswith(".localhost")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _diagnose_web_uri(uri: str, scheme: str) -> list[_Problem]:
    rest = uri.partition(":")[2]
    if not rest.startswith("//"):
        return [
            _Problem(
                Severity.ERROR,
                f"Write {scheme}:// with two slashes before the host.",
                f"{scheme}://{rest.lstrip('/')}" if rest.strip("/") else None,
            )
        ]
    try:
        parts = urlsplit(uri)
    except ValueError:
        return [
            _Problem(
                Severity.ERROR,
                "The host cannot be read: check its brackets. An IPv6 address goes in brackets, "
                "like http://[::1]:8888.",
            )
        ]
    host = parts.hostname
    if not host:
        return [_Problem(Severity.ERROR, f"The redirect URI has no host after {scheme}://.")]
    port_problem = _check_port(parts)
    if port_problem is not None:
        return [port_problem]
    if _is_localhost(host):
        return [
            _Problem(
                Severity.ERROR,
                "Spotify does not accept localhost; use the loopback address 127.0.0.1 "
                "(or [::1]) with the same port and path.",
                _rebuild(uri, parts, netloc=_replace_host(parts.netloc, _PREFERRED_LOOPBACK)),
            )
        ]
    loopback = _is_loopback(host)
    if scheme == "http" and not loopback:
        return [
            _Problem(
                Severity.ERROR,
                "Spotify requires HTTPS, except for loopback addresses such as 127.0.0.1.",
                _to_https(uri, parts),
            )
        ]
    problems: list[_Problem] = []
    if parts.username is not None:
        problems.append(
            _Problem(
                Severity.WARNING,
                "The URI carries a user name or password before '@'; remove it, "
                "as it ends up in browser history.",
                _rebuild(uri, parts, netloc=parts.netloc.rpartition("@")[2]),
            )
        )
    if loopback and host not in _PREFERRED_LOOPBACK_HOSTS:
        problems.append(
            _Problem(
                Severity.WARNING,
                f"Spotify documents the loopback addresses 127.0.0.1 and [::1]; {host} "
                "may be refused.",
                _rebuild(uri, parts, netloc=_replace_host(parts.netloc, _PREFERRED_LOOPBACK)),
            )
        )
    if loopback and parts.port is None:
        problems.append(
            _Problem(
                Severity.INFO,
                "No port: register it like this in the dashboard, and your app may then "
                "listen on any port it is given (Spotify allows dynamic loopback ports).",
            )
        )
    return problems


def _check_port(parts: SplitResult) -> _Problem | None:
    try:
        if parts.port != 0:
            return None
    except ValueError:  # not a number, or past 65535
        pass
    return _Problem(
        Severity.ERROR,
        f"The port '{_raw_port(parts.netloc)}' is not a number from 1 to 65535.",
    )


def _raw_port(netloc: str) -> str:
    host_and_port = netloc.rpartition("@")[2]
    if host_and_port.startswith("["):
        return host_and_port.partition("]")[2].removeprefix(":")
    return host_and_port.partition(":")[2]


def _rebuild(uri: str, parts: SplitResult, *, scheme: str | None = None, netloc: str) -> str:
    """The URI with another scheme or authority; path, query and all else kept as written."""
    written_scheme, _, rest = uri.partition("://")
    return f"{scheme or written_scheme}://{netloc}{rest.removeprefix(parts.netloc)}"


def _replace_host(netloc: str, host: str) -> str:
    """The authority with another host, keeping user info and the port exactly as written."""
    userinfo, at, host_and_port = netloc.rpartition("@")
    if host_and_port.startswith("["):
        port_suffix = host_and_port.partition("]")[2]
    else:
        _, colon, port = host_and_port.partition(":")
        port_suffix = colon + port
    written_host = f"[{host}]" if ":" in host else host
    return f"{userinfo}{at}{written_host}{port_suffix}"


def _to_https(uri: str, parts: SplitResult) -> str:
    """The HTTPS form: port 80 is HTTP's own, so it is dropped rather than carried over."""
    netloc = parts.netloc.removesuffix(":80") if parts.port == 80 else parts.netloc
    return _rebuild(uri, parts, scheme="https", netloc=netloc)


def _diagnose_custom_scheme(uri: str, scheme: str, rest: str) -> list[_Problem]:
    if scheme in _FORBIDDEN_SCHEMES:
        return [
            _Problem(
                Severity.ERROR,
                f"A {scheme}: URI cannot receive a redirect; use https://, a loopback "
                "http://127.0.0.1 address, or your app's own scheme.",
            )
        ]
    if not rest.strip("/"):
        return [
            _Problem(
                Severity.ERROR,
                f"Nothing follows {scheme}:; add the path your app listens on, "
                f"like {scheme}://callback.",
                f"{uri.rstrip('/').removesuffix(':')}://callback",
            )
        ]
    return [
        _Problem(
            Severity.INFO,
            f"Custom scheme {scheme}: fine for a native app, but Spotify recommends HTTPS "
            "(Android App Links, iOS Universal Links) where possible.",
        )
    ]


# --- PKCE (RFC 7636) -----------------------------------------------------------------------


def new_code_verifier(length: int = DEFAULT_CODE_VERIFIER_LENGTH) -> str:
    """A fresh code verifier: cryptographically random unreserved characters."""
    if not CODE_VERIFIER_MIN_LENGTH <= length <= CODE_VERIFIER_MAX_LENGTH:
        raise ValueError(
            f"a code verifier has {CODE_VERIFIER_MIN_LENGTH} to {CODE_VERIFIER_MAX_LENGTH} "
            f"characters, not {length}"
        )
    return "".join(secrets.choice(UNRESERVED_CHARACTERS) for _ in range(length))


def is_valid_code_verifier(verifier: str) -> bool:
    """True when the verifier has 43-128 characters, all unreserved."""
    return _CODE_VERIFIER.fullmatch(verifier) is not None


def code_challenge(verifier: str) -> str:
    """The S256 challenge: base64url of SHA-256 of the verifier, without padding."""
    if not is_valid_code_verifier(verifier):
        raise ValueError("not a code verifier: 43-128 characters from A-Z a-z 0-9 - . _ ~")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_state() -> str:
    """A fresh random state, to match Spotify's callback to this request."""
    return secrets.token_urlsafe(STATE_BYTES)


# --- URLs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorizationRequest:
    """The inputs of one authorization request (as typed, or once checked and trimmed)."""

    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str
    code_verifier: str
    show_dialog: bool = False


def _encode(params: Sequence[tuple[str, str]]) -> str:
    """Percent-encode every reserved character, spaces as %20 (never '+')."""
    return urlencode(params, quote_via=quote, safe="")


def authorization_url(request: AuthorizationRequest) -> str:
    """The ``/authorize`` URL; ``scope``, ``state``, ``show_dialog`` only when they say something.

    Without ``scope`` Spotify grants access to public data only; ``show_dialog`` is false by
    default, so it is sent only when true.
    """
    for scope in request.scopes:
        if not scope or any(character.isspace() for character in scope):
            raise ValueError(f"not a scope: {scope!r}")
    params = [
        ("client_id", request.client_id),
        ("response_type", "code"),
        ("redirect_uri", request.redirect_uri),
    ]
    if request.scopes:
        params.append(("scope", " ".join(request.scopes)))
    if request.state:
        params.append(("state", request.state))
    params += [
        ("code_challenge_method", "S256"),
        ("code_challenge", code_challenge(request.code_verifier)),
    ]
    if request.show_dialog:
        params.append(("show_dialog", "true"))
    return f"{AUTHORIZE_ENDPOINT}?{_encode(params)}"


def token_request_example(request: AuthorizationRequest) -> str:
    """A curl command that trades the callback's code for tokens; PKCE needs no client secret.

    Each field is form-encoded and shell-quoted on its own line; the code placeholder is to be
    replaced with the ``code`` value from the callback URL, which is already URL-safe.
    """
    fields = [
        ("grant_type", "authorization_code"),
        ("code", CODE_PLACEHOLDER),
        ("redirect_uri", request.redirect_uri),
        ("client_id", request.client_id),
        ("code_verifier", request.code_verifier),
    ]
    lines = [
        f"curl {shlex.quote(TOKEN_ENDPOINT)}",
        f"-H {shlex.quote('Content-Type: application/x-www-form-urlencoded')}",
        *(f"-d {shlex.quote(_encode([field]))}" for field in fields),
    ]
    return " \\\n  ".join(lines)


# --- Everything at once --------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorizationDraft:
    """The checks of every input, and the URL and token request once nothing is wrong."""

    client_id: CheckResult
    redirect_uri: CheckResult
    notes: tuple[Finding, ...]
    url: str | None
    token_request: str | None


NO_SCOPES_NOTE = (
    "No scopes selected: the URL leaves out scope, so the token can read only public data."
)
NO_STATE_NOTE = (
    "No state: the URL leaves it out, so your app cannot tell its own callback from a forged one."
)


def draft_authorization(typed: AuthorizationRequest) -> AuthorizationDraft:
    """Check the request as typed and, if nothing has an error, build the URL and token request."""
    client_id = check_client_id(typed.client_id)
    redirect_uri = check_redirect_uri(typed.redirect_uri)
    notes: list[Finding] = []
    if not typed.scopes:
        notes.append(Finding(Severity.INFO, NO_SCOPES_NOTE))
    if not typed.state:
        notes.append(Finding(Severity.WARNING, NO_STATE_NOTE))
    if not (client_id.ok and redirect_uri.ok):
        return AuthorizationDraft(client_id, redirect_uri, tuple(notes), None, None)
    request = replace(typed, client_id=client_id.value, redirect_uri=redirect_uri.value)
    return AuthorizationDraft(
        client_id,
        redirect_uri,
        tuple(notes),
        authorization_url(request),
        token_request_example(request),
    )
