"""The scope catalogue: Spotify's OAuth scopes and the endpoints they unlock, loaded from data.

``resources/catalogue.json`` is derived from Spotify's Scopes page and the Web API's OpenAPI
description; this module turns it into immutable objects and refuses bad data with a message
that names the entry and the field, so a broken data file never surfaces as a bare KeyError.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeGuard, TypeVar

from scope_picker.core.resources import CATALOGUE_FILE, resource

DOCS_URL = "https://developer.spotify.com/documentation/web-api"
SCOPES_PAGE_URL = f"{DOCS_URL}/concepts/scopes"
REFERENCE_URL = f"{DOCS_URL}/reference"
SUPPORTED_FORMAT = 1


class CatalogueError(ValueError):
    """The catalogue data is missing, unreadable or inconsistent; the message says where."""


class ScopeNote(StrEnum):
    """Facts about a scope that change how (or whether) an app can use it."""

    SDK_ONLY = "sdk-only"
    PREMIUM = "premium"
    PARTNER_ONLY = "partner-only"
    NO_ENDPOINTS = "no-endpoints"


SCOPE_NOTE_TEXT: Mapping[ScopeNote, str] = {
    ScopeNote.SDK_ONLY: "For Spotify's SDKs, not Web API endpoints.",
    ScopeNote.PREMIUM: "The user needs a Spotify Premium account.",
    ScopeNote.PARTNER_ONLY: (
        "Partner-only (Open Access): for approved partners; its endpoints belong to the "
        "Open Access partner API, not the Web API."
    ),
    ScopeNote.NO_ENDPOINTS: "Spotify's Scopes page lists no endpoint for this scope.",
}


class EndpointKind(StrEnum):
    """What a scope unlocks: a Web API operation, an SDK, or an Open Access partner call."""

    WEB_API = "web-api"
    SDK = "sdk"
    PARTNER = "partner"


@dataclass(frozen=True)
class Category:
    """A heading of the Scopes page ("Spotify Connect") that groups scopes."""

    id: str
    name: str


@dataclass(frozen=True)
class Scope:
    """One OAuth scope as Spotify publishes it.

    ``consent`` is the "Visible to users" wording shown on Spotify's consent screen, or None
    where Spotify publishes none.
    """

    name: str
    category: str
    description: str
    consent: str | None
    notes: tuple[ScopeNote, ...] = ()
    spec_consent: str | None = None

    @property
    def documentation_url(self) -> str:
        """The scope's anchor on Spotify's Scopes page."""
        return f"{SCOPES_PAGE_URL}#{self.name}"

    @property
    def note_texts(self) -> tuple[str, ...]:
        """Human-readable notes, in a stable order."""
        return tuple(SCOPE_NOTE_TEXT[note] for note in self.notes)


@dataclass(frozen=True)
class OptionalScope:
    """A scope an endpoint works without, but that unlocks more of its answer."""

    scope: str
    unlocks: str


@dataclass(frozen=True)
class Requirement:
    """How an endpoint depends on scopes.

    Every ``required`` scope must be granted; from each ``any_of`` group one scope suffices
    (``choice`` explains which applies when); ``optional`` scopes only add data.
    """

    required: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    optional: tuple[OptionalScope, ...] = ()
    choice: str | None = None

    @property
    def needs_no_scope(self) -> bool:
        """True when the endpoint can be called with a token that has no scope at all."""
        return not self.required and not self.any_of

    @property
    def summary(self) -> str:
        """``needs a and one of b, c; optional: d`` in one line."""
        needs = [*self.required, *(f"one of {', '.join(group)}" for group in self.any_of)]
        text = "needs " + " and ".join(needs) if needs else "needs no scope"
        if self.optional:
            text += "; optional: " + ", ".join(option.scope for option in self.optional)
        return text

    @cached_property
    def scopes(self) -> frozenset[str]:
        """Every scope this requirement mentions (worked out once: every tick asks)."""
        return frozenset(self.required).union(
            *self.any_of, (option.scope for option in self.optional)
        )


@dataclass(frozen=True)
class Endpoint:
    """A Web API operation, or an SDK / partner API that a scope unlocks."""

    id: str
    kind: EndpointKind
    name: str
    group: str
    method: str | None
    path: str | None
    requirement: Requirement
    deprecated: bool = False
    deprecation_note: str | None = None
    replaced_by: str | None = None
    premium_only: bool = False
    page_names: tuple[str, ...] = ()
    spec_scopes: tuple[str, ...] = ()
    page_scopes: tuple[str, ...] = ()
    requirement_note: str | None = None
    external_url: str | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        """``GET /me/player`` for Web API operations, the name for anything else."""
        if self.method and self.path:
            return f"{self.method} {self.path}"
        return self.name

    @property
    def documentation_url(self) -> str:
        """The operation's reference page, or the SDK's / partner API's documentation."""
        if self.external_url:
            return self.external_url
        return f"{REFERENCE_URL}/{self.id}"

    @property
    def sources_disagree(self) -> bool:
        """True when the Scopes page lists this endpoint under other scopes than the spec."""
        if self.kind is not EndpointKind.WEB_API or not self.page_scopes:
            return False
        return set(self.page_scopes) != set(self.spec_scopes)


@dataclass(frozen=True)
class Source:
    """A document the catalogue was derived from."""

    id: str
    title: str
    url: str | None
    date: str
    version: str | None
    role: str


class Catalogue:
    """All scopes, categories and endpoints, with the look-ups the rest of the app needs.

    Immutable after construction; indexes are built once so that coverage questions cost
    time in proportion to the scopes involved, not to the whole catalogue.
    """

    def __init__(
        self,
        *,
        version: str,
        sources: Iterable[Source],
        categories: Iterable[Category],
        groups: Iterable[str],
        scopes: Iterable[Scope],
        endpoints: Iterable[Endpoint],
    ) -> None:
        self.version = version
        self.sources = tuple(sources)
        self.categories = tuple(categories)
        self.groups = tuple(groups)
        self.scopes = tuple(scopes)
        self.endpoints = tuple(endpoints)
        self._scopes_by_name = {scope.name: scope for scope in self.scopes}
        self._scope_rank = {scope.name: rank for rank, scope in enumerate(self.scopes)}
        self._endpoints_by_id = {endpoint.id: endpoint for endpoint in self.endpoints}
        self._endpoint_rank = {endpoint.id: rank for rank, endpoint in enumerate(self.endpoints)}
        self._group_rank = {group: rank for rank, group in enumerate(self.groups)}
        by_scope: dict[str, list[Endpoint]] = {scope.name: [] for scope in self.scopes}
        for endpoint in self.endpoints:
            for name in endpoint.requirement.scopes:
                by_scope[name].append(endpoint)
        self._endpoints_by_scope = {name: tuple(found) for name, found in by_scope.items()}
        self._scopes_by_category = {
            category.id: tuple(s for s in self.scopes if s.category == category.id)
            for category in self.categories
        }

    @property
    def scope_names(self) -> tuple[str, ...]:
        """Scope names in catalogue (page) order."""
        return tuple(self._scopes_by_name)

    def has_scope(self, name: str) -> bool:
        """True when ``name`` is a scope of this catalogue (exact, case-sensitive)."""
        return name in self._scopes_by_name

    def scope(self, name: str) -> Scope:
        """The scope called ``name``; KeyError names it when it does not exist."""
        return self._scopes_by_name[name]

    def endpoint(self, endpoint_id: str) -> Endpoint:
        """The endpoint with this id (its operationId for Web API operations)."""
        return self._endpoints_by_id[endpoint_id]

    def has_endpoint(self, endpoint_id: str) -> bool:
        """True when an endpoint has this id."""
        return endpoint_id in self._endpoints_by_id

    def category(self, category_id: str) -> Category:
        """The category with this id."""
        return next(c for c in self.categories if c.id == category_id)

    def scopes_in(self, category_id: str) -> tuple[Scope, ...]:
        """The scopes of one category, in page order."""
        return self._scopes_by_category[category_id]

    def endpoints_for_scope(self, name: str) -> tuple[Endpoint, ...]:
        """Endpoints whose requirement mentions the scope (required, alternative or optional)."""
        return self._endpoints_by_scope[name]

    def in_scope_order(self, names: Iterable[str]) -> tuple[str, ...]:
        """Known scope names, deduplicated and in catalogue order."""
        return tuple(sorted(set(names), key=self._scope_rank.__getitem__))

    def deprecation_mark(self, endpoint: Endpoint) -> str:
        """``deprecated``, or ``deprecated, use GET /new/path`` when it has a replacement."""
        if endpoint.replaced_by is None:
            return "deprecated"
        return f"deprecated, use {self.endpoint(endpoint.replaced_by).label}"

    def endpoint_sort_key(self, endpoint: Endpoint) -> tuple[int, int]:
        """Orders endpoints by reference group, then as the catalogue lists them."""
        return (self._group_rank[endpoint.group], self._endpoint_rank[endpoint.id])


_T = TypeVar("_T")


def load_catalogue(text: str | None = None) -> Catalogue:
    """Load and validate the catalogue: the shipped file, or ``text`` when given.

    Raises CatalogueError naming the bad entry and field.
    """
    if text is None:
        try:
            text = resource(CATALOGUE_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CatalogueError(
                f"cannot read the catalogue file {CATALOGUE_FILE}: {error}"
            ) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogueError(
            f"the catalogue is not valid JSON (line {error.lineno}, column {error.colno}): "
            f"{error.msg}"
        ) from error
    return _CatalogueReader(data).read()


class _CatalogueReader:
    """Reads the parsed JSON into model objects, checking every field on the way."""

    def __init__(self, data: object) -> None:
        self._root = _expect_object(data, "the catalogue")

    def read(self) -> Catalogue:
        root = self._root
        where = "the catalogue"
        version_format = _field(root, "format", int, where)
        if version_format != SUPPORTED_FORMAT:
            raise CatalogueError(
                f"{where}: field 'format' is {version_format}, this app reads format "
                f"{SUPPORTED_FORMAT}"
            )
        categories = [self._category(item, i) for i, item in enumerate(_list(root, "categories"))]
        category_ids = _unique([c.id for c in categories], "categories", "id")
        scopes = [
            self._scope(item, i, category_ids) for i, item in enumerate(_list(root, "scopes"))
        ]
        scope_names = _unique([s.name for s in scopes], "scopes", "name")
        groups = [
            _expect(item, str, f"groups[{i}]") for i, item in enumerate(_list(root, "groups"))
        ]
        _unique(groups, "groups", "name")
        endpoints = [
            self._endpoint(item, i, scope_names, set(groups))
            for i, item in enumerate(_list(root, "endpoints"))
        ]
        endpoint_ids = _unique([e.id for e in endpoints], "endpoints", "id")
        for endpoint in endpoints:
            if endpoint.replaced_by is not None and endpoint.replaced_by not in endpoint_ids:
                raise CatalogueError(
                    f"endpoint '{endpoint.id}': field 'replaced_by' names unknown endpoint "
                    f"'{endpoint.replaced_by}'"
                )
        return Catalogue(
            version=_field(root, "version", str, where),
            sources=[self._source(item, i) for i, item in enumerate(_list(root, "sources"))],
            categories=categories,
            groups=groups,
            scopes=scopes,
            endpoints=endpoints,
        )

    @staticmethod
    def _source(item: object, index: int) -> Source:
        where = f"sources[{index}]"
        obj = _expect_object(item, where)
        return Source(
            id=_field(obj, "id", str, where),
            title=_field(obj, "title", str, where),
            url=_optional(obj, "url", str, where),
            date=_field(obj, "date", str, where),
            version=_optional(obj, "version", str, where),
            role=_field(obj, "role", str, where),
        )

    @staticmethod
    def _category(item: object, index: int) -> Category:
        where = f"categories[{index}]"
        obj = _expect_object(item, where)
        return Category(id=_field(obj, "id", str, where), name=_field(obj, "name", str, where))

    @staticmethod
    def _scope(item: object, index: int, category_ids: set[str]) -> Scope:
        obj = _expect_object(item, f"scopes[{index}]")
        name = _field(obj, "name", str, f"scopes[{index}]")
        where = f"scope '{name}'"
        category = _field(obj, "category", str, where)
        if category not in category_ids:
            raise CatalogueError(f"{where}: field 'category' names unknown category '{category}'")
        notes = _strings(obj, "notes", where)
        try:
            parsed_notes = tuple(ScopeNote(note) for note in notes)
        except ValueError as error:
            raise CatalogueError(f"{where}: field 'notes': {error}") from error
        return Scope(
            name=name,
            category=category,
            description=_field(obj, "description", str, where),
            consent=_optional(obj, "consent", str, where, required_key=True),
            notes=parsed_notes,
            spec_consent=_optional(obj, "spec_consent", str, where),
        )

    def _endpoint(self, item: object, index: int, scopes: set[str], groups: set[str]) -> Endpoint:
        obj = _expect_object(item, f"endpoints[{index}]")
        endpoint_id = _field(obj, "id", str, f"endpoints[{index}]")
        where = f"endpoint '{endpoint_id}'"
        try:
            kind = EndpointKind(_field(obj, "kind", str, where))
        except ValueError as error:
            raise CatalogueError(f"{where}: field 'kind': {error}") from error
        group = _field(obj, "group", str, where)
        if group not in groups:
            raise CatalogueError(f"{where}: field 'group' names unknown group '{group}'")
        method = _optional(obj, "method", str, where, required_key=True)
        path = _optional(obj, "path", str, where, required_key=True)
        if kind is EndpointKind.WEB_API and (method is None or path is None):
            raise CatalogueError(f"{where}: a Web API endpoint needs 'method' and 'path'")
        requirement = self._requirement(obj, where, scopes)
        listed = {field: _strings(obj, field, where) for field in ("spec_scopes", "page_scopes")}
        for list_field, names in listed.items():
            for name in names:
                if name not in scopes:
                    raise CatalogueError(
                        f"{where}: field '{list_field}' names unknown scope '{name}'"
                    )
        return Endpoint(
            id=endpoint_id,
            kind=kind,
            name=_field(obj, "name", str, where),
            group=group,
            method=method,
            path=path,
            requirement=requirement,
            deprecated=_field(obj, "deprecated", bool, where),
            deprecation_note=_optional(obj, "deprecation_note", str, where),
            replaced_by=_optional(obj, "replaced_by", str, where),
            premium_only=_optional(obj, "premium_only", bool, where) or False,
            page_names=_strings(obj, "page_names", where),
            spec_scopes=listed["spec_scopes"],
            page_scopes=listed["page_scopes"],
            requirement_note=_optional(obj, "requirement_note", str, where),
            external_url=_optional(obj, "documentation_url", str, where),
        )

    @staticmethod
    def _requirement(obj: Mapping[str, Any], where: str, scopes: set[str]) -> Requirement:
        req = _expect_object(obj.get("requirement"), f"{where}: field 'requirement'")
        where = f"{where}: requirement"

        def known(name: str, field_name: str) -> str:
            if name not in scopes:
                raise CatalogueError(f"{where} field '{field_name}' names unknown scope '{name}'")
            return name

        required = tuple(known(n, "required") for n in _strings(req, "required", where))
        groups = []
        for i, group in enumerate(_list(req, "any_of", where)):
            names = _expect(group, list, f"{where} field 'any_of[{i}]'")
            if len(names) < 2:
                raise CatalogueError(f"{where} field 'any_of[{i}]' needs two or more scopes")
            groups.append(
                tuple(known(_expect(n, str, f"{where} any_of[{i}]"), "any_of") for n in names)
            )
        optional = []
        for i, option in enumerate(_list(req, "optional", where)):
            opt = _expect_object(option, f"{where} field 'optional[{i}]'")
            optional.append(
                OptionalScope(
                    scope=known(_field(opt, "scope", str, f"{where} optional[{i}]"), "optional"),
                    unlocks=_field(opt, "unlocks", str, f"{where} optional[{i}]"),
                )
            )
        return Requirement(
            required=required,
            any_of=tuple(groups),
            optional=tuple(optional),
            choice=_optional(req, "choice", str, where),
        )


def _expect(value: object, kind: type[_T], where: str) -> _T:
    # bool is an int in Python; a catalogue that says "format": true is still wrong.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CatalogueError(f"{where}: expected {_kind_name(kind)}, found {_describe(value)}")
    return value


def _is_exactly(value: object, kind: type[_T]) -> TypeGuard[_T]:
    """The common case, checked before any message is built: JSON gives exactly these types.

    Building the would-be error message of every valid field cost about a fifth of loading
    the catalogue at each start; anything else goes through ``_expect``, which names it.
    """
    return type(value) is kind


def _expect_object(value: object, where: str) -> Mapping[str, Any]:
    return _expect(value, dict, where)


def _field(obj: Mapping[str, Any], key: str, kind: type[_T], where: str) -> _T:
    if key not in obj:
        raise CatalogueError(f"{where}: missing field '{key}'")
    value = obj[key]
    if _is_exactly(value, kind):
        return value
    return _expect(value, kind, f"{where}: field '{key}'")


def _optional(
    obj: Mapping[str, Any], key: str, kind: type[_T], where: str, *, required_key: bool = False
) -> _T | None:
    if key not in obj:
        if required_key:
            raise CatalogueError(f"{where}: missing field '{key}' (null when there is none)")
        return None
    value = obj[key]
    if value is None or _is_exactly(value, kind):
        return value
    return _expect(value, kind, f"{where}: field '{key}'")


def _list(obj: Mapping[str, Any], key: str, where: str = "the catalogue") -> list[Any]:
    return _field(obj, key, list, where)


def _strings(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    if key not in obj:
        return ()
    items = _field(obj, key, list, where)
    if all(_is_exactly(item, str) for item in items):
        return tuple(items)
    return tuple(_expect(item, str, f"{where}: field '{key}[{i}]'") for i, item in enumerate(items))


def _unique(values: list[str], section: str, key: str) -> set[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise CatalogueError(f"{section}: duplicate {key} '{value}'")
        seen.add(value)
    return seen


_KIND_NAMES: Mapping[type, str] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


def _kind_name(kind: type) -> str:
    return _KIND_NAMES.get(kind, kind.__name__)


def _describe(value: object) -> str:
    if value is None:
        return "null"
    return f"{_kind_name(type(value))} {json.dumps(value)[:40]}"
