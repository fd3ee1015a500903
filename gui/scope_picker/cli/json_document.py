"""The ``--json`` output of each command: one document whose shape the README documents
(``schema_version`` changes if it ever changes incompatibly).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scope_picker.core.catalogue import (
    AppMode,
    Catalogue,
    Endpoint,
    RemovedEndpoint,
    Scope,
)
from scope_picker.core.coverage import Coverage, unavailable_text
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.scope_string import ParsedScopes

SCHEMA_VERSION = 1

Document = dict[str, Any]


def explain_document(
    catalogue: Catalogue, parsed: ParsedScopes, coverage: Coverage, mode: AppMode
) -> Document:
    return {
        **header(catalogue, "explain"),
        "mode": mode_json(catalogue, mode),
        "clean": parsed.is_clean,
        "scopes": [scope_json(catalogue, catalogue.scope(name)) for name in coverage.scopes],
        "unknown": [
            {
                "token": unknown.token,
                "suggestion": unknown.suggestion,
                "retired_note": unknown.retired_note,
                "message": unknown.describe(),
            }
            for unknown in parsed.unknown
        ],
        "duplicates": list(parsed.duplicates),
        "source_note": parsed.source_note,
        "messages": list(parsed.messages()),
        "endpoints": [
            {
                **endpoint_json(entry.endpoint),
                "coverage": {
                    "level": entry.level.value,
                    "explanation": entry.explain(),
                    "missing_required": list(entry.missing_required),
                    "missing_any_of": [list(group) for group in entry.missing_any_of],
                    "missing_optional": [option.scope for option in entry.missing_optional],
                    "without_gain": [option.scope for option in entry.without_gain],
                    "unavailable": None if entry.removed is None else removed_json(entry.removed),
                },
            }
            for entry in coverage.endpoints
        ],
        "scope_string": coverage.scope_string,
    }


def for_endpoints_document(
    catalogue: Catalogue, requested: Mapping[str, Endpoint], plan: EndpointPlan
) -> Document:
    result = plan.result
    return {
        **header(catalogue, "for-endpoints"),
        "mode": mode_json(catalogue, result.mode),
        "unavailable": [
            {"endpoint": endpoint.id, **removed_json(removed)}
            for endpoint, removed in result.unavailable
        ],
        "rules": [
            {"endpoint": endpoint.id, "text": rule.text, "source": rule.source}
            for endpoint, rule in result.rules
        ],
        "endpoints": [
            {"input": text, **endpoint_json(endpoint)} for text, endpoint in requested.items()
        ],
        "scopes": [
            {
                "name": name,
                "needed_by": [e.id for e in result.reasons.get(name, ())],
                "asked_for": plan.wants_optional(name),
            }
            for name in plan.scopes
        ],
        "choices": [
            {
                "options": list(choice.options),
                "chosen": choice.chosen,
                "settled_by": list(result.settled_by(choice)),
                "endpoints": [e.id for e in choice.endpoints],
                "note": choice.note,
            }
            for choice in result.choices
        ],
        "optional": [
            {
                "scope": name,
                "adds": [
                    {"endpoint": e.id, "unlocks": unlocks} for e, unlocks in result.adds(name)
                ],
            }
            for name in result.optional
            if not plan.wants_optional(name)
        ],
        "scope_string": " ".join(plan.scopes),
    }


def list_document(catalogue: Catalogue, *, with_endpoints: bool) -> Document:
    document: Document = {
        **header(catalogue, "list"),
        "categories": [
            {
                "id": category.id,
                "name": category.name,
                "scopes": [scope_json(catalogue, s) for s in catalogue.scopes_in(category.id)],
            }
            for category in catalogue.categories
        ],
    }
    if with_endpoints:
        document["groups"] = [
            {"name": group, "endpoints": [endpoint_json(e) for e in catalogue.endpoints_in(group)]}
            for group in catalogue.groups
        ]
    return document


def mode_json(catalogue: Catalogue, mode: AppMode) -> Document:
    """The app's mode and, in Development mode, the facts that bind such apps."""
    if mode is AppMode.EXTENDED:
        return {"name": mode.value, "title": mode.display_name}
    rules = catalogue.development_mode
    return {
        "name": mode.value,
        "title": mode.display_name,
        "guide_url": rules.guide_url,
        "changelog_url": rules.changelog_url,
        "dates": [{"date": f.date, "text": f.text, "source": f.source} for f in rules.dates],
        "account_limits": [{"text": f.text, "source": f.source} for f in rules.account_limits],
    }


def removed_json(removed: RemovedEndpoint) -> Document:
    return {
        "message": unavailable_text(removed),
        "since": removed.since,
        "use_instead": removed.use_instead,
        "source": removed.source,
    }


def header(catalogue: Catalogue, command: str) -> Document:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "catalogue_version": catalogue.version,
    }


def scope_json(catalogue: Catalogue, scope: Scope) -> Document:
    return {
        "name": scope.name,
        "category": scope.category,
        "category_name": catalogue.category(scope.category).name,
        "description": scope.description,
        "consent": scope.consent,
        "notes": [note.value for note in scope.notes],
        "note_texts": list(scope.note_texts),
        "documentation_url": scope.documentation_url,
    }


def endpoint_json(endpoint: Endpoint) -> Document:
    requirement = endpoint.requirement
    reason = endpoint.reason
    return {
        "id": endpoint.id,
        "kind": endpoint.kind.value,
        "name": endpoint.name,
        "group": endpoint.group,
        "method": endpoint.method,
        "path": endpoint.path,
        "label": endpoint.label,
        "deprecated": endpoint.deprecated,
        "deprecation_note": endpoint.deprecation_note,
        "replaced_by": endpoint.replaced_by,
        "premium_only": endpoint.premium_only,
        "requirement": {
            "required": list(requirement.required),
            "any_of": [list(group) for group in requirement.any_of],
            "optional": [{"scope": o.scope, "unlocks": o.unlocks} for o in requirement.optional],
            "choice": requirement.choice,
        },
        "documentation_url": endpoint.documentation_url,
        "why": {
            "page": reason.page,
            "spec": reason.spec,
            "follows": reason.follows,
            "because": reason.because,
            "source": reason.source,
            "page_scopes": list(endpoint.page_scopes),
            "spec_scopes": list(endpoint.spec_scopes),
        },
    }
