"""Bad catalogue data fails with a message that names the entry and the field."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scope_picker.core.catalogue import (
    CatalogueError,
    Category,
    ConsentChain,
    DevelopmentModeRules,
    Endpoint,
    EndpointKind,
    EndpointRule,
    LibraryItem,
    OptionalScope,
    RemovedEndpoint,
    RemovedFields,
    Requirement,
    Scope,
    ScopeNote,
    Source,
    load_catalogue,
    loader,
)
from scope_picker.core.catalogue.development_mode import DatedFact, SourcedFact
from scope_picker.core.resources import CATALOGUE_FILE, resource


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource(CATALOGUE_FILE).read_text(encoding="utf-8"))
    return loaded


def _scope(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in data["scopes"] if s["name"] == name)


def _endpoint(data: dict[str, Any], endpoint_id: str) -> dict[str, Any]:
    return next(e for e in data["endpoints"] if e["id"] == endpoint_id)


Mutation = Callable[[dict[str, Any]], None]

CASES: list[tuple[str, Mutation, str]] = [
    (
        "missing consent key",
        lambda d: _scope(d, "streaming").pop("consent"),
        "scope 'streaming': missing field 'consent' (null when there is none)",
    ),
    (
        "consent of the wrong type",
        lambda d: _scope(d, "streaming").update(consent=3),
        "scope 'streaming': field 'consent': expected text, found a whole number 3",
    ),
    (
        "unknown category",
        lambda d: _scope(d, "streaming").update(category="music"),
        "scope 'streaming': field 'category' names unknown category 'music'",
    ),
    (
        "unknown note",
        lambda d: _scope(d, "streaming").update(notes=["vip"]),
        "scope 'streaming': field 'notes': 'vip' is not a valid ScopeNote",
    ),
    (
        "duplicate scope",
        lambda d: d["scopes"].append(copy.deepcopy(d["scopes"][0])),
        "scopes: duplicate name 'ugc-image-upload'",
    ),
    (
        "missing method",
        lambda d: _endpoint(d, "get-queue").pop("method"),
        "endpoint 'get-queue': missing field 'method' (null when there is none)",
    ),
    (
        "web api endpoint without path",
        lambda d: _endpoint(d, "get-queue").update(path=None),
        "endpoint 'get-queue': a Web API endpoint needs 'method' and 'path'",
    ),
    (
        "unknown scope in requirement",
        lambda d: _endpoint(d, "get-queue")["requirement"]["required"].append("user-read-mind"),
        "endpoint 'get-queue': requirement field 'required' names unknown scope 'user-read-mind'",
    ),
    (
        "one-option alternative",
        lambda d: _endpoint(d, "create-playlist")["requirement"].update(any_of=[["streaming"]]),
        "endpoint 'create-playlist': requirement field 'any_of[0]' needs two or more scopes",
    ),
    (
        "bad kind",
        lambda d: _endpoint(d, "get-queue").update(kind="rpc"),
        "endpoint 'get-queue': field 'kind': 'rpc' is not a valid EndpointKind",
    ),
    (
        "unknown group",
        lambda d: _endpoint(d, "get-queue").update(group="Radio"),
        "endpoint 'get-queue': field 'group' names unknown group 'Radio'",
    ),
    (
        "deprecated as text",
        lambda d: _endpoint(d, "get-queue").update(deprecated="no"),
        "endpoint 'get-queue': field 'deprecated': expected true or false, found text \"no\"",
    ),
    (
        "replacement that does not exist",
        lambda d: _endpoint(d, "get-queue").update(replaced_by="get-the-future"),
        "endpoint 'get-queue': field 'replaced_by' names unknown endpoint 'get-the-future'",
    ),
    (
        "format from the future",
        lambda d: d.update(format=3),
        "the catalogue: field 'format' is 3, this app reads format 2",
    ),
    (
        "consent order missing",
        lambda d: d.pop("consent_order"),
        "the catalogue: missing field 'consent_order'",
    ),
    (
        "consent order with an unknown scope",
        lambda d: d["consent_order"][0]["scopes"].append("user-read-birthdate"),
        "consent_order[0]: field 'scopes' names unknown scope 'user-read-birthdate'",
    ),
    (
        "consent order of one scope",
        lambda d: d["consent_order"][0].update(scopes=["streaming"]),
        "consent_order[0]: field 'scopes' needs two or more different scopes",
    ),
    (
        "consent order without a reason",
        lambda d: d["consent_order"][1].pop("reason"),
        "consent_order[1]: missing field 'reason'",
    ),
    (
        "a choice no consent order ranks",
        lambda d: d["consent_order"].pop(0),
        "endpoint 'get-the-users-currently-playing-track': no consent_order entry orders its "
        "choice user-read-currently-playing or user-read-playback-state",
    ),
    (
        "an unknown library item kind",
        lambda d: _endpoint(d, "save-library-items")["requirement"]["by_item"].update(
            podcasts="user-library-modify"
        ),
        "endpoint 'save-library-items': requirement field 'by_item' names unknown item kind "
        "'podcasts' (known: tracks, albums, episodes, shows, audiobooks, artists, users, "
        "playlists)",
    ),
    (
        "a library item kind left out",
        lambda d: _endpoint(d, "check-library-contains")["requirement"]["by_item"].pop("users"),
        "endpoint 'check-library-contains': requirement field 'by_item' lacks users",
    ),
    (
        "a library scope outside the choice",
        lambda d: _endpoint(d, "save-library-items")["requirement"]["by_item"].update(
            users="user-follow-read"
        ),
        "endpoint 'save-library-items': requirement field 'by_item' must use exactly the scopes "
        "of one 'any_of' choice",
    ),
    (
        "format as a boolean",
        lambda d: d.update(format=True),
        "the catalogue: field 'format': expected a whole number, found true or false true",
    ),
    (
        "scopes not a list",
        lambda d: d.update(scopes={}),
        "the catalogue: field 'scopes': expected a list, found an object {}",
    ),
    (
        "endpoint not an object",
        lambda d: d["endpoints"].insert(3, "GET /me"),
        'endpoints[3]: expected an object, found text "GET /me"',
    ),
]


@pytest.mark.parametrize(("mutate", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_entries_are_named(data: dict[str, Any], mutate: Mutation, message: str) -> None:
    broken = copy.deepcopy(data)
    mutate(broken)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(json.dumps(broken))
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": 1, "scopes": [',
            "the catalogue is not valid JSON (line 1, column 26): Expecting value",
        ),
        ("", "the catalogue is not valid JSON (line 1, column 1): Expecting value"),
        ("[]", "the catalogue: expected an object, found a list []"),
        ("{}", "the catalogue: missing field 'format'"),
    ],
)
def test_unreadable_catalogues(text: str, message: str) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(text)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "[Errno 2] No such file or directory: '{path}'"),
        (b"\xff{}", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
    ],
    ids=["missing", "not UTF-8"],
)
def test_a_shipped_file_that_cannot_be_read_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None, reason: str
) -> None:
    shipped = tmp_path / CATALOGUE_FILE
    if content is not None:
        shipped.write_bytes(content)
    monkeypatch.setattr(loader, "resource", lambda name: tmp_path / name)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue()
    assert str(raised.value) == (
        f"cannot read the catalogue file {CATALOGUE_FILE}: {reason.format(path=shipped)}"
    )


def test_the_shipped_catalogue_round_trips(data: dict[str, Any]) -> None:
    assert len(load_catalogue(json.dumps(data)).scopes) == 25


# A small catalogue of format 2 that sets every field the loader reads, optional ones included,
# and leaves some out where their default is what is at stake.
GUIDE = "https://example.com/guide"
SMALL: dict[str, Any] = {
    "format": 2,
    "version": "2099.01.31",
    "sources": [
        {
            "id": "page",
            "title": "The Scopes page",
            "url": "https://example.com/scopes",
            "date": "2099-01-30",
            "version": "1.2",
            "role": "scopes and consent wording",
            "sha256": "ab12",
        },
        {"id": "hand", "title": "Hand notes", "url": None, "date": "2099-01-31", "role": "why"},
    ],
    "categories": [{"id": "listening", "name": "Listening"}, {"id": "library", "name": "Library"}],
    "groups": ["Player", "Library", "SDKs"],
    "scopes": [
        {
            "name": "read-now",
            "category": "listening",
            "description": "Read what plays now.",
            "consent": "See what you play.",
            "notes": ["premium", "sdk-only"],
            "spec_consent": "Read the current track.",
        },
        {
            "name": "read-state",
            "category": "listening",
            "description": "Read the player.",
            "consent": None,
        },
        {"name": "save", "category": "library", "description": "Save.", "consent": "Save."},
        {"name": "follow", "category": "library", "description": "Follow.", "consent": "Follow."},
    ],
    "consent_order": [
        {"scopes": ["read-now", "read-state"], "reason": "narrower", "source": "page"}
    ],
    "development_mode": {
        "guide_url": GUIDE,
        "changelog_url": "https://example.com/changes",
        "dates": [{"date": "2099-02-01", "text": "New apps get the rules.", "source": GUIDE}],
        "account_limits": [{"text": "Five users per app.", "source": GUIDE}],
        "removed_endpoints": {
            "now-playing": {"since": "2099-02-01", "source": GUIDE, "use_instead": "player"},
            "sdk": {"since": "2099-02-02", "source": GUIDE},
        },
        "removed_fields": [
            {
                "endpoint": "player",
                "fields": ["device", "volume"],
                "source": GUIDE,
                "emptied_scopes": ["save"],
            }
        ],
        "rules": [{"endpoints": ["player", "library"], "text": "Own items only.", "source": GUIDE}],
    },
    "endpoints": [
        {
            "id": "now-playing",
            "kind": "web-api",
            "name": "Now Playing",
            "group": "Player",
            "method": "GET",
            "path": "/me/now",
            "deprecated": True,
            "deprecation_note": "Use the player.",
            "replaced_by": "player",
            "premium_only": True,
            "page_names": ["Get Now Playing"],
            "spec_scopes": ["read-now"],
            "page_scopes": ["read-state"],
            "requirement_note": "The page lists the wider scope.",
            "requirement_source": "page",
            "documentation_url": "https://example.com/now",
            "requirement": {
                "required": [],
                "any_of": [["read-now", "read-state"]],
                "optional": [{"scope": "save", "unlocks": "the saved flag"}],
                "choice": "the narrower one will do",
            },
        },
        {
            "id": "player",
            "kind": "web-api",
            "name": "Player",
            "group": "Player",
            "method": "GET",
            "path": "/me/player",
            "deprecated": False,
            "requirement": {"required": ["read-state", "read-now"], "any_of": [], "optional": []},
        },
        {
            "id": "library",
            "kind": "web-api",
            "name": "Save to Library",
            "group": "Library",
            "method": "PUT",
            "path": "/me/library",
            "deprecated": False,
            "premium_only": False,
            "requirement": {
                "required": [],
                "any_of": [["save", "follow"]],
                "optional": [],
                "by_item": {
                    "tracks": "save",
                    "albums": "save",
                    "episodes": "save",
                    "shows": "save",
                    "audiobooks": "save",
                    "artists": "follow",
                    "users": "follow",
                    "playlists": "follow",
                },
            },
        },
        {
            "id": "sdk",
            "kind": "sdk",
            "name": "Some SDK",
            "group": "SDKs",
            "method": None,
            "path": None,
            "deprecated": False,
            "requirement": {"required": ["read-now"], "any_of": [], "optional": []},
        },
    ],
}


LIBRARY_SAVES = (
    LibraryItem.TRACKS,
    LibraryItem.ALBUMS,
    LibraryItem.EPISODES,
    LibraryItem.SHOWS,
    LibraryItem.AUDIOBOOKS,
)
LIBRARY_FOLLOWS = (LibraryItem.ARTISTS, LibraryItem.USERS, LibraryItem.PLAYLISTS)


def test_every_field_is_read_into_the_model() -> None:
    catalogue = load_catalogue(json.dumps(SMALL))
    assert catalogue.version == "2099.01.31"
    assert catalogue.sources == (
        Source(
            id="page",
            title="The Scopes page",
            url="https://example.com/scopes",
            date="2099-01-30",
            version="1.2",
            role="scopes and consent wording",
            sha256="ab12",
        ),
        Source(
            id="hand", title="Hand notes", url=None, date="2099-01-31", version=None, role="why"
        ),
    )
    assert catalogue.categories == (
        Category("listening", "Listening"),
        Category("library", "Library"),
    )
    assert catalogue.groups == ("Player", "Library", "SDKs")
    assert catalogue.scopes == (
        Scope(
            name="read-now",
            category="listening",
            description="Read what plays now.",
            consent="See what you play.",
            notes=(ScopeNote.PREMIUM, ScopeNote.SDK_ONLY),
            spec_consent="Read the current track.",
        ),
        Scope("read-state", "listening", "Read the player.", consent=None),
        Scope("save", "library", "Save.", "Save."),
        Scope("follow", "library", "Follow.", "Follow."),
    )
    assert catalogue.consent_order == (
        ConsentChain(scopes=("read-now", "read-state"), reason="narrower", source="page"),
    )
    assert catalogue.endpoints == (
        Endpoint(
            id="now-playing",
            kind=EndpointKind.WEB_API,
            name="Now Playing",
            group="Player",
            method="GET",
            path="/me/now",
            requirement=Requirement(
                any_of=(("read-now", "read-state"),),
                optional=(OptionalScope("save", "the saved flag"),),
                choice="the narrower one will do",
            ),
            deprecated=True,
            deprecation_note="Use the player.",
            replaced_by="player",
            premium_only=True,
            page_names=("Get Now Playing",),
            spec_scopes=("read-now",),
            page_scopes=("read-state",),
            requirement_note="The page lists the wider scope.",
            requirement_source="page",
            external_url="https://example.com/now",
        ),
        Endpoint(
            id="player",
            kind=EndpointKind.WEB_API,
            name="Player",
            group="Player",
            method="GET",
            path="/me/player",
            requirement=Requirement(required=("read-state", "read-now")),
        ),
        Endpoint(
            id="library",
            kind=EndpointKind.WEB_API,
            name="Save to Library",
            group="Library",
            method="PUT",
            path="/me/library",
            requirement=Requirement(
                any_of=(("save", "follow"),),
                by_item=(
                    *((item, "save") for item in LIBRARY_SAVES),
                    *((item, "follow") for item in LIBRARY_FOLLOWS),
                ),
            ),
        ),
        Endpoint(
            id="sdk",
            kind=EndpointKind.SDK,
            name="Some SDK",
            group="SDKs",
            method=None,
            path=None,
            requirement=Requirement(required=("read-now",)),
        ),
    )
    assert catalogue.development_mode == DevelopmentModeRules(
        guide_url=GUIDE,
        changelog_url="https://example.com/changes",
        dates=(DatedFact("2099-02-01", "New apps get the rules.", GUIDE),),
        account_limits=(SourcedFact("Five users per app.", GUIDE),),
        removed=(
            RemovedEndpoint("now-playing", "2099-02-01", GUIDE, use_instead="player"),
            RemovedEndpoint("sdk", "2099-02-02", GUIDE, use_instead=None),
        ),
        removed_fields=(RemovedFields("player", ("device", "volume"), GUIDE, ("save",)),),
        rules=(EndpointRule(("player", "library"), "Own items only.", GUIDE),),
    )


def _small_endpoint(data: dict[str, Any], endpoint_id: str) -> dict[str, Any]:
    return next(e for e in data["endpoints"] if e["id"] == endpoint_id)


def _development(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["development_mode"]
    return found


SMALL_CASES: list[tuple[str, Mutation, str]] = [
    (
        "duplicate category",
        lambda d: d["categories"].append({"id": "library", "name": "Library again"}),
        "categories: duplicate id 'library'",
    ),
    (
        "group not text",
        lambda d: d["groups"].append(7),
        "groups[3]: expected text, found a whole number 7",
    ),
    ("duplicate group", lambda d: d["groups"].append("Player"), "groups: duplicate name 'Player'"),
    (
        "duplicate endpoint",
        lambda d: d["endpoints"].append(copy.deepcopy(d["endpoints"][1])),
        "endpoints: duplicate id 'player'",
    ),
    (
        "consent order naming one scope twice",
        lambda d: d["consent_order"][0].update(scopes=["read-now", "read-now"]),
        "consent_order[0]: field 'scopes' needs two or more different scopes",
    ),
    (
        "source not an object",
        lambda d: d["sources"].append(None),
        "sources[2]: expected an object, found null",
    ),
    (
        "source url of the wrong type",
        lambda d: d["sources"][0].update(url=["https://example.com"]),
        "sources[0]: field 'url': expected text, found a list [\"https://example.com\"]",
    ),
    (
        "category not an object",
        lambda d: d["categories"].insert(0, "listening"),
        'categories[0]: expected an object, found text "listening"',
    ),
    (
        "scope not an object",
        lambda d: d["scopes"].insert(1, 4),
        "scopes[1]: expected an object, found a whole number 4",
    ),
    (
        "scope without a name",
        lambda d: d["scopes"][2].pop("name"),
        "scopes[2]: missing field 'name'",
    ),
    (
        "page scope unknown",
        lambda d: _small_endpoint(d, "now-playing")["page_scopes"].append("nope"),
        "endpoint 'now-playing': field 'page_scopes' names unknown scope 'nope'",
    ),
    (
        "spec scope unknown",
        lambda d: _small_endpoint(d, "now-playing")["spec_scopes"].append("nope"),
        "endpoint 'now-playing': field 'spec_scopes' names unknown scope 'nope'",
    ),
    (
        "page name not text",
        lambda d: _small_endpoint(d, "now-playing")["page_names"].append(3),
        "endpoint 'now-playing': field 'page_names[1]': expected text, found a whole number 3",
    ),
    (
        "endpoint without an id",
        lambda d: d["endpoints"][2].pop("id"),
        "endpoints[2]: missing field 'id'",
    ),
    (
        "web api endpoint without a method",
        lambda d: _small_endpoint(d, "player").update(method=None),
        "endpoint 'player': a Web API endpoint needs 'method' and 'path'",
    ),
    (
        "a second choice no consent order ranks",
        lambda d: _small_endpoint(d, "now-playing")["requirement"]["any_of"].append(
            ["save", "follow"]
        ),
        "endpoint 'now-playing': no consent_order entry orders its choice save or follow",
    ),
    (
        "an SDK without the path key",
        lambda d: _small_endpoint(d, "sdk").pop("path"),
        "endpoint 'sdk': missing field 'path' (null when there is none)",
    ),
    (
        "premium flag as text",
        lambda d: _small_endpoint(d, "player").update(premium_only="yes"),
        "endpoint 'player': field 'premium_only': expected true or false, found text \"yes\"",
    ),
    (
        "requirement missing",
        lambda d: _small_endpoint(d, "player").pop("requirement"),
        "endpoint 'player': field 'requirement': expected an object, found null",
    ),
    (
        "any_of entry not a list",
        lambda d: _small_endpoint(d, "now-playing")["requirement"].update(any_of=["read-now"]),
        "endpoint 'now-playing': requirement field 'any_of[0]': expected a list, "
        'found text "read-now"',
    ),
    (
        "any_of option not text",
        lambda d: _small_endpoint(d, "now-playing")["requirement"].update(
            any_of=[["read-now", None]]
        ),
        "endpoint 'now-playing': requirement any_of[0]: expected text, found null",
    ),
    (
        "any_of option unknown",
        lambda d: _small_endpoint(d, "now-playing")["requirement"].update(
            any_of=[["read-now", "read-all"]]
        ),
        "endpoint 'now-playing': requirement field 'any_of' names unknown scope 'read-all'",
    ),
    (
        "requirement lists not lists",
        lambda d: _small_endpoint(d, "player")["requirement"].update(optional={}),
        "endpoint 'player': requirement: field 'optional': expected a list, found an object {}",
    ),
    (
        "optional scope not an object",
        lambda d: _small_endpoint(d, "now-playing")["requirement"].update(optional=["save"]),
        "endpoint 'now-playing': requirement field 'optional[0]': expected an object, "
        'found text "save"',
    ),
    (
        "optional scope unknown",
        lambda d: _small_endpoint(d, "now-playing")["requirement"]["optional"][0].update(
            scope="keep"
        ),
        "endpoint 'now-playing': requirement field 'optional' names unknown scope 'keep'",
    ),
    (
        "optional scope without its name",
        lambda d: _small_endpoint(d, "now-playing")["requirement"]["optional"][0].pop("scope"),
        "endpoint 'now-playing': requirement optional[0]: missing field 'scope'",
    ),
    (
        "optional scope without what it unlocks",
        lambda d: _small_endpoint(d, "now-playing")["requirement"]["optional"][0].pop("unlocks"),
        "endpoint 'now-playing': requirement optional[0]: missing field 'unlocks'",
    ),
    (
        "choice note not text",
        lambda d: _small_endpoint(d, "now-playing")["requirement"].update(choice=1),
        "endpoint 'now-playing': requirement: field 'choice': expected text, "
        "found a whole number 1",
    ),
    (
        "by_item not an object",
        lambda d: _small_endpoint(d, "library")["requirement"].update(by_item=["save"]),
        "endpoint 'library': requirement field 'by_item': expected an object, "
        'found a list ["save"]',
    ),
    (
        "by_item scope not text",
        lambda d: _small_endpoint(d, "library")["requirement"]["by_item"].update(tracks=True),
        "endpoint 'library': requirement field 'by_item.tracks': expected text, "
        "found true or false true",
    ),
    (
        "by_item lacking two kinds",
        lambda d: [
            _small_endpoint(d, "library")["requirement"]["by_item"].pop(kind)
            for kind in ("shows", "users")
        ],
        "endpoint 'library': requirement field 'by_item' lacks shows, users",
    ),
    (
        "by_item unknown kind",
        lambda d: _small_endpoint(d, "library")["requirement"]["by_item"].update(songs="save"),
        "endpoint 'library': requirement field 'by_item' names unknown item kind 'songs' "
        "(known: tracks, albums, episodes, shows, audiobooks, artists, users, playlists)",
    ),
    (
        "by_item with one scope of the choice only",
        lambda d: _small_endpoint(d, "library")["requirement"]["by_item"].update(
            artists="save", users="save", playlists="save"
        ),
        "endpoint 'library': requirement field 'by_item' must use exactly the scopes of one "
        "'any_of' choice",
    ),
    (
        "development mode missing",
        lambda d: d.pop("development_mode"),
        "the catalogue: field 'development_mode': expected an object, found null",
    ),
    (
        "removed endpoints missing",
        lambda d: _development(d).pop("removed_endpoints"),
        "development_mode: field 'removed_endpoints': expected an object, found null",
    ),
    (
        "removed endpoint not an object",
        lambda d: _development(d)["removed_endpoints"].update(sdk="2099-02-02"),
        "development_mode: removed_endpoints 'sdk': expected an object, found text \"2099-02-02\"",
    ),
    (
        "removed endpoint unknown",
        lambda d: _development(d)["removed_endpoints"].update(
            radio={"since": "2099-02-02", "source": GUIDE}
        ),
        "development_mode: field 'removed_endpoints' names unknown endpoint 'radio'",
    ),
    (
        "removed endpoint without a date",
        lambda d: _development(d)["removed_endpoints"]["sdk"].pop("since"),
        "development_mode: removed_endpoints 'sdk': missing field 'since'",
    ),
    (
        "removed endpoint replaced by an unknown one",
        lambda d: _development(d)["removed_endpoints"]["sdk"].update(use_instead="radio"),
        "development_mode: field 'use_instead' names unknown endpoint 'radio'",
    ),
    (
        "removed endpoint's replacement not text",
        lambda d: _development(d)["removed_endpoints"]["sdk"].update(use_instead=2),
        "development_mode: removed_endpoints 'sdk': field 'use_instead': expected text, "
        "found a whole number 2",
    ),
    (
        "removed fields entry not an object",
        lambda d: _development(d)["removed_fields"].append([]),
        "development_mode: removed_fields[1]: expected an object, found a list []",
    ),
    (
        "removed fields of an unknown endpoint",
        lambda d: _development(d)["removed_fields"][0].update(endpoint="radio"),
        "development_mode: field 'endpoint' names unknown endpoint 'radio'",
    ),
    (
        "removed fields emptying an unknown scope",
        lambda d: _development(d)["removed_fields"][0]["emptied_scopes"].append("keep"),
        "development_mode: removed_fields[0]: field 'emptied_scopes' names unknown scope 'keep'",
    ),
    (
        "removed fields without a source",
        lambda d: _development(d)["removed_fields"][0].pop("source"),
        "development_mode: removed_fields[0]: missing field 'source'",
    ),
    (
        "removed fields not a list",
        lambda d: _development(d).update(removed_fields={}),
        "development_mode: field 'removed_fields': expected a list, found an object {}",
    ),
    (
        "rule not an object",
        lambda d: _development(d)["rules"].insert(0, "own items"),
        'development_mode: rules[0]: expected an object, found text "own items"',
    ),
    (
        "rule naming an unknown endpoint",
        lambda d: _development(d)["rules"][0]["endpoints"].append("radio"),
        "development_mode: field 'endpoints' names unknown endpoint 'radio'",
    ),
    (
        "rule without a text",
        lambda d: _development(d)["rules"][0].pop("text"),
        "development_mode: rules[0]: missing field 'text'",
    ),
    (
        "rules not a list",
        lambda d: _development(d).update(rules="none"),
        "development_mode: field 'rules': expected a list, found text \"none\"",
    ),
    (
        "date not an object",
        lambda d: _development(d)["dates"].append("2099-03-01"),
        'development_mode: dates[1]: expected an object, found text "2099-03-01"',
    ),
    (
        "date without the date",
        lambda d: _development(d)["dates"][0].pop("date"),
        "development_mode: dates[0]: missing field 'date'",
    ),
    (
        "date without a text",
        lambda d: _development(d)["dates"][0].pop("text"),
        "development_mode: dates[0]: missing field 'text'",
    ),
    (
        "date without a source",
        lambda d: _development(d)["dates"][0].pop("source"),
        "development_mode: dates[0]: missing field 'source'",
    ),
    (
        "account limit without a text",
        lambda d: _development(d)["account_limits"][0].pop("text"),
        "development_mode: account_limits[0]: missing field 'text'",
    ),
    (
        "account limit without a source",
        lambda d: _development(d)["account_limits"][0].pop("source"),
        "development_mode: account_limits[0]: missing field 'source'",
    ),
    (
        "guide link missing",
        lambda d: _development(d).pop("guide_url"),
        "development_mode: missing field 'guide_url'",
    ),
    (
        "a long wrong value is cut short",
        lambda d: d.update(format="two, as written in a sentence that goes on and on"),
        "the catalogue: field 'format': expected a whole number, "
        'found text "two, as written in a sentence that goes',
    ),
    (
        "a number with a fraction",
        lambda d: d.update(format=2.5),
        "the catalogue: field 'format': expected a whole number, found float 2.5",
    ),
    (
        "the version not text",
        lambda d: d.update(version=2099),
        "the catalogue: field 'version': expected text, found a whole number 2099",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [c[1:] for c in SMALL_CASES], ids=[c[0] for c in SMALL_CASES]
)
def test_bad_fields_are_named_with_the_whole_message(mutate: Mutation, message: str) -> None:
    broken = copy.deepcopy(SMALL)
    mutate(broken)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(json.dumps(broken))
    assert str(raised.value) == message


def test_only_an_endpoint_with_method_and_path_is_labelled_by_them() -> None:
    """An SDK entry with a method but no path (the loader accepts one) shows its name."""
    data = copy.deepcopy(SMALL)
    _small_endpoint(data, "sdk").update(method="CALL")
    catalogue = load_catalogue(json.dumps(data))
    assert [e.label for e in catalogue.endpoints] == [
        "GET /me/now",
        "GET /me/player",
        "PUT /me/library",
        "Some SDK",
    ]
