"""Read ``resources/catalogue.json`` into a ``Catalogue``, refusing bad data with a message that
names the entry and the field, so a broken data file never surfaces as a bare KeyError.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeGuard, TypeVar

from scope_picker.core.catalogue.development_mode import (
    DatedFact,
    DevelopmentModeRules,
    EndpointRule,
    RemovedEndpoint,
    RemovedFields,
    SourcedFact,
)
from scope_picker.core.catalogue.model import (
    Catalogue,
    CatalogueError,
    Category,
    ConsentChain,
    Endpoint,
    EndpointKind,
    LibraryItem,
    OptionalScope,
    Requirement,
    Scope,
    ScopeNote,
    Source,
)
from scope_picker.core.resources import CATALOGUE_FILE, resource

SUPPORTED_FORMAT = 2
"""Format 2 added the consent order, the library endpoints' scopes by item kind, the
Development-mode rules, each source's checksum and each decision's source."""


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
        consent_order = [
            self._consent_chain(item, i, scope_names)
            for i, item in enumerate(_list(root, "consent_order"))
        ]
        _check_every_choice_is_ordered(endpoints, consent_order)
        development_mode = _development_mode(
            _expect_object(root.get("development_mode"), "the catalogue: field 'development_mode'"),
            endpoint_ids,
            scope_names,
        )
        return Catalogue(
            version=_field(root, "version", str, where),
            sources=[self._source(item, i) for i, item in enumerate(_list(root, "sources"))],
            categories=categories,
            groups=groups,
            scopes=scopes,
            endpoints=endpoints,
            consent_order=consent_order,
            development_mode=development_mode,
        )

    @staticmethod
    def _consent_chain(item: object, index: int, scopes: set[str]) -> ConsentChain:
        where = f"consent_order[{index}]"
        obj = _expect_object(item, where)
        names = _strings(obj, "scopes", where)
        if len(names) < 2 or len(set(names)) != len(names):
            raise CatalogueError(f"{where}: field 'scopes' needs two or more different scopes")
        for name in names:
            if name not in scopes:
                raise CatalogueError(f"{where}: field 'scopes' names unknown scope '{name}'")
        return ConsentChain(
            scopes=names,
            reason=_field(obj, "reason", str, where),
            source=_field(obj, "source", str, where),
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
            sha256=_optional(obj, "sha256", str, where),
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
            requirement_source=_optional(obj, "requirement_source", str, where),
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
            by_item=_by_item(req, where, groups),
        )


def _by_item(
    req: Mapping[str, Any], where: str, groups: list[tuple[str, ...]]
) -> tuple[tuple[LibraryItem, str], ...]:
    """The ``by_item`` map: every kind of library item, each with a scope of one choice."""
    if "by_item" not in req:
        return ()
    obj = _expect_object(req["by_item"], f"{where} field 'by_item'")
    pairs = []
    for key, value in obj.items():
        try:
            item = LibraryItem(key)
        except ValueError:
            raise CatalogueError(
                f"{where} field 'by_item' names unknown item kind '{key}' "
                f"(known: {', '.join(LibraryItem)})"
            ) from None
        pairs.append((item, _expect(value, str, f"{where} field 'by_item.{key}'")))
    missing = [item.value for item in LibraryItem if item not in obj]
    if missing:
        raise CatalogueError(f"{where} field 'by_item' lacks {', '.join(missing)}")
    scopes = {scope for _, scope in pairs}
    if not any(scopes == set(group) for group in groups):
        raise CatalogueError(
            f"{where} field 'by_item' must use exactly the scopes of one 'any_of' choice"
        )
    return tuple(pairs)


def _development_mode(
    obj: Mapping[str, Any], endpoint_ids: set[str], scopes: set[str]
) -> DevelopmentModeRules:
    """The Development-mode rules; every endpoint and scope they name must exist."""
    where = "development_mode"

    def endpoint(name: str, field_name: str) -> str:
        if name not in endpoint_ids:
            raise CatalogueError(f"{where}: field '{field_name}' names unknown endpoint '{name}'")
        return name

    removed = []
    table = _expect_object(obj.get("removed_endpoints"), f"{where}: field 'removed_endpoints'")
    for endpoint_id, item in table.items():
        entry = _expect_object(item, f"{where}: removed_endpoints '{endpoint_id}'")
        inner = f"{where}: removed_endpoints '{endpoint_id}'"
        use_instead = _optional(entry, "use_instead", str, inner)
        removed.append(
            RemovedEndpoint(
                endpoint_id=endpoint(endpoint_id, "removed_endpoints"),
                since=_field(entry, "since", str, inner),
                source=_field(entry, "source", str, inner),
                use_instead=None if use_instead is None else endpoint(use_instead, "use_instead"),
            )
        )
    fields = []
    for i, item in enumerate(_list(obj, "removed_fields", where)):
        entry = _expect_object(item, f"{where}: removed_fields[{i}]")
        inner = f"{where}: removed_fields[{i}]"
        emptied = _strings(entry, "emptied_scopes", inner)
        for name in emptied:
            if name not in scopes:
                raise CatalogueError(
                    f"{inner}: field 'emptied_scopes' names unknown scope '{name}'"
                )
        fields.append(
            RemovedFields(
                endpoint_id=endpoint(_field(entry, "endpoint", str, inner), "endpoint"),
                fields=_strings(entry, "fields", inner),
                source=_field(entry, "source", str, inner),
                emptied_scopes=emptied,
            )
        )
    rules = []
    for i, item in enumerate(_list(obj, "rules", where)):
        entry = _expect_object(item, f"{where}: rules[{i}]")
        inner = f"{where}: rules[{i}]"
        rules.append(
            EndpointRule(
                endpoint_ids=tuple(
                    endpoint(name, "endpoints") for name in _strings(entry, "endpoints", inner)
                ),
                text=_field(entry, "text", str, inner),
                source=_field(entry, "source", str, inner),
            )
        )
    return DevelopmentModeRules(
        guide_url=_field(obj, "guide_url", str, where),
        changelog_url=_field(obj, "changelog_url", str, where),
        dates=tuple(
            DatedFact(
                date=_field(e, "date", str, f"{where}: dates[{i}]"),
                text=_field(e, "text", str, f"{where}: dates[{i}]"),
                source=_field(e, "source", str, f"{where}: dates[{i}]"),
            )
            for i, e in enumerate(_objects(obj, "dates", where))
        ),
        account_limits=tuple(
            SourcedFact(
                text=_field(e, "text", str, f"{where}: account_limits[{i}]"),
                source=_field(e, "source", str, f"{where}: account_limits[{i}]"),
            )
            for i, e in enumerate(_objects(obj, "account_limits", where))
        ),
        removed=tuple(removed),
        removed_fields=tuple(fields),
        rules=tuple(rules),
    )


def _objects(obj: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    return [
        _expect_object(item, f"{where}: {key}[{i}]")
        for i, item in enumerate(_list(obj, key, where))
    ]


def _check_every_choice_is_ordered(
    endpoints: list[Endpoint], consent_order: list[ConsentChain]
) -> None:
    """Every choice not settled by item kind lies in one consent chain, so none falls to
    page order."""
    chains = [frozenset(chain.scopes) for chain in consent_order]
    for endpoint in endpoints:
        by_item = {scope for _, scope in endpoint.requirement.by_item}
        for group in endpoint.requirement.any_of:
            if set(group) == by_item or any(chain >= set(group) for chain in chains):
                continue
            raise CatalogueError(
                f"endpoint '{endpoint.id}': no consent_order entry orders its choice "
                f"{' or '.join(group)}"
            )


def _expect(value: object, kind: type[_T], where: str) -> _T:
    # Exactly: bool is an int in Python, yet a catalogue that says "format": true is wrong.
    if not _is_exactly(value, kind):
        raise CatalogueError(f"{where}: expected {_kind_name(kind)}, found {_describe(value)}")
    return value


def _is_exactly(value: object, kind: type[_T]) -> TypeGuard[_T]:
    """JSON gives exactly these types (no subclass). Checked alone first, before any message
    is built: building the would-be error message of every valid field cost about a fifth of
    loading the catalogue at each start; anything else goes through ``_expect``, which names it.
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
