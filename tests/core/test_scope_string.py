"""Scope strings as found in real projects parse to exactly the known scopes."""

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.catalogue import Catalogue, load_catalogue
from scope_picker.core.scope_string import (
    RETIRED_SCOPES,
    CopyFormat,
    ParsedScopes,
    apply_suggestions,
    format_scopes,
    parse_scopes,
    scope_named_by,
    take_suggestions,
)

# Hypothesis tests cannot take function-scoped fixtures; the catalogue is immutable.
CATALOGUE = load_catalogue()

PLAYBACK = ("user-read-playback-state", "user-modify-playback-state")
PROFILE = ("user-read-email", "user-read-private")

# (input as pasted, known scopes in catalogue order)
REALISTIC = [
    ("user-read-playback-state user-modify-playback-state", PLAYBACK),
    ("user-read-playback-state,user-modify-playback-state", PLAYBACK),
    ("user-read-playback-state, user-modify-playback-state", PLAYBACK),
    ("user-read-playback-state+user-modify-playback-state", PLAYBACK),
    ("user-read-playback-state%20user-modify-playback-state", PLAYBACK),
    ("user-read-playback-state%2Cuser-modify-playback-state", PLAYBACK),
    ("user-read-playback-state%2cuser-modify-playback-state", PLAYBACK),
    ("user-read-playback-state\nuser-modify-playback-state\n", PLAYBACK),
    ("user-read-playback-state\r\nuser-modify-playback-state", PLAYBACK),
    ("\tuser-read-playback-state\t\tuser-modify-playback-state  ", PLAYBACK),
    (",user-read-playback-state,,user-modify-playback-state,", PLAYBACK),
    ("  user-read-playback-state ;  user-modify-playback-state ", PLAYBACK),
    ('"user-read-playback-state user-modify-playback-state"', PLAYBACK),
    ("'user-read-playback-state user-modify-playback-state'", PLAYBACK),
    ('["user-read-playback-state", "user-modify-playback-state"]', PLAYBACK),
    ("['user-read-playback-state', 'user-modify-playback-state']", PLAYBACK),
    ('[\n  "user-read-playback-state",\n  "user-modify-playback-state",\n]', PLAYBACK),
    ("[user-read-playback-state, user-modify-playback-state]", PLAYBACK),
    ("('user-read-playback-state', 'user-modify-playback-state')", PLAYBACK),
    ('SCOPES = ["user-read-playback-state", "user-modify-playback-state"]', PLAYBACK),
    ('scope = "user-read-playback-state user-modify-playback-state"', PLAYBACK),
    ("scope=user-read-playback-state%20user-modify-playback-state", PLAYBACK),
    ("scope: user-read-playback-state user-modify-playback-state", PLAYBACK),
    ("const scopes = ['user-read-email', 'user-read-private'].join(' ');", PROFILE),
    ("scope = 'user-read-email,user-read-private'", PROFILE),
    (
        "sp = spotipy.Spotify(auth_manager=SpotifyOAuth("
        'scope="user-read-email user-read-private"))',
        PROFILE,
    ),
    ("SPOTIFY_SCOPES=user-read-email,user-read-private", PROFILE),
    ("export SPOTIFY_SCOPE='user-read-email user-read-private'", PROFILE),
    ("const scopes = [];", ()),
    (
        "https://accounts.spotify.com/authorize?response_type=code&client_id=abc&"
        "scope=user-read-email%20user-read-private&redirect_uri=http%3A%2F%2F127.0.0.1%3A8888",
        PROFILE,
    ),
    (
        "https://accounts.spotify.com/authorize?client_id=abc&scope=user-read-email+user-read-private"
        "&state=xyz",
        PROFILE,
    ),
    ("https://accounts.spotify.com/en/authorize?scope=user-read-email,user-read-private", PROFILE),
    ("?scope=user-read-email%20user-read-private&show_dialog=true", PROFILE),
    # A fragment is not part of the query; a '?' may stand unencoded in a later value.
    ("https://accounts.spotify.com/authorize?scope=user-read-email+user-read-private#x", PROFILE),
    ("/authorize?scope=user-read-email+user-read-private&state=why?", PROFILE),
    # A scope parameter given twice: both are read.
    (
        "https://accounts.spotify.com/authorize?scope=user-read-email&scope=user-read-private",
        PROFILE,
    ),
    ("user-read-email user-read-private user-read-email", PROFILE),
    ("", ()),
    ("   \n  ", ()),
    ("streaming", ("streaming",)),
    # Client libraries' scope constants, as their code holds them.
    ("scope = tk.scope.user_read_email + tk.scope.user_read_private", PROFILE),
    ("tk.Scope(tk.scope.user_read_private, tk.scope.user_read_email)", PROFILE),
    (".scope(AuthorizationScope.USER_READ_EMAIL, AuthorizationScope.USER_READ_PRIVATE)", PROFILE),
    ("let scopes: SPTScope = [.userReadEmail, .userReadPrivate]", PROFILE),
    ("requestedScopes = [SPTScope.userReadEmail, SPTScope.userReadPrivate]", PROFILE),
    (
        "spotifyauth.WithScopes(spotifyauth.ScopeUserReadEmail, spotifyauth.ScopeUserReadPrivate)",
        PROFILE,
    ),
    ("[.streaming, .appRemoteControl]", ("app-remote-control", "streaming")),
    ("SPTUserReadEmailScope | SPTUserReadPrivateScope", PROFILE),
    ("[SPTUGCImageUploadScope, .ugcImageUpload]", ("ugc-image-upload",)),
    ("USER_READ_EMAIL user_read_private", PROFILE),
]

# Code and markup whose syntax holds no scope: every token read is a scope.
WHOLLY_SCOPES = [
    ("listOf(Scope.USER_READ_EMAIL, Scope.USER_READ_PRIVATE)", PROFILE),  # a call's name
    ("Set.of(AuthorizationScope.USER_READ_EMAIL, AuthorizationScope.USER_READ_PRIVATE)", PROFILE),
    ("streaming(user-read-email)", ("streaming", "user-read-email")),  # a scope is never a call
    # Paths with '::' (Rust, C++).
    ("vec![Scope::UserReadEmail, Scope::UserReadPrivate]", PROFILE),
    ("{Spotify::Scope::UserReadEmail, Spotify::Scope::UserReadPrivate}", PROFILE),
    # Markup and the keys of a JSON object are not scopes.
    ('<string name="spotify_scopes">user-read-email user-read-private</string>', PROFILE),
    (
        '<string-array name="scopes">\n  <item>user-read-email</item>\n'
        "  <item>user-read-private</item>\n</string-array>",
        PROFILE,
    ),
    ('{"scope": "user-read-email user-read-private"}', PROFILE),
    ("{'scope': 'user-read-email user-read-private', 'show_dialog': True}", PROFILE),
    ("$options = ['scope' => 'user-read-email user-read-private'];", PROFILE),  # PHP
    # Where a key names the scopes, a call's or an object's other values are not read.
    (
        "SpotifyOAuth(client_id='x', redirect_uri='http://127.0.0.1:8888/callback', "
        "scope='user-read-email user-read-private')",
        PROFILE,
    ),
    ("{ response_type: 'code', scope: 'user-read-email user-read-private' }", PROFILE),
    # C#'s empty new[] and its initializer list; Ruby's %w[...].join(" ").
    ("new[] { Scopes.UserReadEmail, Scopes.UserReadPrivate }", PROFILE),
    ('%w[user-read-email user-read-private].join(" ")', PROFILE),
    # An empty string in the code does not hide the scope names around it.
    ('user-read-email, " ", user-read-private', PROFILE),
    # A YAML list's dashes.
    ("scopes:\n  - user-read-email\n  - user-read-private", PROFILE),
    # HTML: a link to the authorize URL, its '&' written as '&amp;'.
    (
        '<a href="https://accounts.spotify.com/authorize?client_id=abc&amp;'
        'scope=user-read-email%20user-read-private&amp;state=x">Log in</a>',
        PROFILE,
    ),
    # The link's scope parameter last, before the closing quote and the link text.
    (
        '<a href="https://accounts.spotify.com/authorize?client_id=abc&amp;'
        'scope=user-read-email%20user-read-private">Log in</a>',
        PROFILE,
    ),
    # An authorize URL written by hand, with a raw space between its scopes.
    (
        "https://accounts.spotify.com/authorize?client_id=abc&"
        "scope=user-read-email user-read-private&state=x",
        PROFILE,
    ),
    # Markup with no space between the elements.
    ("<item>user-read-email</item><item>user-read-private</item>", PROFILE),
    # Scope names right against a quoted string, and one before a bracket after a space.
    ('user-read-private"user-read-email"streaming', ("streaming", *PROFILE)),
    ("streaming (user-read-email)", ("streaming", "user-read-email")),
    # A redirect with the parameters after '#'.
    (
        "http://127.0.0.1:8888/callback#access_token=x&token_type=Bearer&"
        "scope=user-read-private%20user-read-email",
        PROFILE,
    ),
]


@pytest.mark.parametrize(("text", "known"), REALISTIC)
def test_realistic_inputs(catalogue: Catalogue, text: str, known: tuple[str, ...]) -> None:
    parsed = parse_scopes(catalogue, text)
    assert parsed.known == known


@pytest.mark.parametrize(("text", "known"), WHOLLY_SCOPES)
def test_the_syntax_around_scopes_is_not_read_as_scopes(
    catalogue: Catalogue, text: str, known: tuple[str, ...]
) -> None:
    parsed = parse_scopes(catalogue, text)
    assert parsed.known == known
    assert parsed.is_clean, parsed.messages()


def test_unknown_tokens_are_named_with_suggestions(catalogue: Catalogue) -> None:
    parsed = parse_scopes(catalogue, "user-read-playback, user-read-emial,foo streaming")
    assert parsed.known == ("streaming",)
    assert [(u.token, u.suggestion) for u in parsed.unknown] == [
        ("user-read-playback", "user-read-playback-state"),
        ("user-read-emial", "user-read-email"),
        ("foo", None),
    ]
    assert parsed.messages()[0] == (
        "'user-read-playback' is not a Spotify scope; did you mean 'user-read-playback-state'?"
    )
    assert not parsed.is_clean


def test_wrong_case_is_not_silently_accepted(catalogue: Catalogue) -> None:
    """In a string Spotify would refuse these: they are reported, not read as constants."""
    parsed = parse_scopes(catalogue, "User-Read-Email Streaming STREAMING")
    assert parsed.known == ()
    assert [u.suggestion for u in parsed.unknown] == ["user-read-email", "streaming", "streaming"]


def test_a_library_constant_that_names_no_scope_is_named_with_the_nearest(
    catalogue: Catalogue,
) -> None:
    # zmb3/spotify calls ugc-image-upload ScopeImageUpload; tekore's every is all scopes.
    parsed = parse_scopes(catalogue, "spotifyauth.ScopeImageUpload tk.scope.every")
    assert parsed.known == ()
    assert [(u.token, u.suggestion) for u in parsed.unknown] == [
        ("spotifyauth.ScopeImageUpload", "ugc-image-upload"),
        ("tk.scope.every", None),
    ]


@pytest.mark.parametrize(
    "token",
    [
        "user_read-email",  # half snake, half kebab: no library spells it
        "foo/bar.user_read_email",  # a path, not a qualifier
        "http://x.user_read_email",
        "tk..scope.user_read_email",
        "1tk.user_read_email",
        "user_read_email-",
    ],
)
def test_a_malformed_constant_stays_unknown(catalogue: Catalogue, token: str) -> None:
    assert scope_named_by(catalogue, token) is None
    parsed = parse_scopes(catalogue, f"streaming {token}")
    assert parsed.known == ("streaming",)
    assert [u.token for u in parsed.unknown] == [token]


@pytest.mark.parametrize(
    "text",
    [
        'SCOPES = [\n  "user-read-email",\n  # "user-library-modify",\n  "user-read-private",\n]',
        'scopes = [\n  "user-read-email",\n  // "user-library-modify",\n  "user-read-private",\n];',
        'SPOTIFY_SCOPES=user-read-email user-read-private # "user-library-modify" later',
        "user-read-email user-read-private  # user-library-modify: not yet",
    ],
)
def test_what_a_comment_names_is_not_asked_for(catalogue: Catalogue, text: str) -> None:
    """A scope commented out in code is not one the app asks for; the copied string must not
    ask for it either."""
    parsed = parse_scopes(catalogue, text)
    assert parsed.known == PROFILE
    assert parsed.is_clean, parsed.messages()


def test_a_pasted_token_response_is_read_for_its_scope_only(catalogue: Catalogue) -> None:
    """What ``scope-picker token`` prints: the tokens must never be echoed as unknown scopes
    (on screen, or in a CI log)."""
    response = (
        '{"access_token": "BQDsecretAccess", "token_type": "Bearer", "expires_in": 3600, '
        '"scope": "user-read-email user-read-private", "refresh_token": "AQCsecretRefresh"}'
    )
    parsed = parse_scopes(catalogue, response)
    assert parsed.known == PROFILE
    assert parsed.is_clean
    assert not any("secret" in token for token in parsed.tokens)
    # However short what the scope key holds, only it is read.
    short = parse_scopes(catalogue, '{"access_token": "BQDsecretAccess", "scope": "x"}')
    assert short.tokens == ("x",)


def test_brackets_separate_what_they_enclose_and_the_names_of_calls_are_no_scopes(
    catalogue: Catalogue,
) -> None:
    parsed = parse_scopes(catalogue, "a := auth.New(auth.WithScopes(streaming)) foo")
    assert parsed.tokens == ("streaming", "foo")
    assert parsed.known == ("streaming",)
    assert [u.token for u in parsed.unknown] == ["foo"]


def test_retired_scope_is_named_as_such(catalogue: Catalogue) -> None:
    parsed = parse_scopes(catalogue, "user-read-birthdate user-read-email")
    assert parsed.known == ("user-read-email",)
    assert "no longer exists" in parsed.unknown[0].describe()


@pytest.mark.parametrize(
    "text",
    [
        "user-read-private \\\n    streaming\n",  # shell: printf 'user-read-private \\\n...'
        "user-read-private\\\nstreaming",
        "user-read-private \\  \r\n  streaming \\",
        'let scopes = "user-read-private \\\n    streaming";',  # Rust
        'let scopes = """\n    user-read-private \\\n    streaming\n    """',  # Swift
        "SCOPES='user-read-private \\\nstreaming'",
    ],
)
def test_a_backslash_that_ends_a_line_separates(catalogue: Catalogue, text: str) -> None:
    parsed = parse_scopes(catalogue, text)
    assert parsed.known == ("streaming", "user-read-private")
    assert parsed.is_clean, parsed.messages()


def test_a_backslash_inside_a_line_is_part_of_a_token(catalogue: Catalogue) -> None:
    parsed = parse_scopes(catalogue, "streaming\\user-read-private streaming\\ \\ x")
    assert [u.token for u in parsed.unknown] == [
        "streaming\\user-read-private",
        "streaming\\",
        "\\",
        "x",
    ]


@pytest.mark.parametrize(
    "token",
    [
        "user-read-birthdate",
        ".userReadBirthDate",
        "SPTScope.userReadBirthDate",
        "SPTUserReadBirthDateScope",
        "tk.scope.user_read_birthdate",
        "USER_READ_BIRTHDATE",
    ],
)
def test_a_retired_scope_is_named_as_such_however_spelt(catalogue: Catalogue, token: str) -> None:
    (unknown,) = parse_scopes(catalogue, token).unknown
    assert unknown.suggestion is None
    assert unknown.describe() == (
        f"'{token}' no longer exists: Spotify removed this scope; birthdates are no longer shared"
    )


@pytest.mark.parametrize("token", ["openid", ".openid", "SPTScope.openid", "SPTOpenIdScope"])
def test_openid_is_named_as_an_openid_connect_scope(catalogue: Catalogue, token: str) -> None:
    (unknown,) = parse_scopes(catalogue, f"streaming {token}").unknown
    assert unknown.suggestion is None
    assert unknown.describe() == (
        f"'{token}' is not a Spotify scope: it is an OpenID Connect scope, which the Web API's "
        "authorize URL does not take"
    )


def test_duplicates_are_reported(catalogue: Catalogue) -> None:
    parsed = parse_scopes(catalogue, "streaming streaming,streaming user-read-email")
    assert parsed.known == ("streaming", "user-read-email")
    assert parsed.duplicates == ("streaming", "streaming")
    assert parsed.messages() == ("listed more than once: streaming",)


def test_a_repeated_unknown_token_is_named_once_and_reported_as_a_duplicate(
    catalogue: Catalogue,
) -> None:
    parsed = parse_scopes(catalogue, "foo foo user-read-private foo user-read-private")
    assert parsed.known == ("user-read-private",)
    assert [u.token for u in parsed.unknown] == ["foo"]
    assert parsed.duplicates == ("foo", "foo", "user-read-private")
    assert parsed.messages() == (
        "'foo' is not a Spotify scope",
        "listed more than once: foo, user-read-private",
    )


def test_url_without_scope_parameter_says_so(catalogue: Catalogue) -> None:
    parsed = parse_scopes(catalogue, "https://accounts.spotify.com/authorize?client_id=abc")
    assert parsed.known == ()
    assert parsed.messages() == ("the URL has no 'scope' parameter",)


@pytest.mark.parametrize(
    "text",
    [
        "client_id=x&scope=user-read-email",  # a query string copied without its '?'
        "response_type=code&scope=user-read-email&state=s",
        "?scope=user-read-email",
        "scope=user-read-email&state=abc&show_dialog=true",  # the scope parameter first
    ],
)
def test_a_bare_query_string_reads_only_its_scope_parameter(
    catalogue: Catalogue, text: str
) -> None:
    parsed = parse_scopes(catalogue, text)
    assert parsed.tokens == ("user-read-email",)
    assert parsed.is_clean


@pytest.mark.parametrize(
    "text",
    [
        "scope=",
        "scope=&state=x",
        "client_id=x&scope=",
        "https://accounts.spotify.com/authorize?client_id=x&scope=",
    ],
)
def test_an_empty_scope_parameter_holds_no_scopes_and_no_complaint(
    catalogue: Catalogue, text: str
) -> None:
    parsed = parse_scopes(catalogue, text)
    assert parsed.tokens == ()
    assert parsed.messages() == ()


@pytest.mark.parametrize(
    ("token", "suggestion"),
    [
        ("user-library-write", "user-library-modify"),
        ("user-write-playback-state", "user-modify-playback-state"),
        ("user-follow-write", "user-follow-modify"),
        ("write-everything", None),  # no scope by that name: nothing made up
    ],
)
def test_write_is_read_as_spotifys_modify(
    catalogue: Catalogue, token: str, suggestion: str | None
) -> None:
    (unknown,) = parse_scopes(catalogue, token).unknown
    assert unknown.suggestion == suggestion


@pytest.mark.parametrize(
    ("token", "suggestion"),
    [
        ("playlist", "playlist-read-private"),  # the first in Spotify's order that it starts
        ("playli", "playlist-read-private"),  # six characters: still completed
        ("playl", None),  # five: too short to guess from
        ("stream", "streaming"),
        ("strea", None),
        ("user-r", "user-read-playback-state"),
    ],
)
def test_a_truncated_name_is_completed_from_six_characters(
    catalogue: Catalogue, token: str, suggestion: str | None
) -> None:
    (unknown,) = parse_scopes(catalogue, token).unknown
    assert unknown.suggestion == suggestion
    if suggestion:
        assert unknown.describe() == (
            f"'{token}' is not a Spotify scope; did you mean '{suggestion}'?"
        )


def test_the_copy_formats_are_labelled_for_the_menu() -> None:
    assert [fmt.label for fmt in CopyFormat] == [
        "Space-separated (what Spotify expects)",
        "URL-encoded (%20)",
        "Comma-separated",
        "JSON array",
        "Python list",
        "spotipy (Python)",
        "tekore (Python)",
        "Spotify Web API TypeScript SDK",
    ]


def test_the_copy_formats_short_labels_drop_the_explanation_for_the_button() -> None:
    assert [fmt.short_label for fmt in CopyFormat] == [
        "Space-separated",
        "URL-encoded",
        "Comma-separated",
        "JSON array",
        "Python list",
        "spotipy",
        "tekore",
        "Spotify Web API TypeScript SDK",
    ]


_QUALIFIER = re.compile(r"([A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*)?")


def _constant_spellings(scope: str) -> tuple[set[str], set[str]]:
    """How client libraries spell a scope's constant: (after a qualifier such as ``tk.scope.``
    or a bare ``.``; on its own). Snake case in any case (tekore, spotify-web-api-java), camel
    (iOS SDK), Pascal with or without Go's ``Scope``; alone only when an underscore or an
    inner capital shows it is a constant, or in the iOS SDK's Objective-C form."""
    words = scope.split("-")
    snake = "_".join(words)
    camel = words[0] + "".join(word.capitalize() for word in words[1:])
    pascal = "".join(word.capitalize() for word in words)
    objective_c = {"SPT" + pascal + "Scope"}
    qualified = {snake, snake.upper(), camel, pascal, "Scope" + pascal, *objective_c}
    alone = {snake, snake.upper(), camel, pascal, "Scope" + pascal} if len(words) > 1 else set()
    return qualified, alone | objective_c


_SPELLINGS = {name: _constant_spellings(name) for name in CATALOGUE.scope_names}


def scope_meant_by(token: str) -> str | None:
    """The test's own reading of a token, written from the rules above, not from the parser."""
    if CATALOGUE.has_scope(token):
        return token
    qualifier, dot, last = token.rpartition(".")
    if dot and not _QUALIFIER.fullmatch(qualifier):
        return None
    for name, (qualified, alone) in _SPELLINGS.items():
        spellings = qualified if dot else alone
        if last in spellings or ("_" in last and last.lower() == name.replace("-", "_")):
            return name
    return None


def assert_every_token_accounted_for(parsed: ParsedScopes) -> None:
    """Each token names a scope that is in ``known`` (first occurrence) or ``duplicates``
    (later ones), or names none and is in ``unknown`` (first occurrence, with a message naming
    it) or ``duplicates``; the cleaned string reads back as exactly ``known``."""
    catalogue = CATALOGUE
    assert len(parsed.tokens) == len(parsed.known) + len(parsed.unknown) + len(parsed.duplicates)
    assert parsed.known == catalogue.in_scope_order(parsed.known)
    named = [scope_meant_by(t) for t in parsed.tokens]
    assert set(parsed.known) == {name for name in named if name is not None}
    said = [name or token for name, token in zip(named, parsed.tokens, strict=True)]
    assert Counter(said) == Counter(parsed.known) + Counter(
        u.token for u in parsed.unknown
    ) + Counter(parsed.duplicates)
    first_unknown = [t for t, name in zip(parsed.tokens, named, strict=True) if name is None]
    assert [u.token for u in parsed.unknown] == list(dict.fromkeys(first_unknown))
    for unknown in parsed.unknown:
        assert f"'{unknown.token}'" in unknown.describe()
        assert unknown.suggestion is None or catalogue.has_scope(unknown.suggestion)
    messages = parsed.messages()
    assert len(messages) == (
        len(parsed.unknown) + bool(parsed.duplicates) + (parsed.source_note is not None)
    )
    assert all(isinstance(message, str) and message for message in messages)
    reread = parse_scopes(catalogue, format_scopes(parsed.known))
    assert reread.known == parsed.known
    assert reread.is_clean


@given(st.text())
def test_any_text_parses_and_every_token_is_accounted_for(text: str) -> None:
    assert_every_token_accounted_for(parse_scopes(CATALOGUE, text))


# What developers paste: scope names whole (a few often, so duplicates occur), mis-cased, cut
# short or retired, as library constants, each followed by a separator, quote, bracket, key or
# URL part the parser has to see through.
_SCOPE_LIKE = st.sampled_from(CATALOGUE.scope_names[:4]) | st.sampled_from(
    [
        *CATALOGUE.scope_names,
        *(name.upper() for name in CATALOGUE.scope_names[:3]),
        *(name[: len(name) // 2] for name in CATALOGUE.scope_names[:3]),
        *RETIRED_SCOPES,
        "foo",
        "user-read-emial",
        *("tk.scope.user_read_email", ".userReadEmail", "ScopeStreaming", "USER_TOP_READ"),
        *("Streaming", "tk.scope.every", "a..streaming", ".user_read_birthdate"),
        *("user_read-email", "foo/bar.user_read_email", "ScopeStreaming", "1tk.streaming"),
        *("SPTUserReadEmailScope", "SPTStreamingScope", "SPTUserReadBirthDateScope", "openid"),
    ]
)
_SYNTAX = st.sampled_from(
    [
        *(" ", ",", ", ", "+", "%20", "%2C", "\n", ";", "|", "\t", '"', "'", "`"),
        *("[", "]", "(", ")", "scope=", "scopes: ", "SCOPES = ", "&state=x", "?scope=", "&scope="),
        *("https://accounts.spotify.com/authorize?", "%", "%%", "%2", "\u00e9", "\x00", ""),
    ]
)


@given(_SYNTAX, st.lists(st.tuples(_SCOPE_LIKE, _SYNTAX).map("".join), max_size=12).map("".join))
def test_scope_shaped_text_parses_and_every_token_is_accounted_for(prefix: str, body: str) -> None:
    assert_every_token_accounted_for(parse_scopes(CATALOGUE, prefix + body))


@given(
    st.lists(st.sampled_from(CATALOGUE.scope_names), unique=True),
    st.sampled_from(list(CopyFormat)),
)
def test_every_copy_format_parses_back_to_the_same_selection(
    scopes: list[str], fmt: CopyFormat
) -> None:
    catalogue = CATALOGUE
    ordered = catalogue.in_scope_order(scopes)
    parsed = parse_scopes(catalogue, format_scopes(ordered, fmt))
    assert parsed.known == ordered
    assert parsed.is_clean


def test_space_format_is_exactly_what_spotify_expects() -> None:
    assert format_scopes(("user-read-email", "streaming")) == "user-read-email streaming"
    assert format_scopes(("a-b", "c"), CopyFormat.URL_ENCODED) == "a-b%20c"
    assert format_scopes((), CopyFormat.JSON) == "[]"


def test_each_copy_format_is_exactly_what_its_reader_expects() -> None:
    scopes = ("user-read-email", "streaming")
    assert format_scopes(scopes, CopyFormat.URL_ENCODED) == "user-read-email%20streaming"
    assert format_scopes(scopes, CopyFormat.COMMA) == "user-read-email,streaming"
    assert format_scopes(scopes, CopyFormat.JSON) == '["user-read-email", "streaming"]'
    assert format_scopes(scopes, CopyFormat.PYTHON) == "['user-read-email', 'streaming']"
    assert format_scopes(scopes, CopyFormat.SPOTIPY) == (
        "from spotipy.oauth2 import SpotifyPKCE\n\n"
        "auth_manager = SpotifyPKCE(scope='user-read-email streaming')"
    )
    assert format_scopes(scopes, CopyFormat.TEKORE) == (
        "import tekore as tk\n\nscope = tk.Scope(*['user-read-email', 'streaming'])"
    )
    assert format_scopes(scopes, CopyFormat.TYPESCRIPT_SDK) == (
        "// SpotifyApi comes from the @spotify/web-api-ts-sdk package\n"
        'const scopes = ["user-read-email", "streaming"];\n'
        "const sdk = SpotifyApi.withUserAuthorization(clientId, redirectUri, scopes);"
    )


@pytest.mark.parametrize("fmt", list(CopyFormat))
def test_a_saved_format_name_reads_back(fmt: CopyFormat) -> None:
    assert CopyFormat.from_saved(fmt.name) is fmt


@pytest.mark.parametrize("saved", [None, "", "json", "JSON array", "SPACE ", 3, b"JSON", ["JSON"]])
def test_anything_else_saved_is_no_format(saved: object) -> None:
    assert CopyFormat.from_saved(saved) is None


def test_suggestions_can_be_taken_up_in_the_text_or_the_selection(catalogue: Catalogue) -> None:
    text = "user-read-playback streaming User-Read-Email user-read-playback"
    parsed = parse_scopes(catalogue, text)
    assert parsed.suggestions == {
        "user-read-playback": "user-read-playback-state",
        "User-Read-Email": "user-read-email",
    }
    assert apply_suggestions(text, parsed) == (
        "user-read-playback-state streaming user-read-email user-read-playback-state"
    )
    taken = take_suggestions(catalogue, parsed)
    assert taken.known == catalogue.in_scope_order(
        {"user-read-playback-state", "streaming", "user-read-email"}
    )
    assert taken.unknown == ()
    assert taken.duplicates == parsed.duplicates


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("user-read user-read-email", "user-read-playback-state user-read-email"),
        ("user-read-email read-email", "user-read-email user-read-email"),
    ],
)
def test_a_suggestion_replaces_only_the_token_standing_alone(
    catalogue: Catalogue, text: str, fixed: str
) -> None:
    assert apply_suggestions(text, parse_scopes(catalogue, text)) == fixed
