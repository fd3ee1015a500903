"""The maintainers' catalogue tool: extraction on small fixtures written here, the build's
checks on the overlay, snapshot comparison, and the committed catalogue being a fresh build."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from scope_picker.catalogue_tool.build import BuildError, build_catalogue
from scope_picker.catalogue_tool.command import CATALOGUE_PATH, SOURCES_DIR, fresh_build, main
from scope_picker.catalogue_tool.compare import compare_snapshots, new_disagreements
from scope_picker.catalogue_tool.openapi_spec import extract_openapi
from scope_picker.catalogue_tool.scopes_page import SourceFormatError, extract_scopes_page

ROOT = Path(__file__).resolve().parents[2]

PAGE = """# Scopes

## List of Scopes

- Images

[ugc-image-upload]()

- Spotify Connect

[user-read-playback-state]()

- [user-read-currently-playing]()

### `ugc-image-upload`

**Description**Write access to user-provided images.**Visible to users**Upload images.
**Endpoints that require the `ugc-image-upload` scope**

- [Add Custom Playlist Cover Image]()

### user-read-playback-state

**Description**Read access to a user’s player state.**Visible to users**Read your player.
**Endpoints that require the `user-read-playback-state` scope**

- [Get the User's Currently Playing Track]()

- [Get a User's Available Devices]()

### `user-read-currently-playing`

**Description**Read access to what plays.
**Endpoints that require the `user-read-currently-playing` scope**

- [Get the User's Currently Playing Track]()

## Footer
### Documentation
- [Web API]()
"""

SPEC = """openapi: 3.0.3
info:
  version: 2026.1.2
tags:
  - name: Player
  - name: Playlists
paths:
  /me/player/devices:
    get:
      operationId: get-a-users-available-devices
      summary: |
        Get Available Devices
      tags: [Player]
      security:
        - oauth_2_0: [user-read-playback-state]
  /me/player/currently-playing:
    get:
      operationId: get-the-users-currently-playing-track
      summary: Get Currently Playing Track
      tags: [Player]
      security:
        - oauth_2_0: [user-read-currently-playing]
  /me/player/play:
    put:
      operationId: start-a-users-playback
      summary: Start/Resume Playback
      description: This API only works for users who have Spotify Premium.
      tags: [Player]
      security:
        - oauth_2_0: [user-modify-playback-state]
  /playlists/{playlist_id}/images:
    put:
      operationId: upload-custom-playlist-cover
      summary: Add Custom Playlist Cover Image
      tags: [Playlists, Images]
      security:
        - oauth_2_0: [ugc-image-upload]
  /playlists/{playlist_id}/tracks:
    get:
      operationId: get-playlists-tracks
      summary: Get Playlist Items [DEPRECATED]
      deprecated: true
      description: |
        **Deprecated:** Use [Get Playlist Items](REFERENCE/get-playlists-items) instead.
      tags: [Playlists]
  /playlists/{playlist_id}/items:
    get:
      operationId: get-playlists-items
      summary: Get Playlist Items
      tags: [Playlists]
components:
  securitySchemes:
    oauth_2_0:
      type: oauth2
      flows:
        authorizationCode:
          scopes:
            ugc-image-upload: |
              Upload images.
            user-read-playback-state: Read your player.
            user-read-currently-playing: Read what plays.
""".replace("REFERENCE", "/documentation/web-api/reference")

OVERLAY: dict[str, Any] = {
    "updated": "2026-01-03",
    "sources": {
        "scopes-page": {"title": "Scopes", "role": "scopes"},
        "openapi": {"title": "Spec", "role": "operations"},
    },
    "extra_groups": [],
    "scopes": {},
    "consent_order": [],
    "page_names": {
        "Add Custom Playlist Cover Image": ["upload-custom-playlist-cover"],
        "Get the User's Currently Playing Track": ["get-the-users-currently-playing-track"],
        "Get a User's Available Devices": ["get-a-users-available-devices"],
    },
    "other_endpoints": [],
    "operations": {
        "get-the-users-currently-playing-track": {
            "decided_when": {
                "spec": ["user-read-currently-playing"],
                "page": ["user-read-currently-playing", "user-read-playback-state"],
            },
            "requirement": {
                "any_of": [["user-read-currently-playing", "user-read-playback-state"]],
                "choice": "either",
            },
            "reason": "Either scope grants it.",
            "source": "https://example.invalid/reason",
        }
    },
}

DEVELOPMENT_MODE: dict[str, Any] = {
    "updated": "2026-01-01",
    "guide_url": "https://example.invalid/guide",
    "changelog_url": "https://example.invalid/changelog",
    "dates": [],
    "account_limits": [],
    "removed_endpoints": {"get-playlists-tracks": {"since": "2026-02-11", "source": "x"}},
    "removed_fields": [],
    "rules": [],
}


@pytest.fixture
def page() -> dict[str, Any]:
    return extract_scopes_page(PAGE.encode(), "https://example.invalid/scopes", "2026-01-02")


@pytest.fixture
def spec() -> dict[str, Any]:
    return extract_openapi(SPEC.encode(), "https://example.invalid/spec", "2026-01-02")


def test_the_page_gives_categories_wording_and_listed_endpoints(page: dict[str, Any]) -> None:
    assert page["source"]["url"] == "https://example.invalid/scopes"
    assert len(page["source"]["sha256"]) == 64
    assert page["categories"] == [
        {"name": "Images", "scopes": ["ugc-image-upload"]},
        {
            "name": "Spotify Connect",
            "scopes": ["user-read-playback-state", "user-read-currently-playing"],
        },
    ]
    state = page["scopes"][1]
    assert state == {
        "name": "user-read-playback-state",
        "description": "Read access to a user’s player state.",
        "consent": "Read your player.",
        "endpoints": ["Get the User's Currently Playing Track", "Get a User's Available Devices"],
    }
    assert page["scopes"][2]["consent"] is None  # no "Visible to users" published


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t.replace("## List of Scopes", "## Scopes"), "no '## List of Scopes'"),
        (lambda t: t.replace("**Description**Read access to what", "Read access to what"), "line"),
        (lambda t: t.replace("- [user-read-currently-playing]()\n", ""), "differ"),
    ],
    ids=["not-the-page", "stray-text", "scope-missing-from-the-list"],
)
def test_a_page_of_another_shape_is_refused_by_name(damage: Any, message: str) -> None:
    with pytest.raises(SourceFormatError, match=message):
        extract_scopes_page(damage(PAGE).encode(), "u", "2026-01-02")


def test_the_spec_gives_operations_in_reference_order(spec: dict[str, Any]) -> None:
    assert spec["source"]["version"] == "2026.1.2"
    assert spec["groups"] == ["Player", "Playlists"]
    assert spec["scopes"]["ugc-image-upload"] == "Upload images."
    devices, _current, play, cover, old, new = spec["operations"]
    assert devices["summary"] == "Get Available Devices"
    assert devices["scopes"] == ["user-read-playback-state"]
    assert play["premium_only"] is True
    assert cover["groups"] == ["Playlists", "Images"]
    assert old["deprecated"] is True
    assert old["replaced_by"] == "get-playlists-items"
    assert "replaced_by" not in new


def test_a_file_that_is_no_spec_is_refused() -> None:
    with pytest.raises(SourceFormatError, match="no 'paths'"):
        extract_openapi(b"openapi: 3.0.3\n", "u", "d")


def test_build_joins_sources_and_decisions(page: dict[str, Any], spec: dict[str, Any]) -> None:
    overlay = copy.deepcopy(OVERLAY)
    overlay["operations"]["get-playlists-tracks"] = {"name": "Get Playlist Items (/tracks)"}
    built = build_catalogue(page, spec, overlay, DEVELOPMENT_MODE)
    assert built["version"] == "2026.01.03"
    endpoints = {e["id"]: e for e in built["endpoints"]}
    assert endpoints["get-a-users-available-devices"]["requirement"]["required"] == [
        "user-read-playback-state"
    ]
    assert endpoints["get-a-users-available-devices"]["page_names"] == [
        "Get a User's Available Devices"
    ]
    current = endpoints["get-the-users-currently-playing-track"]
    assert current["page_scopes"] == ["user-read-playback-state", "user-read-currently-playing"]
    assert current["requirement_note"] == "Either scope grants it."
    assert endpoints["get-playlists-tracks"]["deprecation_note"] == (
        "Deprecated: use Get Playlist Items instead."
    )
    assert built["scopes"][0]["category"] == "images"
    assert "spec_consent" not in built["scopes"][0]
    assert built["scopes"][2]["spec_consent"] == "Read what plays."


def test_build_names_every_problem(page: dict[str, Any], spec: dict[str, Any]) -> None:
    overlay = copy.deepcopy(OVERLAY)
    del overlay["page_names"]["Get a User's Available Devices"]
    overlay["operations"]["get-the-users-currently-playing-track"]["decided_when"]["page"] = []
    overlay["operations"]["no-such-operation"] = {"reason": "r", "source": "s"}
    with pytest.raises(BuildError) as raised:
        build_catalogue(page, spec, overlay, DEVELOPMENT_MODE)
    message = str(raised.value)
    assert "'Get a User's Available Devices' under user-read-playback-state" in message
    assert "overlay entry 'get-the-users-currently-playing-track' was decided when" in message
    assert "overlay entry 'no-such-operation' names an operation the spec no longer has" in message
    assert "'get-playlists-tracks' and 'get-playlists-items' would both be called" in message


def test_a_new_disagreement_needs_a_decision(page: dict[str, Any], spec: dict[str, Any]) -> None:
    overlay = copy.deepcopy(OVERLAY)
    overlay["operations"] = {"get-playlists-tracks": {"name": "Old"}}
    with pytest.raises(BuildError, match="'get-the-users-currently-playing-track': the spec lists"):
        build_catalogue(page, spec, overlay, DEVELOPMENT_MODE)


def test_diff_names_what_changed(spec: dict[str, Any], page: dict[str, Any]) -> None:
    newer = copy.deepcopy(spec)
    newer["operations"][0]["scopes"].append("user-read-currently-playing")
    newer["operations"][2]["deprecated"] = True
    newer["operations"].pop()
    assert compare_snapshots(spec, newer) == [
        "- get-playlists-items",
        "~ get-a-users-available-devices scopes: +user-read-currently-playing",
        "~ start-a-users-playback deprecated: False -> True",
    ]
    reworded = copy.deepcopy(page)
    reworded["scopes"][0]["consent"] = "Upload your images."
    assert compare_snapshots(page, reworded) == [
        "~ ugc-image-upload consent: 'Upload images.' -> 'Upload your images.'"
    ]
    assert compare_snapshots(page, page) == []
    with pytest.raises(ValueError, match="cannot compare"):
        compare_snapshots(page, spec)


def test_diff_names_new_disagreements(spec: dict[str, Any], page: dict[str, Any]) -> None:
    newer = copy.deepcopy(spec)
    newer["operations"][0]["scopes"].append("user-read-currently-playing")
    names = OVERLAY["page_names"]
    assert new_disagreements((page, spec), (page, newer), names) == [
        "! get-a-users-available-devices: the spec lists user-read-playback-state, "
        "user-read-currently-playing, the page user-read-playback-state (a decision for the "
        "overlay)"
    ]
    assert new_disagreements((page, spec), (page, spec), names) == []


def test_the_command_extracts_and_diffs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "page.json"
    argv = ["extract-page", str(tmp_path / "page.txt"), "--retrieved", "2026-01-02"]
    assert main([*argv, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["scopes"][0]["name"] == "ugc-image-upload"
    assert main(["diff", str(out), str(out)]) == 0
    assert capsys.readouterr().out.endswith("no changes\n")
    assert main(["--root", str(tmp_path), "check"]) == 1
    assert "not found: run from the repository's root" in capsys.readouterr().err


def test_the_committed_catalogue_is_a_fresh_build() -> None:
    committed = (ROOT / CATALOGUE_PATH).read_text(encoding="utf-8")
    assert committed == fresh_build(ROOT), (
        "run `python -m scope_picker.catalogue_tool build` and commit resources/catalogue.json"
    )


def test_snapshots_stay_out_of_the_shipped_package() -> None:
    import tomllib

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["scope_picker.resources"]
    assert all("/" not in glob for glob in globs)
    assert (ROOT / SOURCES_DIR / "overlay.json").is_file()
