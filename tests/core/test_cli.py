"""The ``scope-picker`` command: each subcommand in text and JSON, exit codes, no Qt."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import scope_picker.core.catalogue
from scope_picker import __version__
from scope_picker.cli.console import (
    EXIT_BROKEN_PIPE,
    EXIT_CATALOGUE_ERROR,
    EXIT_OK,
    EXIT_REJECTED,
)
from scope_picker.cli.json_document import SCHEMA_VERSION
from scope_picker.cli.main import main
from scope_picker.core.catalogue import Catalogue

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def section(out: str, title: str) -> list[str]:
    """The lines under a heading such as ``Consent screen``, up to the next blank line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"{title}( \(\d+\))?", line))
    body = []
    for line in lines[start + 1 :]:
        if not line:
            break
        body.append(line)
    return body


def installed_script() -> str:
    scripts = sysconfig.get_path("scripts")
    found = shutil.which("scope-picker", path=scripts)
    assert found, f"no scope-picker in {scripts}: re-run the editable install (see README)"
    return found


# --- explain -------------------------------------------------------------------------------


def test_explain_a_clean_string(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "user-read-private,user-read-email")
    assert code == EXIT_OK
    assert err == ""
    assert section(out, "Scopes") == [
        "  user-read-email    Users",
        "  user-read-private  Users",
    ]
    assert section(out, "Consent screen") == [
        "  user-read-email    Get your real email address.",
        "  user-read-private  Access your subscription details.",
    ]
    assert "Problems" not in out
    assert out.splitlines()[-2:] == ["Scope string", "user-read-email user-read-private"]


def test_explain_prints_consent_exactly_and_says_when_none_is_published(
    capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    _, out, _ = run(capsys, "explain", "streaming user-personalized")
    consent = section(out, "Consent screen")
    assert consent == [
        f"  streaming          {catalogue.scope('streaming').consent}",
        "  user-personalized  no published wording",
    ]
    assert "note: The user needs a Spotify Premium account." in section(out, "Scopes")[2]


def test_explain_lists_endpoints_with_partial_and_deprecated_marks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys,
        "explain",
        "--mode",
        "extended",
        "user-read-email ugc-image-upload playlist-modify-public",
    )
    covered = section(out, "Endpoints covered")
    assert re.fullmatch(
        r"  GET +/me +Get Current User's Profile  \[partial: user-read-private adds the "
        r"country, subscription level \(product\) and explicit-content settings\]",
        next(line for line in covered if " /me " in line),
    )
    assert re.fullmatch(
        r"  POST +/playlists/\{playlist_id\}/tracks +Add Items to Playlist \(/tracks\)  "
        r"\[deprecated, use POST /playlists/\{playlist_id\}/items\]",
        next(line for line in covered if "POST" in line and "/tracks" in line),
    )
    assert any("Add Custom Playlist Cover Image" in line for line in covered)
    assert "Blocked" not in out


def test_explain_in_development_mode_says_what_is_unavailable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "explain", "playlist-modify-public")
    assert not any("/tracks" in line for line in section(out, "Endpoints covered"))
    unavailable = section(out, "Unavailable in Development mode")
    assert re.fullmatch(
        r"  POST +/playlists/\{playlist_id\}/tracks +Add Items to Playlist \(/tracks\)  "
        r"\[deprecated, use POST /playlists/\{playlist_id\}/items\]  \[unavailable in "
        r"Development mode since 2026-02-11\]",
        next(line for line in unavailable if "POST" in line),
    )


def test_explain_in_development_mode_says_a_scope_adds_nothing_where_spotify_removed_its_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As ``for-endpoints "GET /me"`` says: no 'partial' for a gain the mode took away."""
    _, out, _ = run(capsys, "explain", "user-read-email")
    assert section(out, "Endpoints covered") == [
        "  GET  /me  Get Current User's Profile  [user-read-email adds nothing in Development "
        "mode: Spotify no longer returns the email address]"
    ]
    assert "partial" not in out


def test_text_output_marks_the_endpoints_that_need_a_premium_user(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The reference says of each playback control: "This API only works for users who have
    Spotify Premium"; the window's Notes column says so, and the text output now too."""
    _, out, _ = run(capsys, "explain", "user-modify-playback-state")
    covered = section(out, "Endpoints covered")
    assert len(covered) == 10
    assert all(line.endswith("  [Premium only]") for line in covered), covered
    _, out, _ = run(capsys, "for-endpoints", "PUT /me/player/play", "GET /me/player")
    endpoints = section(out, "Endpoints")
    assert [line.endswith("[Premium only]") for line in endpoints] == [True, False]


def test_explain_shows_what_a_blocked_endpoint_still_needs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "explain", "ugc-image-upload")
    # 41 endpoints need no scope; Spotify removed 24 of them for Development-mode apps
    # (the multi-gets, new releases, browse categories, markets, other users' profiles...).
    assert section(out, "Endpoints covered") == [
        "  none beyond the 17 endpoints that need no scope (24 more are unavailable in "
        "Development mode)"
    ]
    _, extended, _ = run(capsys, "explain", "--mode", "extended", "ugc-image-upload")
    assert section(extended, "Endpoints covered") == [
        "  none beyond the 41 endpoints that need no scope"
    ]
    [blocked] = section(out, "Blocked")
    assert re.fullmatch(
        r"  PUT +/playlists/\{playlist_id\}/images +Add Custom Playlist Cover Image  "
        r"\[blocked: also needs playlist-modify-public or playlist-modify-private\]",
        blocked,
    )


def test_explain_lists_sdk_targets(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", "streaming app-remote-control")
    assert section(out, "SDKs and partner APIs") == [
        "  iOS SDK           SDK, https://developer.spotify.com/documentation/ios",
        "  Android SDK       SDK, https://developer.spotify.com/documentation/android",
        "  Web Playback SDK  SDK, https://developer.spotify.com/documentation/web-playback-sdk",
    ]


def test_unknown_scopes_exit_2_with_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "user-read-playback user-read-email")
    assert code == EXIT_REJECTED
    assert section(out, "Problems") == [
        "  'user-read-playback' is not a Spotify scope; did you mean 'user-read-playback-state'?"
    ]
    assert out.splitlines()[-1] == "user-read-email"
    assert err == "scope-picker: error: the scope string is not clean: 1 unknown scope\n"


def test_a_repeated_unknown_token_is_one_unknown_scope_and_a_duplicate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = run_json(capsys, "explain", "foo foo user-read-private")
    assert code == EXIT_REJECTED
    assert [u["token"] for u in doc["unknown"]] == ["foo"]
    assert doc["duplicates"] == ["foo"]
    assert doc["messages"] == ["'foo' is not a Spotify scope", "listed more than once: foo"]
    _, _, err = run(capsys, "explain", "foo foo user-read-private")
    assert (
        err == "scope-picker: error: the scope string is not clean: 1 unknown scope, 1 duplicate\n"
    )


def test_retired_and_foreign_constants_are_named_as_such(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = run_json(capsys, "explain", "[.userReadBirthDate, .openid, .streaming]")
    assert code == EXIT_REJECTED
    assert [(u["token"], u["suggestion"]) for u in doc["unknown"]] == [
        (".userReadBirthDate", None),
        (".openid", None),
    ]
    assert doc["messages"] == [
        "'.userReadBirthDate' no longer exists: Spotify removed this scope; "
        "birthdates are no longer shared",
        "'.openid' is not a Spotify scope: it is an OpenID Connect scope, "
        "which the Web API's authorize URL does not take",
    ]


def test_duplicates_only_warn_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "user-top-read user-top-read")
    assert code == EXIT_OK
    assert section(out, "Problems") == ["  listed more than once: user-top-read"]
    assert err == "scope-picker: warning: 1 duplicate (--strict makes duplicates fail)\n"

    code, _, err = run(capsys, "explain", "--strict", "user-top-read user-top-read")
    assert code == EXIT_REJECTED
    assert err == "scope-picker: error: the scope string is not clean: 1 duplicate\n"


def test_explain_reads_an_authorize_url(capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://accounts.spotify.com/authorize?client_id=abc&scope=user-top-read%20streaming"
    code, out, _ = run(capsys, "explain", url)
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "streaming user-top-read"

    code, out, err = run(capsys, "explain", "https://accounts.spotify.com/authorize?client_id=a")
    assert code == EXIT_REJECTED
    assert section(out, "Problems") == ["  the URL has no 'scope' parameter"]
    assert "the URL has no 'scope' parameter" in err


@pytest.mark.parametrize("argv", [["explain"], ["explain", "-"]])
def test_explain_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('["user-top-read",\n "user-read-email"]\n'))
    code, out, err = run(capsys, *argv)
    assert code == EXIT_OK
    assert err == ""
    assert out.splitlines()[-1] == "user-top-read user-read-email"


def test_explain_reads_lines_continued_by_a_backslash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``printf 'user-read-private \\\n    streaming\n' | scope-picker explain``"""
    monkeypatch.setattr(sys, "stdin", io.StringIO("user-read-private \\\n    streaming\n"))
    code, out, err = run(capsys, "explain")
    assert code == EXIT_OK
    assert err == ""
    assert out.splitlines()[-1] == "streaming user-read-private"


def test_unreadable_stdin_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe"), "utf-8"))
    code, out, err = run(capsys, "explain")
    assert code == EXIT_REJECTED
    assert out == ""
    assert err.startswith("scope-picker: error: standard input is not readable text: ")

    monkeypatch.setattr(sys, "stdin", None)
    code, _, err = run(capsys, "explain")
    assert code == EXIT_REJECTED
    assert "no standard input to read the scope string from" in err


def test_explain_json(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    code, doc = run_json(capsys, "explain", "user-read-email user-read-email ugc-image-upload x")
    assert code == EXIT_REJECTED
    assert list(doc) == [
        "schema_version",
        "command",
        "catalogue_version",
        "mode",
        "clean",
        "scopes",
        "unknown",
        "duplicates",
        "source_note",
        "messages",
        "endpoints",
        "scope_string",
    ]
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["command"] == "explain"
    assert doc["catalogue_version"] == catalogue.version
    assert doc["clean"] is False
    assert [s["name"] for s in doc["scopes"]] == ["ugc-image-upload", "user-read-email"]
    assert doc["scopes"][1]["consent"] == "Get your real email address."
    assert doc["unknown"] == [
        {
            "token": "x",
            "suggestion": None,
            "retired_note": None,
            "message": "'x' is not a Spotify scope",
        }
    ]
    assert doc["duplicates"] == ["user-read-email"]
    assert doc["source_note"] is None
    upload = next(e for e in doc["endpoints"] if e["id"] == "upload-custom-playlist-cover")
    assert upload["coverage"] == {
        "level": "blocked",
        "explanation": "also needs playlist-modify-public or playlist-modify-private",
        "missing_required": [],
        "missing_any_of": [["playlist-modify-public", "playlist-modify-private"]],
        "missing_optional": [],
        "without_gain": [],
        "unavailable": None,
    }
    profile = next(e for e in doc["endpoints"] if e["id"] == "get-current-users-profile")
    assert profile["coverage"]["level"] == "full"
    assert profile["coverage"]["without_gain"] == ["user-read-email"]
    assert doc["scope_string"] == "ugc-image-upload user-read-email"


def test_explain_json_gives_null_consent_and_partner_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = run_json(capsys, "explain", "user-soa-link")
    assert code == EXIT_OK
    [scope] = doc["scopes"]
    assert scope["consent"] is None
    assert scope["notes"] == ["partner-only"]
    [target] = doc["endpoints"]
    assert (target["kind"], target["method"], target["path"]) == ("partner", None, None)
    assert target["coverage"]["level"] == "full"


# --- for-endpoints -------------------------------------------------------------------------


def test_for_endpoints_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "for-endpoints",
        "GET /me/player",
        "POST /playlists/{playlist_id}/items",
        "get-a-users-available-devices",
        "get current user's profile",
    )
    assert code == EXIT_OK
    assert err == ""
    assert section(out, "Scopes") == [
        "  user-read-playback-state",
        "      needed by: Get Playback State, Get Available Devices",
        "  playlist-modify-public",
        "      needed by: Add Items to Playlist",
    ]
    assert section(out, "Choices") == [
        "  playlist-modify-private or playlist-modify-public: picked playlist-modify-public",
        "      for: Add Items to Playlist",
        "      playlist-modify-public for public playlists, playlist-modify-private for private "
        "and collaborative ones",
        "      other options: playlist-modify-private (--prefer one to pick it)",
    ]
    assert section(out, "Optional scopes, left out") == [
        "  user-read-private",
        "      adds to Get Current User's Profile: nothing in Development mode: Spotify no "
        "longer returns the country, subscription level (product) and explicit-content settings",
        "  user-read-email",
        "      adds to Get Current User's Profile: nothing in Development mode: Spotify no "
        "longer returns the email address",
        "  (--optional SCOPE asks for one)",
    ]
    assert out.splitlines()[-1] == "user-read-playback-state playlist-modify-public"


def test_prefer_settles_a_choice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "for-endpoints", "Add Items to Playlist", "--prefer", "playlist-modify-public"
    )
    assert code == EXIT_OK
    assert err == ""
    assert "picked playlist-modify-public" in out
    assert out.splitlines()[-1] == "playlist-modify-public"


def test_a_choice_settled_by_a_required_scope_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "for-endpoints", "GET /me/player/currently-playing", "GET /me/player")
    assert section(out, "Choices")[0] == (
        "  user-read-playback-state or user-read-currently-playing: "
        "settled by user-read-playback-state, needed anyway"
    )
    assert out.splitlines()[-1] == "user-read-playback-state"
    _, doc = run_json(capsys, "for-endpoints", "GET /me/player/currently-playing", "GET /me/player")
    [choice] = doc["choices"]
    assert (choice["chosen"], choice["settled_by"]) == (None, ["user-read-playback-state"])


def test_bad_prefer_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "for-endpoints", "GET /me/player", "--prefer", "user-top-red")
    assert (code, out) == (EXIT_REJECTED, "")
    assert err == (
        "scope-picker: error: --prefer: 'user-top-red' is not a Spotify scope; "
        "did you mean 'user-top-read'?\n"
    )

    code, out, err = run(
        capsys,
        "for-endpoints",
        "POST /me/playlists",
        "--prefer",
        "playlist-modify-public",
        "--prefer",
        "playlist-modify-private",
    )
    assert (code, out) == (EXIT_REJECTED, "")
    assert "settle the same choice (playlist-modify-private or playlist-modify-public)" in err

    code, out, err = run(capsys, "for-endpoints", "GET /me/player", "--prefer", "user-top-read")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "user-read-playback-state"
    assert err == (
        "scope-picker: warning: --prefer user-top-read: no choice among these endpoints offers it\n"
    )


def test_unknown_endpoints_exit_2_with_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "for-endpoints", "GET /me/player", "GET /me/playr", "/me/player")
    assert code == EXIT_REJECTED
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "scope-picker: error: 'GET /me/playr' is not a known endpoint; did you mean "
        "GET /me/player (Get Playback State)"
    )
    assert lines[1].startswith("scope-picker: error: '/me/player' names 2 endpoints: ")


def test_endpoints_that_need_no_scope_give_an_empty_last_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "for-endpoints", "GET /albums/{id}")
    assert code == EXIT_OK
    assert section(out, "Scopes") == ["  none: every endpoint here works without a scope"]
    assert out.splitlines()[-2:] == ["Scope string", ""]


@pytest.mark.parametrize(
    ("endpoints", "why"),
    [
        (
            ["POST /playlists/{playlist_id}/tracks"],
            "no endpoint here is available in Development mode",
        ),
        (
            ["POST /playlists/{playlist_id}/tracks", "GET /albums/{id}"],
            "the endpoints here that Development mode allows work without a scope",
        ),
    ],
)
def test_no_scope_because_development_mode_removed_the_endpoints_says_so(
    capsys: pytest.CaptureFixture[str], endpoints: list[str], why: str
) -> None:
    """Not "every endpoint here works without a scope": the /tracks one needs a playlist
    scope, and Development-mode apps cannot call it at all since 2026-02-11."""
    code, out, _ = run(capsys, "for-endpoints", *endpoints)
    assert code == EXIT_OK
    assert section(out, "Scopes") == [f"  none: {why}"]


def test_for_endpoints_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = "# what the app calls\nGET /me/top/artists\n\nPUT /me/player/play  # remote\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(listing))
    code, out, _ = run(capsys, "for-endpoints", "-")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "user-modify-playback-state user-top-read"

    monkeypatch.setattr(sys, "stdin", io.StringIO("# nothing\n\n"))
    code, _, err = run(capsys, "for-endpoints", "-")
    assert code == EXIT_REJECTED
    assert err == "scope-picker: error: standard input named no endpoint\n"


def test_for_endpoints_json(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    code, doc = run_json(
        capsys, "for-endpoints", "GET /me", "Add items to playlist", "add-items-to-playlist"
    )
    assert code == EXIT_OK
    assert list(doc) == [
        "schema_version",
        "command",
        "catalogue_version",
        "mode",
        "unavailable",
        "rules",
        "endpoints",
        "scopes",
        "choices",
        "optional",
        "scope_string",
    ]
    assert doc["mode"]["name"] == "development"
    assert doc["mode"]["guide_url"] == catalogue.development_mode.guide_url
    assert [f["date"] for f in doc["mode"]["dates"]] == ["2026-02-11", "2026-03-09"]
    assert len(doc["mode"]["account_limits"]) == 3
    assert doc["command"] == "for-endpoints"
    assert [(e["input"], e["id"]) for e in doc["endpoints"]] == [
        ("GET /me", "get-current-users-profile"),
        ("Add items to playlist", "add-items-to-playlist"),
    ]
    assert doc["scopes"] == [
        {
            "name": "playlist-modify-public",
            "needed_by": ["add-items-to-playlist"],
            "asked_for": False,
        }
    ]
    assert doc["choices"] == [
        {
            "options": ["playlist-modify-private", "playlist-modify-public"],
            "chosen": "playlist-modify-public",
            "settled_by": [],
            "endpoints": ["add-items-to-playlist"],
            "note": catalogue.endpoint("add-items-to-playlist").requirement.choice,
        }
    ]
    assert doc["optional"][1] == {
        "scope": "user-read-email",
        "adds": [
            {
                "endpoint": "get-current-users-profile",
                "unlocks": "nothing in Development mode: Spotify no longer returns the email "
                "address",
            }
        ],
    }
    assert doc["scope_string"] == "playlist-modify-public"


def test_an_optional_scope_can_be_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    """Get User's Saved Episodes returns resume points only with user-read-playback-position
    (the reference's note on resume_point); the window's check box has a CLI twin."""
    code, out, _ = run(capsys, "for-endpoints", "GET /me/episodes", "GET /me/shows")
    assert code == EXIT_OK
    assert section(out, "Optional scopes, left out") == [
        "  user-read-playback-position",
        "      adds to Get User's Saved Episodes: the user's resume points in the episodes",
        "  (--optional SCOPE asks for one)",
    ]
    argv = ["for-endpoints", "GET /me/episodes", "GET /me/shows"]
    code, out, _ = run(capsys, *argv, "--optional", "user-read-playback-position")
    assert code == EXIT_OK
    assert section(out, "Scopes") == [
        "  user-read-playback-position",
        "      optional for: Get User's Saved Episodes (the user's resume points in the episodes)",
        "  user-library-read",
        "      needed by: Get User's Saved Episodes, Get User's Saved Shows",
    ]
    assert "Optional scopes, left out" not in out
    assert out.splitlines()[-1] == "user-read-playback-position user-library-read"

    code, doc = run_json(capsys, *argv, "--optional", "user-read-playback-position")
    assert [(s["name"], s["asked_for"]) for s in doc["scopes"]] == [
        ("user-read-playback-position", True),
        ("user-library-read", False),
    ]
    assert doc["optional"] == []
    assert doc["scope_string"] == "user-read-playback-position user-library-read"


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        (
            "streaming",
            "--optional streaming: no endpoint here offers it as an optional scope; they offer "
            "user-read-playback-position",
        ),
        ("user-read-emial", "--optional: 'user-read-emial' is not a Spotify scope; did you mean"),
    ],
)
def test_an_optional_scope_the_endpoints_do_not_offer_is_refused(
    capsys: pytest.CaptureFixture[str], asked: str, message: str
) -> None:
    code, out, err = run(capsys, "for-endpoints", "GET /me/episodes", "--optional", asked)
    assert code == EXIT_REJECTED
    assert out == ""
    assert err.startswith(f"scope-picker: error: {message}")


def test_every_endpoint_name_resolves_to_itself(
    capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    """``Get Album`` is the endpoint of that name, not the method GET on a path ``Album``; a
    name a retired operation shares with its replacement means the replacement."""
    named = {e.name: e.id for e in catalogue.endpoints if not e.deprecated}
    retired = {e.name: e.id for e in catalogue.endpoints if e.deprecated}
    expected = retired | named
    code, doc = run_json(capsys, "for-endpoints", *expected)
    assert code == EXIT_OK
    assert [(e["input"], e["id"]) for e in doc["endpoints"]] == list(expected.items())
    assert len(expected) > 90


# --- list ----------------------------------------------------------------------------------


def test_list_text(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    code, out, err = run(capsys, "list")
    assert (code, err) == (EXIT_OK, "")
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings == [category.name for category in catalogue.categories]
    assert section(out, "Images") == [
        "  ugc-image-upload",
        "      Write access to user-provided images.",
        "      consent: Upload images to Spotify on your behalf.",
    ]
    assert "  user-personalized\n      Get personalized content for the user.\n" in out
    assert "      consent: no published wording\n" in out
    assert all(f"  {name}\n" in out for name in catalogue.scope_names)


def test_list_endpoints_by_group(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    code, out, _ = run(capsys, "list", "--endpoints")
    assert code == EXIT_OK
    headings = [line for line in out.splitlines() if line.startswith("Endpoints: ")]
    assert headings == [f"Endpoints: {group}" for group in catalogue.groups]
    player = section(out, "Endpoints: Player")
    assert re.fullmatch(
        r"  GET +/me/player/currently-playing +Get Currently Playing Track  "
        r"\[needs one of user-read-currently-playing, user-read-playback-state\]",
        player[3],
    )
    assert section(out, "Endpoints: SDKs")[2] == "  Web Playback SDK (SDK)  [needs streaming]"
    rows = sum(len(section(out, heading)) for heading in headings)
    assert rows == len(catalogue.endpoints)


def test_list_json(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    code, doc = run_json(capsys, "list")
    assert code == EXIT_OK
    assert list(doc) == ["schema_version", "command", "catalogue_version", "categories"]
    assert [c["id"] for c in doc["categories"]] == [c.id for c in catalogue.categories]
    scopes = [s for c in doc["categories"] for s in c["scopes"]]
    assert [s["name"] for s in scopes] == list(catalogue.scope_names)
    assert sum(s["consent"] is None for s in scopes) == 6

    code, doc = run_json(capsys, "list", "--endpoints")
    assert list(doc)[-1] == "groups"
    assert [g["name"] for g in doc["groups"]] == list(catalogue.groups)
    endpoints = [e for g in doc["groups"] for e in g["endpoints"]]
    assert len(endpoints) == len(catalogue.endpoints)
    profile = next(e for e in endpoints if e["id"] == "get-current-users-profile")
    assert profile == {
        "id": "get-current-users-profile",
        "kind": "web-api",
        "name": "Get Current User's Profile",
        "group": "Users",
        "method": "GET",
        "path": "/me",
        "label": "GET /me",
        "deprecated": False,
        "deprecation_note": None,
        "replaced_by": None,
        "premium_only": False,
        "requirement": {
            "required": [],
            "any_of": [],
            "optional": [
                {
                    "scope": "user-read-private",
                    "unlocks": "the country, subscription level (product) and "
                    "explicit-content settings",
                },
                {"scope": "user-read-email", "unlocks": "the email address"},
            ],
            "choice": None,
        },
        "documentation_url": "https://developer.spotify.com/documentation/web-api/reference/"
        "get-current-users-profile",
        "why": {
            "page": "The Scopes page lists it under user-read-email, user-read-private.",
            "spec": "The spec lists user-read-private, user-read-email.",
            "follows": "needs no scope; optional: user-read-private, user-read-email",
            "because": catalogue.endpoint("get-current-users-profile").requirement_note,
            "source": "https://developer.spotify.com/documentation/web-api/reference/"
            "get-current-users-profile",
            "page_scopes": ["user-read-email", "user-read-private"],
            "spec_scopes": ["user-read-private", "user-read-email"],
        },
    }


# --- errors --------------------------------------------------------------------------------


def test_a_broken_catalogue_is_a_message_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "catalogue.json"
    broken.write_text('{"format": 1,', encoding="utf-8")
    monkeypatch.setattr(scope_picker.core.catalogue.loader, "resource", lambda _name: broken)
    for argv in (["list"], ["explain", "streaming", "--json"], ["for-endpoints", "GET /me"]):
        code, out, err = run(capsys, *argv)
        assert code == EXIT_CATALOGUE_ERROR
        assert out == ""
        assert err.startswith(
            "scope-picker: error: cannot load the scope catalogue: the catalogue is not valid JSON"
        )
        assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["list", "--bogus"], ["for-endpoints"], ["explain", "--prefer", "x"]],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == EXIT_REJECTED
    assert out == ""
    assert err.startswith("usage: scope-picker")


def test_help_exits_0_and_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "--help")
    assert code == EXIT_OK
    assert "--strict" in out
    assert "  2    usage error, or input refused: unknown scopes" in out


# --- as a process --------------------------------------------------------------------------


def _environment_without_display() -> dict[str, str]:
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    return {key: value for key, value in os.environ.items() if key not in hidden}


def test_the_command_imports_no_qt() -> None:
    script = (
        "import contextlib, io, sys\n"
        "from scope_picker.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    codes = [main(['list', '--endpoints']), main(['explain', 'streaming']),\n"
        "             main(['for-endpoints', 'GET /me/player', '--json'])]\n"
        "print(codes, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=_environment_without_display(),
    )
    assert result.stdout.strip() == "[0, 0, 0] []"


def test_the_installed_console_script_runs() -> None:
    script = installed_script()
    result = subprocess.run(
        [script, "for-endpoints", "GET /me/player", "POST /playlists/{playlist_id}/items"],
        capture_output=True,
        text=True,
        check=False,
        env=_environment_without_display(),
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, "")
    assert result.stdout.splitlines()[-1] == "user-read-playback-state playlist-modify-public"


@pytest.mark.parametrize(
    "argv",
    [["list", "--endpoints"], ["for-endpoints", "GET /me/player"]],
    ids=["larger-than-the-buffer", "written-at-the-end"],
)
def test_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    script = installed_script()
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with subprocess.Popen(
        [script, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=buffered
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader is gone before the first write, as with `| head -0`
        err = process.stderr.read()
        code = process.wait()
    assert code == EXIT_BROKEN_PIPE
    assert err == b""


def test_a_terminal_that_cannot_encode_the_text_gets_escapes() -> None:
    script = installed_script()
    result = subprocess.run(
        [script, "list"],
        capture_output=True,
        check=False,
        env={**_environment_without_display(), "PYTHONIOENCODING": "ascii"},
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, b"")
    assert b"Read access to a user\\u2019s player state." in result.stdout


# --- README --------------------------------------------------------------------------------


def _keys(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_the_readme_documents_every_json_key(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    keys: set[str] = set()
    for argv in (
        ["explain", "user-read-email ugc-image-upload streaming x x"],
        ["for-endpoints", "GET /me", "POST /me/playlists"],
        ["list", "--endpoints"],
    ):
        _, doc = run_json(capsys, *argv)
        keys |= set(_keys(doc))
    missing = sorted(key for key in keys if f"`{key}`" not in documented)
    assert not missing, f"README's Command line section does not describe: {missing}"


def test_version_names_the_release(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (EXIT_OK, f"scope-picker {__version__} (Scope Picker)\n", "")


# --- app mode and library items ---------------------------------------------------------


def test_for_endpoints_flags_an_endpoint_unavailable_in_development_mode(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "for-endpoints", "PUT /me/tracks", "GET /me/tracks")
    assert (code, err) == (EXIT_OK, "")
    assert section(out, "Unavailable in Development mode") == [
        "  PUT /me/tracks  Save Tracks for Current User",
        "      unavailable in Development mode since 2026-02-11; use PUT /me/library "
        "(--mode extended if your app has Extended quota)",
        "      https://developer.spotify.com/documentation/web-api/tutorials/"
        "february-2026-migration-guide",
    ]
    assert out.splitlines()[-1] == "user-library-read"
    code, out, _ = run(capsys, "for-endpoints", "--mode", "extended", "PUT /me/tracks")
    assert "Unavailable" not in out
    assert out.splitlines()[-1] == "user-library-modify"


def test_for_endpoints_takes_the_library_item_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "for-endpoints", "PUT /me/library", "GET /me/library/contains")
    assert out.splitlines()[-1] == "user-library-modify user-library-read"
    argv = ["for-endpoints", "--library-items", "artists,playlists", "PUT /me/library"]
    _, out, _ = run(capsys, *argv)
    assert out.splitlines()[-1] == "playlist-modify-public user-follow-modify"
    code, out, err = run(capsys, "for-endpoints", "--library-items", "podcasts", "PUT /me/library")
    assert code == EXIT_REJECTED
    assert out == ""
    assert "--library-items: 'podcasts' is not a kind of library item" in err


def test_for_endpoints_json_gives_the_reason_and_the_items_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, doc = run_json(capsys, "for-endpoints", "GET /playlists/{playlist_id}/items")
    assert code == EXIT_OK
    [rule] = doc["rules"]
    assert rule["endpoint"] == "get-playlists-items"
    assert "owns or collaborates on" in rule["text"]
    why = doc["endpoints"][0]["why"]
    assert why["spec"] == "The spec lists playlist-read-private."
    assert why["page"] == "The Scopes page does not list it."
    assert why["follows"] == "needs no scope; optional: playlist-read-private"
