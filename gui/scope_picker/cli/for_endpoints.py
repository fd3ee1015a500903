"""``scope-picker for-endpoints``: the least scopes that let an app call some endpoints."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from scope_picker.cli.console import (
    EXIT_OK,
    InputError,
    complain,
    print_json,
    print_lines,
    read_stdin,
)
from scope_picker.cli.json_document import for_endpoints_document
from scope_picker.cli.text import for_endpoints_lines
from scope_picker.core.catalogue import (
    AppMode,
    Catalogue,
    Endpoint,
    LibraryItem,
)
from scope_picker.core.endpoint_lookup import find_endpoint
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.scope_string import parse_scopes


def run_for_endpoints(catalogue: Catalogue, args: argparse.Namespace) -> int:
    texts: list[str] = args.endpoints
    if texts == ["-"]:
        texts = _endpoint_lines(read_stdin("the endpoints"))
    requested = _resolve(catalogue, texts)
    endpoints = list(requested.values())
    plan = EndpointPlan(catalogue)
    plan.set_mode(AppMode(args.mode))
    plan.set_library_items(_library_items(args.library_items))
    for options, scope in _preferences(catalogue, endpoints, args.prefer).items():
        plan.prefer(options, scope)
    plan.set_picked([e.id for e in endpoints], True)
    for scope in _optional(catalogue, plan, args.optional):
        plan.want_optional(scope, True)
    if args.json:
        print_json(for_endpoints_document(catalogue, requested, plan))
    else:
        print_lines(for_endpoints_lines(catalogue, endpoints, plan))
    return EXIT_OK


def _optional(catalogue: Catalogue, plan: EndpointPlan, asked: Sequence[str]) -> tuple[str, ...]:
    """The optional scopes ``--optional`` named, each one the picked endpoints offer."""
    parsed = parse_scopes(catalogue, " ".join(asked))
    if parsed.unknown:
        raise InputError(*(f"--optional: {unknown.describe()}" for unknown in parsed.unknown))
    offered = plan.result.optional
    refused = [name for name in parsed.known if name not in offered]
    if refused:
        these = f"; they offer {', '.join(offered)}" if offered else "; they offer none"
        raise InputError(
            *(
                f"--optional {name}: no endpoint here offers it as an optional scope{these}"
                for name in refused
            )
        )
    return parsed.known


def _library_items(text: str) -> frozenset[LibraryItem]:
    """``tracks,artists`` as kinds of library item; a word that is none is an input error."""
    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    known = {item.value: item for item in LibraryItem}
    unknown = [word for word in words if word not in known]
    if unknown or not words:
        raise InputError(
            f"--library-items: {', '.join(repr(w) for w in unknown) or 'nothing given'} is not "
            f"a kind of library item; choose from {', '.join(known)}"
        )
    return frozenset(known[word] for word in words)


def _endpoint_lines(text: str) -> list[str]:
    """One endpoint a line; blank lines and ``#`` comments are skipped."""
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = [line for line in lines if line]
    if not found:
        raise InputError("standard input named no endpoint")
    return found


def _resolve(catalogue: Catalogue, texts: Sequence[str]) -> dict[str, Endpoint]:
    """Each endpoint once, keyed by the first text that named it; all failures at once."""
    matches = [find_endpoint(catalogue, text) for text in texts]
    failures = [match.describe() for match in matches if match.endpoint is None]
    if failures:
        raise InputError(*failures)
    requested: dict[str, Endpoint] = {}
    for match in matches:
        if match.endpoint is not None and match.endpoint not in requested.values():
            requested[match.text] = match.endpoint
    return requested


def _preferences(
    catalogue: Catalogue, endpoints: Sequence[Endpoint], preferred: Sequence[str]
) -> dict[frozenset[str], str]:
    """Maps each choice (a set of alternative scopes) to the option ``--prefer`` named."""
    parsed = parse_scopes(catalogue, " ".join(preferred))
    if parsed.unknown:
        raise InputError(*(f"--prefer: {unknown.describe()}" for unknown in parsed.unknown))
    groups = {frozenset(group) for e in endpoints for group in e.requirement.any_of}
    preferences: dict[frozenset[str], str] = {}
    for name in parsed.known:
        offering = [group for group in groups if name in group]
        if not offering:
            complain(f"warning: --prefer {name}: no choice among these endpoints offers it")
        for group in offering:
            if group in preferences:
                options = " or ".join(catalogue.in_scope_order(group))
                raise InputError(
                    f"--prefer {preferences[group]} and --prefer {name} settle the same "
                    f"choice ({options}); keep one"
                )
            preferences[group] = name
    return preferences
