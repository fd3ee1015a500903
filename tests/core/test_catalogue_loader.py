"""Bad catalogue data fails with a message that names the entry and the field."""

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from scope_picker.core.catalogue import CatalogueError, load_catalogue
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
        "scope 'streaming': missing field 'consent'",
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
        "scope 'streaming': field 'notes'",
    ),
    (
        "duplicate scope",
        lambda d: d["scopes"].append(copy.deepcopy(d["scopes"][0])),
        "scopes: duplicate name 'ugc-image-upload'",
    ),
    (
        "missing method",
        lambda d: _endpoint(d, "get-queue").pop("method"),
        "endpoint 'get-queue': missing field 'method'",
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
        "endpoint 'get-queue': field 'kind'",
    ),
    (
        "unknown group",
        lambda d: _endpoint(d, "get-queue").update(group="Radio"),
        "endpoint 'get-queue': field 'group' names unknown group 'Radio'",
    ),
    (
        "deprecated as text",
        lambda d: _endpoint(d, "get-queue").update(deprecated="no"),
        "endpoint 'get-queue': field 'deprecated': expected true or false",
    ),
    (
        "replacement that does not exist",
        lambda d: _endpoint(d, "get-queue").update(replaced_by="get-the-future"),
        "endpoint 'get-queue': field 'replaced_by' names unknown endpoint 'get-the-future'",
    ),
    (
        "format from the future",
        lambda d: d.update(format=3),
        "field 'format' is 3, this app reads format 2",
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
        "field 'by_item' names unknown item kind 'podcasts'",
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
        "field 'by_item' must use exactly the scopes of one 'any_of' choice",
    ),
    (
        "format as a boolean",
        lambda d: d.update(format=True),
        "field 'format': expected a whole number, found true or false",
    ),
    (
        "scopes not a list",
        lambda d: d.update(scopes={}),
        "the catalogue: field 'scopes': expected a list",
    ),
    (
        "endpoint not an object",
        lambda d: d["endpoints"].insert(3, "GET /me"),
        "endpoints[3]: expected an object, found text",
    ),
]


@pytest.mark.parametrize(("mutate", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_entries_are_named(data: dict[str, Any], mutate: Mutation, message: str) -> None:
    broken = copy.deepcopy(data)
    mutate(broken)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(json.dumps(broken))
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": 1, "scopes": [', "not valid JSON (line 1, column 26)"),
        ("", "not valid JSON"),
        ("[]", "the catalogue: expected an object, found a list"),
        ("{}", "the catalogue: missing field 'format'"),
    ],
)
def test_unreadable_catalogues(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_catalogue(text)


def test_the_shipped_catalogue_round_trips(data: dict[str, Any]) -> None:
    assert len(load_catalogue(json.dumps(data)).scopes) == 25
