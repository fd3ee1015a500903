"""Scope strings in and out: parse what developers paste, format what they copy.

Parsing accepts the shapes found in real projects (spaces, commas, ``+``, ``%20``, newlines,
quotes, list literals, a whole authorize URL, the scope constants of client libraries) and
accounts for every token: each one names a known scope, repeats one, or is an unknown token
reported by name. Nothing is dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from urllib.parse import parse_qs, quote, unquote, urlsplit

from scope_picker.core.catalogue import Catalogue

# Scopes developers still paste that Spotify no longer grants.
RETIRED_SCOPES: Mapping[str, str] = {
    "user-read-birthdate": "Spotify removed this scope; birthdates are no longer shared",
}
# Scopes of other protocols that client libraries offer beside Spotify's (the iOS SDK's
# SPTOpenIdScope): real names, but not for the Web API's authorize URL.
FOREIGN_SCOPES: Mapping[str, str] = {
    "openid": "an OpenID Connect scope, which the Web API's authorize URL does not take",
}

_SEPARATORS = re.compile(r"[\s,+;|]+")
# A backslash that ends a line continues it (shell, Rust and Swift strings): a separator.
_LINE_CONTINUATION = re.compile(r"\\[ \t]*(?:\r?\n|\Z)")
_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'|`([^`]*)`")
# A quoted key of a JSON object, a dict or a PHP array (``"scope": "..."``) names no scope.
_QUOTED_KEY = re.compile(r"\s*(?::(?!:)|=>)")
# Markup around scopes: an Android string resource, an XML config (``<string name=...>``).
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# The name of a call around unquoted constants: Kotlin's ``listOf(``, Java's ``Set.of(``.
_CALLEE = re.compile(r"(?<![\w.-])([A-Za-z_.][\w.]*)!?\s*(?=\()")
# A URL inside other text (an HTML link, a string in code).
_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s\"'<>`]+", re.IGNORECASE)
# A query string that starts with the scope parameter (``scope=...&state=...``).
_BARE_QUERY = re.compile(r"scope=[^\s&]*&\S*")
# A line comment (``# ...``, ``// ...``) at the start of a line or after a space: what it
# names is not asked for. A URL's ``#fragment`` and ``://`` follow no space.
_LINE_COMMENT = re.compile(r"(?:^|(?<=\s))(?:#|//)[^\n]*", re.MULTILINE)
# A key and its quoted or bracketed value: ``scope="..."``, ``"scopes": [...]``, ``SCOPES = (...)``.
_KEYED_VALUE = re.compile(
    r"""["']?([A-Za-z_][\w.-]*)["']?\s*(?:=>|:=|:(?!:)|=)\s*"""
    r"""("[^"]*"|'[^']*'|`[^`]*`|\[[^\[\]]*\]|\{[^{}]*\}|\([^()]*\))"""
)
# A list's bullet or an assignment's sign standing alone (YAML's ``-``, ``=``, ``=>``): never
# a scope, so never reported as one.
_MARK = re.compile(r"[-*•=:>]+")
_BRACKETS = str.maketrans("[](){}", " " * 6)
_ASSIGNMENT_KEY = re.compile(r"^\s*[A-Za-z_][\w.-]*\s*(?::=|[:=])\s*")
# A list literal or an initializer list (C#'s ``new[] { ... }``, C++'s ``{ ... }``).
_LIST_LITERAL = re.compile(r"[\[{]([^\[\]{}]*)[\]}]")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# A word starts at a capital after a small letter or digit, or at the last capital of a run
# followed by a small letter (``UGCImageUpload`` is UGC, Image, Upload).
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_GO_PREFIX = re.compile(r"^Scope(?=[A-Z])")
# The iOS SDK's Objective-C names: SPTUserReadEmailScope.
_OBJECTIVE_C_NAME = re.compile(r"SPT([A-Z]\w*)Scope")


@dataclass(frozen=True)
class UnknownToken:
    """A token that is not a scope, with the closest scope name if one is near."""

    token: str
    suggestion: str | None
    retired_note: str | None
    foreign_note: str | None = None

    def describe(self) -> str:
        """``'user-read-playback' is not a Spotify scope; did you mean ...?``"""
        if self.retired_note:
            return f"'{self.token}' no longer exists: {self.retired_note}"
        if self.foreign_note:
            return f"'{self.token}' is not a Spotify scope: it is {self.foreign_note}"
        if self.suggestion:
            return f"'{self.token}' is not a Spotify scope; did you mean '{self.suggestion}'?"
        return f"'{self.token}' is not a Spotify scope"


@dataclass(frozen=True)
class ParsedScopes:
    """The result of reading a pasted scope string.

    ``tokens`` is every token in the order found; the scope each names (``scope_named_by``)
    is in ``known`` (first occurrence) or ``duplicates`` (later ones). A token that names no
    scope is in ``unknown`` once, at its first occurrence, and in ``duplicates`` after that.
    """

    tokens: tuple[str, ...]
    known: tuple[str, ...]
    unknown: tuple[UnknownToken, ...]
    duplicates: tuple[str, ...]
    source_note: str | None = None

    @property
    def is_clean(self) -> bool:
        """True when every token is a distinct, known scope."""
        return not self.unknown and not self.duplicates and self.source_note is None

    @property
    def suggestions(self) -> dict[str, str]:
        """Each unknown token that resembles a scope, and that scope ("did you mean")."""
        return {u.token: u.suggestion for u in self.unknown if u.suggestion is not None}

    def messages(self) -> tuple[str, ...]:
        """Plain sentences for everything that was not a clean, known scope."""
        found = [self.source_note] if self.source_note else []
        found += [unknown.describe() for unknown in self.unknown]
        if self.duplicates:
            names = ", ".join(dict.fromkeys(self.duplicates))
            found.append(f"listed more than once: {names}")
        return tuple(found)


def parse_scopes(catalogue: Catalogue, text: str) -> ParsedScopes:
    """Read a scope string in any common shape; see the module docstring."""
    body, source_note = _scope_text(text)
    tokens = tuple(_tokens(body, lambda token: scope_named_by(catalogue, token) is not None))
    seen: set[str] = set()
    duplicates: list[str] = []
    unknown: list[UnknownToken] = []
    for token in tokens:
        name = scope_named_by(catalogue, token)
        said = name or token  # an unknown token is never a scope's name
        if said in seen:
            duplicates.append(said)
            continue
        seen.add(said)
        if name is None:
            unknown.append(_unknown(catalogue, token))
    return ParsedScopes(
        tokens=tokens,
        known=catalogue.in_scope_order(seen - {u.token for u in unknown}),
        unknown=tuple(unknown),
        duplicates=tuple(duplicates),
        source_note=source_note,
    )


def take_suggestions(catalogue: Catalogue, parsed: ParsedScopes) -> ParsedScopes:
    """``parsed`` as if each "did you mean" had been answered yes: the suggested scopes join
    the known ones (in catalogue order), and only the tokens without one stay unknown."""
    return replace(
        parsed,
        known=catalogue.in_scope_order({*parsed.known, *parsed.suggestions.values()}),
        unknown=tuple(u for u in parsed.unknown if u.suggestion is None),
    )


def apply_suggestions(text: str, parsed: ParsedScopes) -> str:
    """``text`` with each unknown token that has a suggestion replaced by it, wherever the
    token stands alone (not inside a longer name: ``user-read`` in ``user-read-email``)."""
    for token, suggestion in parsed.suggestions.items():
        alone = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
        text = alone.sub(suggestion, text)  # a scope name: letters and hyphens, no escapes
    return text


def scope_named_by(catalogue: Catalogue, token: str) -> str | None:
    """The scope a token names, or None: the scope itself, or a client library's constant
    for it, which code holds unquoted: tekore's ``tk.scope.user_read_email``, spotify-web-api-
    java's ``AuthorizationScope.USER_READ_EMAIL``, the iOS SDK's ``.userReadEmail``, Go's
    ``spotifyauth.ScopeUserReadEmail``; also the iOS SDK's Objective-C ``SPTUserReadEmailScope``.

    A bare word in another case (``Streaming``, ``User-Read-Email``) names nothing: in a
    string, Spotify would refuse it, so it is reported, with the scope it resembles.
    """
    if catalogue.has_scope(token):
        return token
    name = _constant_name(token)
    return name if name and catalogue.has_scope(name) else None


def _constant_name(token: str) -> str | None:
    """The scope name a library constant spells (snake, camel or Pascal case), if the token
    is one: qualified (``a.b``, ``.b``), with an underscore or a hump of its own, or in the
    iOS SDK's Objective-C form (``SPTStreamingScope``)."""
    qualifier, dot, name = token.rpartition(".")
    if not _IDENTIFIER.fullmatch(name) or (dot and qualifier and not _is_dotted(qualifier)):
        return None
    objective_c = _OBJECTIVE_C_NAME.fullmatch(name)
    name = objective_c[1] if objective_c else _GO_PREFIX.sub("", name)
    if "_" in name:
        return name.lower().replace("_", "-")
    spelt = _CAMEL_HUMP.sub("-", name)
    if not (dot or objective_c) and spelt == name:
        return None
    return spelt.lower()


def _is_dotted(qualifier: str) -> bool:
    """A qualifier of identifiers (``tk.scope``, ``spotifyauth``), not part of a URL or path."""
    return all(_IDENTIFIER.fullmatch(part) for part in qualifier.split("."))


def _scope_text(text: str) -> tuple[str, str | None]:
    """The part of ``text`` that holds scopes: a URL's ``scope`` parameter, or all of it."""
    stripped = text.strip().replace("&amp;", "&")  # a URL copied from HTML source
    if not re.match(r"^[a-z][a-z0-9+.-]*://", stripped, re.IGNORECASE):
        # A link in HTML or code: the authorize URL in it, if one carries the scopes.
        stripped = next(
            (url for url in _URL.findall(stripped) if re.search(r"[?&#]scope=", url)), stripped
        )
    if not (
        re.match(r"^[a-z][a-z0-9+.-]*://", stripped, re.IGNORECASE)
        or re.search(r"[?&#]scope=", stripped)
        or _BARE_QUERY.fullmatch(stripped)
    ):
        return stripped, None
    if "://" in stripped:
        parts = urlsplit(stripped)
        queries = [parts.query, parts.fragment]  # a redirect may carry it after the '#'
    else:
        queries = [stripped.split("?", 1)[-1]]
    for query in queries:
        values = parse_qs(query, keep_blank_values=True).get("scope")
        if values:
            return " ".join(values), None
    return "", "the URL has no 'scope' parameter"


def _tokens(text: str, names_a_scope: Callable[[str], bool]) -> list[str]:
    """Split on every separator seen in the wild, after dropping line comments, undoing
    percent-encoding, joining lines continued by a backslash and dropping markup tags.

    Where a key names scopes (``scope=``, ``"scopes":``, ``SPOTIFY_SCOPES =``) and holds a
    quoted or bracketed value, only those values are read: a token response's tokens or a
    call's other arguments are not scopes. In code (quotes present) the quoted strings hold
    scopes, less the keys of an object, and so does any unquoted word that names one; in an
    unquoted list literal, only its items; otherwise the whole text, less a ``scope=``-style
    key and the name of a call around it (unless it names a scope). A path's ``::`` (Rust,
    C++) is read as a dot; a bullet or sign standing alone is no token.
    """
    text = _LINE_COMMENT.sub("", text)  # the space before it and the line break stay
    text = _LINE_CONTINUATION.sub(" ", unquote(text))
    text = _MARKUP_TAG.sub(" ", text).replace("::", ".")
    keyed = [
        value
        for key, value in _KEYED_VALUE.findall(text)
        if "scope" in key.lower() and value[1:-1].strip()
    ]
    if keyed:
        text = " ".join(keyed)
    strings = [
        next(part for part in match.groups() if part is not None)
        for match in _QUOTED.finditer(text)
        if not _QUOTED_KEY.match(text, match.end())
    ]
    unquoted_names: list[str] = []
    if strings:  # code: its strings, and the words outside them that name a scope
        pieces = strings
        rest = _QUOTED.sub(" ", text).translate(_BRACKETS)
        unquoted_names = [word for word in _SEPARATORS.split(rest) if names_a_scope(word)]
    else:
        text = _CALLEE.sub(
            lambda call: call[0] if names_a_scope(call[1]) else " ",
            _ASSIGNMENT_KEY.sub("", text),
        )
        literals = _LIST_LITERAL.findall(text)
        listed = [items for items in literals if items.strip()]  # not the empty new[]
        pieces = listed if listed or literals else [text.translate(_BRACKETS)]
    tokens = [token for piece in pieces for token in _SEPARATORS.split(piece)] + unquoted_names
    return [token for token in tokens if token and not _MARK.fullmatch(token)]


def _unknown(catalogue: Catalogue, token: str) -> UnknownToken:
    constant = _constant_name(token)
    spelt = constant or token  # a constant is judged by the name it spells
    retired = _noted(RETIRED_SCOPES, token, constant)
    if retired:
        return UnknownToken(token, None, retired)
    foreign = _noted(FOREIGN_SCOPES, token, constant)
    if foreign:
        return UnknownToken(token, None, None, foreign)
    candidates = catalogue.scope_names
    exact_case = {name.lower(): name for name in candidates}.get(spelt.lower())
    if exact_case:
        return UnknownToken(token, exact_case, None)
    # Spotify says "modify" where other APIs say "write" (user-library-write).
    if (modify := spelt.replace("write", "modify")) in candidates:
        return UnknownToken(token, modify, None)
    prefixed = [name for name in candidates if name.startswith(spelt) and len(spelt) >= 6]
    import difflib  # deferred: only a typo needs it, and the window imports this module

    matches = prefixed[:1] or difflib.get_close_matches(spelt, candidates, n=1, cutoff=0.75)
    return UnknownToken(token, matches[0] if matches else None, None)


def _noted(notes: Mapping[str, str], token: str, constant: str | None) -> str | None:
    """The note on the scope a token names exactly, or that a constant spells with its words
    split differently (``.userReadBirthDate`` spells user-read-birth-date)."""
    if token in notes:
        return notes[token]
    if constant is None:
        return None
    joined = {name.replace("-", ""): note for name, note in notes.items()}
    return joined.get(constant.replace("-", ""))


class CopyFormat(Enum):
    """The shapes a scope list can be copied in, with a label for menus."""

    SPACE = "Space-separated (what Spotify expects)"
    URL_ENCODED = "URL-encoded (%20)"
    COMMA = "Comma-separated"
    JSON = "JSON array"
    PYTHON = "Python list"
    SPOTIPY = "spotipy (Python)"
    TEKORE = "tekore (Python)"
    TYPESCRIPT_SDK = "Spotify Web API TypeScript SDK"

    @property
    def label(self) -> str:
        """The menu text."""
        return str(self.value)

    @property
    def short_label(self) -> str:
        """The label without its explanation in brackets, for a button ("URL-encoded")."""
        return self.label.split(" (")[0]

    @classmethod
    def from_saved(cls, value: object) -> CopyFormat | None:
        """The format a saved ``name`` stands for; None for anything else (stale or damaged)."""
        if isinstance(value, str) and value in cls.__members__:
            return cls[value]
        return None


def _python_list(scopes: Sequence[str]) -> str:
    return "[" + ", ".join(repr(s) for s in scopes) + "]"


_FORMATTERS: Mapping[CopyFormat, Callable[[Sequence[str]], str]] = {
    CopyFormat.SPACE: " ".join,
    CopyFormat.URL_ENCODED: lambda s: quote(" ".join(s)),
    CopyFormat.COMMA: ",".join,
    CopyFormat.JSON: lambda s: json.dumps(list(s)),
    CopyFormat.PYTHON: _python_list,
    CopyFormat.SPOTIPY: lambda s: (
        "from spotipy.oauth2 import SpotifyPKCE\n\n"
        f"auth_manager = SpotifyPKCE(scope={' '.join(s)!r})"
    ),
    CopyFormat.TEKORE: lambda s: f"import tekore as tk\n\nscope = tk.Scope(*{_python_list(s)})",
    CopyFormat.TYPESCRIPT_SDK: lambda s: (
        "// SpotifyApi comes from the @spotify/web-api-ts-sdk package\n"
        f"const scopes = {json.dumps(list(s))};\n"
        "const sdk = SpotifyApi.withUserAuthorization(clientId, redirectUri, scopes);"
    ),
}


def format_scopes(scopes: Sequence[str], fmt: CopyFormat = CopyFormat.SPACE) -> str:
    """The scopes in the chosen copy format (they are expected in catalogue order)."""
    return _FORMATTERS[fmt](scopes)
