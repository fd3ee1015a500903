"""The authorization URL core: Client ID and redirect URI checks, PKCE, URL, token request."""

import base64
import re
import shlex
import string
from dataclasses import replace
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scope_picker.core.authorize import (
    CODE_PLACEHOLDER,
    NO_SCOPES_NOTE,
    NO_STATE_NOTE,
    TOKEN_ENDPOINT,
    AuthorizationRequest,
    CheckResult,
    Finding,
    Severity,
    authorization_url,
    check_client_id,
    check_redirect_uri,
    code_challenge,
    draft_authorization,
    format_findings,
    is_valid_code_verifier,
    new_code_verifier,
    new_state,
    pkce,
    token_request_example,
)
from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import parse_scopes

CLIENT_ID = "0123456789abcdef0123456789abcdef"
# RFC 7636 Appendix B: 32 random octets, their base64url as verifier, and its S256 challenge.
RFC_7636_OCTETS = bytes(
    [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
     22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]
)  # fmt: skip
RFC_7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC_7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
REDIRECT_URI = "http://127.0.0.1:8888/callback"


BASE_REQUEST = AuthorizationRequest(
    client_id=CLIENT_ID,
    redirect_uri=REDIRECT_URI,
    scopes=("user-read-private", "user-read-email"),
    state="xyz",
    code_verifier=RFC_7636_VERIFIER,
)


def _request(**changes: object) -> AuthorizationRequest:
    return replace(BASE_REQUEST, **changes)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def _severities(findings: tuple[Finding, ...]) -> list[Severity]:
    return [finding.severity for finding in findings]


# --- Client ID -----------------------------------------------------------------------------


def test_a_32_character_hex_client_id_passes_without_comment() -> None:
    result = check_client_id(CLIENT_ID)
    assert result.ok
    assert result.value == CLIENT_ID
    assert result.findings == ()


def test_whitespace_around_a_pasted_client_id_is_trimmed_and_mentioned() -> None:
    result = check_client_id(f"  {CLIENT_ID}\n")
    assert result.ok
    assert result.value == CLIENT_ID
    assert [(finding.severity, finding.message) for finding in result.findings] == [
        (Severity.INFO, "Removed the spaces or line breaks around the Client ID.")
    ]


def test_an_empty_client_id_asks_for_one() -> None:
    result = check_client_id("   ")
    assert not result.ok
    assert [finding.message for finding in result.findings] == [
        "Paste the Client ID from your app's settings in the Spotify dashboard."
    ]


def test_a_client_id_of_the_wrong_length_gives_the_count() -> None:
    result = check_client_id(CLIENT_ID[:-1])
    assert not result.ok
    assert [finding.message for finding in result.findings] == [
        "A Client ID has exactly 32 characters; this one has 31. Copy it again from the dashboard."
    ]


def test_non_hex_characters_in_a_client_id_are_named_once_each() -> None:
    result = check_client_id("g" + CLIENT_ID[1:-2] + "z g")
    assert not result.ok
    assert result.findings[0].message == (
        "A Client ID has only the characters 0-9 and a-f; this one has 'g', 'z', a space."
    )
    assert result.findings[1].message == (
        "A Client ID has exactly 32 characters; this one has 33. Copy it again from the dashboard."
    )


@pytest.mark.parametrize(
    ("inside", "named"),
    [
        ("\t", "a tab"),
        ("\n", "a line break"),
        ("\r", "a line break"),
        ("\r\n", "a line break"),  # one line break, not two
        ("\x00", "U+0000"),
        ("\x1b", "U+001B"),
        ("\u200b", "U+200B"),  # a zero-width space: invisible, so named by its code point
        ("é", "'é'"),
    ],
)
def test_a_character_a_client_id_cannot_have_is_named_so_it_can_be_found(
    inside: str, named: str
) -> None:
    client_id = CLIENT_ID[:16] + inside + CLIENT_ID[16 + len(inside) :]
    result = check_client_id(client_id)
    assert result.findings[0].message == (
        f"A Client ID has only the characters 0-9 and a-f; this one has {named}."
    )


@given(st.text())
def test_any_text_as_client_id_gets_an_answer_and_only_32_hex_passes(text: str) -> None:
    result = check_client_id(text)
    stripped = text.strip()
    expected_ok = len(stripped) == 32 and all(c in string.hexdigits for c in stripped)
    assert result.ok is expected_ok
    assert all(finding.message for finding in result.findings)


# --- Redirect URI --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "http://127.0.0.1:8888/callback",
        "http://127.0.0.1/callback",
        "http://[::1]:8888/callback",
        "http://[::1]/callback",
        "https://example.com/callback",
        "https://example.com/callback?from=spotify&x=a%20b",
        "myapp://callback",
        "com.example.app:/oauth",
    ],
)
def test_uris_spotify_accepts_pass(uri: str) -> None:
    result = check_redirect_uri(uri)
    assert result.ok
    assert result.value == uri
    assert Severity.ERROR not in _severities(result.findings)


@pytest.mark.parametrize(
    ("uri", "message_part", "suggestion"),
    [
        ("", "Enter the redirect URI", None),
        (
            "http://localhost:8888/callback",
            "does not accept localhost",
            "http://127.0.0.1:8888/callback",
        ),
        ("https://localhost/cb?a=1", "does not accept localhost", "https://127.0.0.1/cb?a=1"),
        ("http://app.localhost:3000/", "does not accept localhost", "http://127.0.0.1:3000/"),
        ("localhost:8888/callback", "no scheme", "http://127.0.0.1:8888/callback"),
        ("127.0.0.1:8888/callback", "no scheme", "http://127.0.0.1:8888/callback"),
        ("example.com/callback", "no scheme", "https://example.com/callback"),
        ("garbage", "no scheme", None),
        ("http://example.com", "requires HTTPS", "https://example.com"),
        ("http://example.com:80/cb?x=1", "requires HTTPS", "https://example.com/cb?x=1"),
        ("http://192.168.1.5:8080/cb", "requires HTTPS", "https://192.168.1.5:8080/cb"),
        ("https://example.com/cb#top", "fragment", "https://example.com/cb"),
        ("http://localhost:8888/cb#x", "fragment", "http://127.0.0.1:8888/cb"),
        ("http://127.0.0.1:8888/call back", "a space", "http://127.0.0.1:8888/callback"),
        ("https://bücher.de/cb", "'ü'", "https://xn--bcher-kva.de/cb"),
        ("https://example.com/café", "'é'", "https://example.com/caf%C3%A9"),
        ("https://example.com/a<b>", "'<', '>'", "https://example.com/a%3Cb%3E"),
        ("http://127.0.0.1:8888/100%", "'%'", "http://127.0.0.1:8888/100%25"),
        ("http://127.0.0.1:99999/cb", "port '99999'", None),
        ("http://127.0.0.1:0/cb", "port '0'", None),
        ("http://127.0.0.1:http/cb", "port 'http'", None),
        ("http://[::1]:123456/cb", "port '123456'", None),
        ("http://[::1/cb", "brackets", None),
        ("https://", "no host", None),
        ("https:example.com/cb", "two slashes", "https://example.com/cb"),
        ("myapp:", "Nothing follows myapp:", "myapp://callback"),
        ("javascript:alert(1)", "cannot receive a redirect", None),
        ("data:text/html,hi", "cannot receive a redirect", None),
    ],
)
def test_each_problem_has_a_specific_message_and_a_fix_where_one_exists(
    uri: str, message_part: str, suggestion: str | None
) -> None:
    result = check_redirect_uri(uri)
    assert not result.ok
    errors = [finding for finding in result.findings if finding.severity is Severity.ERROR]
    assert len(errors) == 1
    assert message_part in errors[0].message
    assert errors[0].suggestion == suggestion
    assert result.suggestion == suggestion


EXACT_MATCH = (
    "It must match a redirect URI in your app's dashboard character for character "
    "(scheme, host, port, path, trailing slash)."
)
ANY_PORT = " Only loopback addresses registered without a port accept any port."
NO_SCHEME = (
    "The redirect URI has no scheme: start it with https://, or http:// for a loopback "
    "address such as 127.0.0.1."
)
NOT_LOCALHOST = (
    "Spotify does not accept localhost; use the loopback address 127.0.0.1 (or [::1]) "
    "with the same port and path."
)
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@pytest.mark.parametrize(
    ("uri", "findings"),
    [
        (
            "  http://127.0.0.1:8888/callback\n",
            [
                (INFO, "Removed the spaces or line breaks around the redirect URI.", None),
                (INFO, EXACT_MATCH + ANY_PORT, None),
            ],
        ),
        ("https://example.com/cb", [(INFO, EXACT_MATCH, None)]),
        # [::1] is one of the two loopback addresses Spotify documents: no warning.
        ("http://[::1]:8888/callback", [(INFO, EXACT_MATCH + ANY_PORT, None)]),
        (
            "",
            [
                (
                    ERROR,
                    "Enter the redirect URI registered in your app's dashboard, "
                    "for example http://127.0.0.1:8888/callback.",
                    None,
                )
            ],
        ),
        # %20 is no advice for a host name or a scheme, where it is not allowed either.
        (
            "https://my app.com/callback",
            [(ERROR, "A host name cannot contain a space.", "https://myapp.com/callback")],
        ),
        (
            "my app://callback",
            [(ERROR, "A scheme cannot contain a space.", "myapp://callback")],
        ),
        (
            "http://127.0.0.1:8888/call\tback",
            [
                (
                    ERROR,
                    "A URI cannot contain a tab. If it belongs there, write it as %20.",
                    "http://127.0.0.1:8888/callback",
                )
            ],
        ),
        (
            "https://example.com/a<b>",
            [
                (
                    ERROR,
                    "A URI cannot contain '<', '>' as written; it must be percent-encoded "
                    "(the browser sends it that way).",
                    "https://example.com/a%3Cb%3E",
                )
            ],
        ),
        (
            "http://127.0.0.1:8888/100%",
            [
                (
                    ERROR,
                    "A '%' must start a percent-encoded byte such as %20; "
                    "write a literal '%' as %25.",
                    "http://127.0.0.1:8888/100%25",
                )
            ],
        ),
        (
            "https://example.com/cb#top",
            [
                (
                    ERROR,
                    "A redirect URI cannot have a fragment (the part from '#'): OAuth forbids it.",
                    "https://example.com/cb",
                )
            ],
        ),
        ("example.com/callback", [(ERROR, NO_SCHEME, "https://example.com/callback")]),
        # A scheme-relative URI: its leading slashes are not part of the host.
        ("//example.com/callback", [(ERROR, NO_SCHEME, "https://example.com/callback")]),
        ("X.com/callback", [(ERROR, NO_SCHEME, "https://X.com/callback")]),
        # An IPv6 address is a host too, though it has no dot.
        (
            "[2001:db8::1]:8443/callback",
            [(ERROR, NO_SCHEME, "https://[2001:db8::1]:8443/callback")],
        ),
        (
            "https:/example.com/cb",
            [
                (
                    ERROR,
                    "Write https:// with two slashes before the host.",
                    "https://example.com/cb",
                )
            ],
        ),
        # The host is kept as written, whatever letter it starts with.
        (
            "https:X.com/callback",
            [
                (
                    ERROR,
                    "Write https:// with two slashes before the host.",
                    "https://X.com/callback",
                )
            ],
        ),
        ("https:/", [(ERROR, "Write https:// with two slashes before the host.", None)]),
        (
            "http://[::1/cb",
            [
                (
                    ERROR,
                    "The host cannot be read: check its brackets. An IPv6 address goes in "
                    "brackets, like http://[::1]:8888.",
                    None,
                )
            ],
        ),
        ("https://", [(ERROR, "The redirect URI has no host after https://.", None)]),
        # The port is read after the user info, whose password has a ':' too.
        (
            "http://user:pw@127.0.0.1:99999/cb",
            [(ERROR, "The port '99999' is not a number from 1 to 65535.", None)],
        ),
        (
            "http://user:pw@localhost:8888/cb",
            [(ERROR, NOT_LOCALHOST, "http://user:pw@127.0.0.1:8888/cb")],
        ),
        (
            "http://example.com/cb",
            [
                (
                    ERROR,
                    "Spotify requires HTTPS, except for loopback addresses such as 127.0.0.1.",
                    "https://example.com/cb",
                )
            ],
        ),
        (
            "https://user:pw@example.com/cb",
            [
                (
                    WARNING,
                    "The URI carries a user name or password before '@'; remove it, "
                    "as it ends up in browser history.",
                    "https://example.com/cb",
                ),
                (INFO, EXACT_MATCH, None),
            ],
        ),
        (
            "http://127.0.0.2/cb",
            [
                (
                    WARNING,
                    "Spotify documents the loopback addresses 127.0.0.1 and [::1]; 127.0.0.2 "
                    "may be refused.",
                    "http://127.0.0.1/cb",
                ),
                (
                    INFO,
                    "No port: register it like this in the dashboard, and your app may then "
                    "listen on any port it is given (Spotify allows dynamic loopback ports).",
                    None,
                ),
                (INFO, EXACT_MATCH + ANY_PORT, None),
            ],
        ),
        (
            "myapp://",
            [
                (
                    ERROR,
                    "Nothing follows myapp:; add the path your app listens on, "
                    "like myapp://callback.",
                    "myapp://callback",
                )
            ],
        ),
        # The fix keeps the scheme as it was written.
        (
            "MyApp:///",
            [
                (
                    ERROR,
                    "Nothing follows myapp:; add the path your app listens on, "
                    "like myapp://callback.",
                    "MyApp://callback",
                )
            ],
        ),
        (
            "myapp:/X",
            [
                (
                    INFO,
                    "Custom scheme myapp: fine for a native app, but Spotify recommends HTTPS "
                    "(Android App Links, iOS Universal Links) where possible.",
                    None,
                ),
                (INFO, EXACT_MATCH, None),
            ],
        ),
    ],
)
def test_each_redirect_uri_finding_reads_in_full_with_its_fix(
    uri: str, findings: list[tuple[Severity, str, str | None]]
) -> None:
    result = check_redirect_uri(uri)
    assert [(found.severity, found.message, found.suggestion) for found in result.findings] == (
        findings
    )


def test_a_uri_with_every_kind_of_fixable_problem_still_gets_a_suggestion() -> None:
    # A space, a non-ASCII letter, a stray '%', a fragment, no scheme and localhost: six fixes.
    result = check_redirect_uri("localhost:8888/café 100%#top")
    assert result.suggestion == "http://127.0.0.1:8888/caf%C3%A9100%25"


@pytest.mark.parametrize(
    ("uri", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("data:text/html,hi", "data"),
        ("file:///home/me/callback.html", "file"),
        ("about:blank", "about"),  # "URIs with the about: scheme", not "A about: URI"
        ("blob:https://example.com/0b1f", "blob"),
        ("JavaScript:alert(1)", "javascript"),
    ],
)
def test_schemes_that_run_code_or_read_local_data_are_refused(uri: str, scheme: str) -> None:
    result = check_redirect_uri(uri)
    assert [
        (finding.severity, finding.message, finding.suggestion) for finding in result.findings
    ] == [
        (
            Severity.ERROR,
            f"URIs with the {scheme}: scheme cannot receive a redirect; use https://, "
            "a loopback http://127.0.0.1 address, or your app's own scheme.",
            None,
        )
    ]


@pytest.mark.parametrize(
    ("uri", "message_part", "suggestion"),
    [
        ("http://127.0.0.2:8000/cb", "127.0.0.2 may be refused", "http://127.0.0.1:8000/cb"),
        ("http://user:pw@127.0.0.1:8080/cb", "user name or password", "http://127.0.0.1:8080/cb"),
        # A bracketed IPv6 loopback in long form: the port after the bracket is kept.
        (
            "http://[0:0:0:0:0:0:0:1]:8888/callback",
            "0:0:0:0:0:0:0:1 may be refused",
            "http://127.0.0.1:8888/callback",
        ),
        (
            "http://[0:0:0:0:0:0:0:1]/callback?x=[1]",
            "0:0:0:0:0:0:0:1 may be refused",
            "http://127.0.0.1/callback?x=[1]",
        ),
    ],
)
def test_doubtful_but_workable_uris_get_a_warning_and_a_fix(
    uri: str, message_part: str, suggestion: str
) -> None:
    result = check_redirect_uri(uri)
    assert result.ok
    warnings = [finding for finding in result.findings if finding.severity is Severity.WARNING]
    assert len(warnings) == 1
    assert message_part in warnings[0].message
    assert result.suggestion == suggestion


def test_the_note_on_ports_is_only_for_loopback_uris() -> None:
    web = check_redirect_uri("https://example.com/cb")
    assert not any("loopback" in finding.message for finding in web.findings)
    loopback = check_redirect_uri("http://127.0.0.1/callback")
    assert any("accept any port" in finding.message for finding in loopback.findings)


def test_a_usable_uri_carries_the_exact_match_reminder_as_information() -> None:
    result = check_redirect_uri(REDIRECT_URI)
    assert _severities(result.findings) == [Severity.INFO]
    assert "character for character" in result.findings[0].message
    assert result.suggestion is None


def test_a_loopback_uri_without_a_port_explains_dynamic_ports() -> None:
    result = check_redirect_uri("http://127.0.0.1/callback")
    assert any("any port" in finding.message for finding in result.findings[:-1])


def test_a_custom_scheme_is_allowed_with_a_note_recommending_https() -> None:
    result = check_redirect_uri("com.example.app:/oauth")
    assert result.ok
    assert "recommends HTTPS" in result.findings[0].message
    assert result.findings[0].severity is Severity.INFO


def test_whitespace_around_a_redirect_uri_is_trimmed_and_mentioned() -> None:
    result = check_redirect_uri(f"\t{REDIRECT_URI}  ")
    assert result.ok
    assert result.value == REDIRECT_URI
    assert "Removed the spaces" in result.findings[0].message


@given(st.text())
def test_any_text_as_redirect_uri_gets_messages_and_every_suggestion_passes(text: str) -> None:
    result = check_redirect_uri(text)
    assert result.findings
    assert all(finding.message for finding in result.findings)
    for finding in result.findings:
        if finding.suggestion is not None:
            assert check_redirect_uri(finding.suggestion).ok, finding


@given(
    st.sampled_from(["http", "https", "HTTP", "myapp", "com.example.app"]),
    st.text(alphabet=string.printable + "üé€[]:@%#", max_size=40),
)
def test_uri_shaped_text_never_raises_and_suggestions_pass(scheme: str, rest: str) -> None:
    result = check_redirect_uri(f"{scheme}:{rest}")
    assert result.findings
    if result.suggestion is not None:
        assert check_redirect_uri(result.suggestion).ok


def test_format_findings_labels_each_line_by_severity() -> None:
    findings = (
        Finding(Severity.ERROR, "bad"),
        Finding(Severity.WARNING, "odd"),
        Finding(Severity.INFO, "fyi"),
    )
    assert format_findings(findings) == "Error: bad\nWarning: odd\nNote: fyi"


@pytest.mark.parametrize(
    ("findings", "offered"),
    [
        # The fix of an error comes before any other, wherever the error is listed...
        (
            (
                Finding(Severity.INFO, "fyi", "from a note"),
                Finding(Severity.WARNING, "odd", "from a warning"),
                Finding(Severity.ERROR, "bad", "from an error"),
            ),
            "from an error",
        ),
        # ...then a warning's fix before a note's...
        (
            (
                Finding(Severity.INFO, "fyi", "from a note"),
                Finding(Severity.WARNING, "odd", "from a warning"),
            ),
            "from a warning",
        ),
        # ...and among equals, the first listed.
        (
            (
                Finding(Severity.WARNING, "odd", "first"),
                Finding(Severity.WARNING, "odder", "second"),
            ),
            "first",
        ),
        ((Finding(Severity.ERROR, "bad"), Finding(Severity.INFO, "fyi", "a note's")), "a note's"),
        ((Finding(Severity.ERROR, "bad"),), None),
    ],
)
def test_the_suggestion_offered_is_the_fix_of_the_most_severe_finding(
    findings: tuple[Finding, ...], offered: str | None
) -> None:
    assert CheckResult("typed", findings).suggestion == offered


# --- PKCE ----------------------------------------------------------------------------------


def test_the_challenge_matches_rfc_7636_appendix_b() -> None:
    assert base64.urlsafe_b64encode(RFC_7636_OCTETS).rstrip(b"=").decode() == RFC_7636_VERIFIER
    assert code_challenge(RFC_7636_VERIFIER) == RFC_7636_CHALLENGE


def test_the_default_verifier_is_the_longest_allowed() -> None:
    verifier = new_code_verifier()
    assert len(verifier) == 128
    assert is_valid_code_verifier(verifier)


def test_verifiers_come_from_the_secrets_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkce.secrets, "choice", lambda alphabet: alphabet[-1])
    assert new_code_verifier(43) == "~" * 43


@given(st.integers(min_value=43, max_value=128))
def test_any_length_in_range_gives_a_valid_verifier_and_a_challenge(length: int) -> None:
    verifier = new_code_verifier(length)
    assert len(verifier) == length
    assert is_valid_code_verifier(verifier)
    challenge = code_challenge(verifier)
    assert len(challenge) == 43
    assert set(challenge) <= set(string.ascii_letters + string.digits + "-_")


@pytest.mark.parametrize("length", [0, 42, 129])
def test_a_verifier_length_out_of_range_is_refused(length: int) -> None:
    message = f"a code verifier has 43 to 128 characters, not {length}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        new_code_verifier(length)


@pytest.mark.parametrize("verifier", ["a" * 42, "a" * 129, "a" * 42 + "+", "a" * 42 + "é"])
def test_a_challenge_is_refused_for_what_is_not_a_verifier(verifier: str) -> None:
    assert not is_valid_code_verifier(verifier)
    message = "not a code verifier: 43-128 characters from A-Z a-z 0-9 - . _ ~"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        code_challenge(verifier)


def test_states_are_random_and_url_safe() -> None:
    states = {new_state() for _ in range(20)}
    assert len(states) == 20
    for state in states:
        # 16 random bytes (128 bits, as OWASP asks of session tokens) in unpadded base64url.
        assert len(state) == 22
        assert len(base64.urlsafe_b64decode(state + "==")) == 16
        assert set(state) <= set(string.ascii_letters + string.digits + "-_")


# --- Authorization URL ---------------------------------------------------------------------


def test_the_url_carries_every_parameter_of_the_pkce_flow() -> None:
    url = authorization_url(_request())
    assert url.startswith("https://accounts.spotify.com/authorize?")
    assert _query(url) == {
        "client_id": [CLIENT_ID],
        "response_type": ["code"],
        "redirect_uri": [REDIRECT_URI],
        "scope": ["user-read-private user-read-email"],
        "state": ["xyz"],
        "code_challenge_method": ["S256"],
        "code_challenge": [RFC_7636_CHALLENGE],
    }


def test_scopes_are_joined_by_percent_20_and_nothing_is_left_unencoded() -> None:
    url = authorization_url(_request(redirect_uri="https://example.com/cb?a=1&b=2"))
    assert "scope=user-read-private%20user-read-email" in url
    assert "redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fa%3D1%26b%3D2" in url
    assert "+" not in url


def test_show_dialog_is_sent_only_when_true() -> None:
    assert "show_dialog" not in _query(authorization_url(_request(show_dialog=False)))
    assert _query(authorization_url(_request(show_dialog=True)))["show_dialog"] == ["true"]


def test_no_scopes_and_no_state_leave_their_parameters_out() -> None:
    query = _query(authorization_url(_request(scopes=(), state="")))
    assert "scope" not in query
    assert "state" not in query


@pytest.mark.parametrize(
    ("scope", "shown"),
    [
        ("", "''"),
        ("user-read-private user-read-email", "'user-read-private user-read-email'"),
        ("a\tb", "'a\\tb'"),
    ],
)
def test_a_scope_that_is_not_one_word_is_refused(scope: str, shown: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(f'not a scope: {shown}')}$"):
        authorization_url(_request(scopes=(scope,)))


scope_words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=" \t\n\r\x0b\x0c"),
    min_size=1,
).filter(lambda word: not any(character.isspace() for character in word))


@given(
    redirect_uri=st.text(),
    scopes=st.lists(scope_words, max_size=5),
    state=st.text(),
    show_dialog=st.booleans(),
)
def test_the_url_parses_back_to_exactly_the_values_it_was_built_from(
    redirect_uri: str, scopes: list[str], state: str, show_dialog: bool
) -> None:
    request = _request(
        redirect_uri=redirect_uri, scopes=tuple(scopes), state=state, show_dialog=show_dialog
    )
    url = authorization_url(request)
    assert url.isascii()
    assert " " not in url
    pairs = parse_qsl(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    expected = [
        ("client_id", CLIENT_ID),
        ("response_type", "code"),
        ("redirect_uri", redirect_uri),
        *([("scope", " ".join(scopes))] if scopes else []),
        *([("state", state)] if state else []),
        ("code_challenge_method", "S256"),
        ("code_challenge", RFC_7636_CHALLENGE),
        *([("show_dialog", "true")] if show_dialog else []),
    ]
    assert pairs == expected


# --- Token request -------------------------------------------------------------------------


def _curl_form(command: str) -> tuple[list[str], dict[str, list[str]]]:
    words = shlex.split(command)
    data = [words[index + 1] for index, word in enumerate(words) if word == "-d"]
    return words, parse_qs("&".join(data), keep_blank_values=True, strict_parsing=True)


def test_the_token_request_posts_the_pkce_form_without_a_secret() -> None:
    command = token_request_example(_request())
    words, form = _curl_form(command)
    assert words[:2] == ["curl", TOKEN_ENDPOINT]
    assert words[words.index("-H") + 1] == "Content-Type: application/x-www-form-urlencoded"
    assert form == {
        "grant_type": ["authorization_code"],
        "code": [CODE_PLACEHOLDER],
        "redirect_uri": [REDIRECT_URI],
        "client_id": [CLIENT_ID],
        "code_verifier": [RFC_7636_VERIFIER],
    }
    assert "secret" not in command.lower()
    assert "Authorization" not in command


@given(st.text(min_size=1))
def test_the_token_request_survives_shell_quoting_and_form_encoding(redirect_uri: str) -> None:
    _, form = _curl_form(token_request_example(_request(redirect_uri=redirect_uri)))
    assert form["redirect_uri"] == [redirect_uri]


def test_the_token_request_breaks_lines_for_a_posix_shell() -> None:
    assert token_request_example(_request()) == (
        "curl https://accounts.spotify.com/api/token \\\n"
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
        "  -d grant_type=authorization_code \\\n"
        "  -d code=PASTE_CODE_HERE \\\n"
        "  -d redirect_uri=http%3A%2F%2F127.0.0.1%3A8888%2Fcallback \\\n"
        f"  -d client_id={CLIENT_ID} \\\n"
        f"  -d code_verifier={RFC_7636_VERIFIER}"
    )


# --- Everything at once --------------------------------------------------------------------


def test_a_draft_with_valid_inputs_uses_the_trimmed_values() -> None:
    draft = draft_authorization(
        _request(client_id=f" {CLIENT_ID} ", redirect_uri=f"{REDIRECT_URI}\n")
    )
    assert draft.url == authorization_url(_request())
    assert draft.token_request == token_request_example(_request())
    assert draft.notes == ()


def test_a_draft_with_an_invalid_input_has_no_url_and_says_why() -> None:
    draft = draft_authorization(_request(redirect_uri="http://localhost:8888/callback"))
    assert draft.url is None
    assert draft.token_request is None
    assert draft.client_id.ok
    assert not draft.redirect_uri.ok


def test_a_draft_without_scopes_or_state_notes_both() -> None:
    draft = draft_authorization(_request(scopes=(), state=""))
    assert [(finding.severity, finding.message) for finding in draft.notes] == [
        (
            Severity.INFO,
            "No scopes selected: the URL leaves out scope, so the token can read only public data.",
        ),
        (
            Severity.WARNING,
            "No state: the URL leaves it out, so your app cannot tell its own callback "
            "from a forged one.",
        ),
    ]
    assert [finding.message for finding in draft.notes] == [NO_SCOPES_NOTE, NO_STATE_NOTE]
    assert draft.url is not None
    assert "scope" not in _query(draft.url)


def test_every_catalogue_scope_survives_the_url_and_reads_back_clean(catalogue: Catalogue) -> None:
    url = authorization_url(_request(scopes=catalogue.scope_names))
    parsed = parse_scopes(catalogue, url)
    assert parsed.is_clean
    assert parsed.known == catalogue.scope_names
