"""Check a redirect URI against Spotify's rules (HTTPS or a loopback IP literal, no
``localhost``), explaining each problem and deriving a corrected URI where it can.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

from scope_picker.core.authorize.findings import (
    CheckResult,
    Finding,
    Severity,
    describe_characters,
    trim_note,
)
from scope_picker.core.authorize.pkce import UNRESERVED_CHARACTERS

# RFC 3986: everything that may appear in a URI as it is; anything else must be percent-encoded.
_URI_CHARACTERS = frozenset(UNRESERVED_CHARACTERS + ":/?#[]@" + "!$&'()*+,;=" + "%")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.DOTALL)
_HOST_AND_PORT = re.compile(r"\d+(?:[/?#]|$)")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_WEB_SCHEMES = frozenset({"http", "https"})
# Schemes that run code or read local data instead of returning to an app.
_FORBIDDEN_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "about", "blob"})
_PREFERRED_LOOPBACK = "127.0.0.1"
_PREFERRED_LOOPBACK_HOSTS = frozenset({_PREFERRED_LOOPBACK, "::1"})
# A suggestion may need a fix for each kind of problem, in the order they are checked:
# whitespace, other characters, a stray '%', a fragment, the scheme (none, or one slash), the
# host (localhost, or plain HTTP): six in a row. A fix that does not take (a non-ASCII user
# name stays non-ASCII) would repeat for ever; the limit stops it.
_MAX_FIXES = 6


@dataclass(frozen=True)
class _Problem:
    """A finding before its candidate fix has been checked (and maybe fixed again)."""

    severity: Severity
    message: str
    candidate: str | None = None


def check_redirect_uri(text: str) -> CheckResult:
    """Check a redirect URI against Spotify's rules; never raises, whatever the text."""
    uri = text.strip()
    findings = trim_note(text, uri, "redirect URI")
    problems = _diagnose(uri)
    findings.extend(
        Finding(problem.severity, problem.message, _settle(problem.candidate))
        for problem in problems
    )
    if all(problem.severity is not Severity.ERROR for problem in problems):
        host = _host_of(uri)
        any_port = (
            " Only loopback addresses registered without a port accept any port."
            if host is not None and _is_loopback(host)
            else ""
        )
        findings.append(
            Finding(
                Severity.INFO,
                "It must match a redirect URI in your app's dashboard character for character "
                "(scheme, host, port, path, trailing slash)." + any_port,
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
        part = _part_with_whitespace(uri)
        # %20 is allowed in a path or query, never in a scheme or host name.
        advice = " If it belongs there, write it as %20." if part == "A URI" else ""
        return _Problem(
            Severity.ERROR,
            f"{part} cannot contain {describe_characters(whitespace)}.{advice}",
            "".join(character for character in uri if not character.isspace()),
        )
    invalid = [character for character in uri if character not in _URI_CHARACTERS]
    if invalid:
        return _Problem(
            Severity.ERROR,
            f"A URI cannot contain {describe_characters(invalid)} as written; "
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


def _part_with_whitespace(uri: str) -> str:
    """``A scheme`` or ``A host name`` when whitespace stands there, else ``A URI``."""
    scheme, separator, rest = uri.partition("://")
    if separator and any(character.isspace() for character in scheme):
        return "A scheme"
    if separator and any(character.isspace() for character in rest.partition("/")[0]):
        return "A host name"
    return "A URI"


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
                # After slashes alone there is no host: an error with no fix, so no suggestion.
                f"{scheme}://{rest.lstrip('/')}",
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
    """The authority with another host (a name or an IPv4 address, which need no brackets),
    keeping user info and the port exactly as written."""
    userinfo, at, host_and_port = netloc.rpartition("@")
    if host_and_port.startswith("["):
        port_suffix = host_and_port.partition("]")[2]
    else:
        _, colon, port = host_and_port.partition(":")
        port_suffix = colon + port
    return f"{userinfo}{at}{host}{port_suffix}"


def _to_https(uri: str, parts: SplitResult) -> str:
    """The HTTPS form: port 80 is HTTP's own, so it is dropped rather than carried over."""
    netloc = parts.netloc.removesuffix(":80") if parts.port == 80 else parts.netloc
    return _rebuild(uri, parts, scheme="https", netloc=netloc)


def _diagnose_custom_scheme(uri: str, scheme: str, rest: str) -> list[_Problem]:
    if scheme in _FORBIDDEN_SCHEMES:
        return [
            _Problem(
                Severity.ERROR,
                f"URIs with the {scheme}: scheme cannot receive a redirect; use https://, "
                "a loopback http://127.0.0.1 address, or your app's own scheme.",
            )
        ]
    if not rest.strip("/"):
        return [
            _Problem(
                Severity.ERROR,
                f"Nothing follows {scheme}:; add the path your app listens on, "
                f"like {scheme}://callback.",
                f"{uri.partition(':')[0]}://callback",
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
