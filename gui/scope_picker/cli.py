"""``scope-picker``: the desktop app's answers on the command line, for scripts and CI.

It shares the Qt-free core with the app and imports no Qt, so it runs on servers without a
display. Every subcommand prints plain text, or with ``--json`` one JSON document whose shape
the README documents (``schema_version`` changes if it ever changes incompatibly).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from scope_picker.core.catalogue import (
    Catalogue,
    CatalogueError,
    Endpoint,
    EndpointKind,
    Scope,
    load_catalogue,
)
from scope_picker.core.coverage import (
    Coverage,
    CoverageLevel,
    EndpointCoverage,
    cover,
    public_endpoints,
)
from scope_picker.core.endpoint_lookup import find_endpoint
from scope_picker.core.least_scopes import LeastScopes, least_scopes
from scope_picker.core.scope_string import ParsedScopes, parse_scopes

PROG = "scope-picker"
SCHEMA_VERSION = 1

EXIT_OK = 0
EXIT_CATALOGUE_ERROR = 1
EXIT_REJECTED = 2
"""Usage errors, and input a command refuses (unknown scopes or endpoints; see _EPILOG)."""
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE (``scope-picker list | head``)."""

NO_WORDING = "no published wording"

_EPILOG = """\
exit codes:
  0    done; for explain: every token is a known scope (duplicates only warn)
  1    the scope catalogue cannot be loaded
  2    usage error, or input refused: unknown scopes, a URL without a scope
       parameter, duplicates with --strict, endpoint text that names no
       single endpoint, an unknown or conflicting --prefer
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (e.g. | head)
"""

_KIND_TEXT: Mapping[EndpointKind, str] = {
    EndpointKind.WEB_API: "Web API",
    EndpointKind.SDK: "SDK",
    EndpointKind.PARTNER: "Open Access partner API",
}

Document = dict[str, Any]


class _InputError(Exception):
    """Input the command cannot work with; the arguments are the lines to show."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return the process exit code (see ``_EPILOG``)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already reported
        return stop.code if isinstance(stop.code, int) else EXIT_REJECTED
    _tolerate_unencodable_output()
    try:
        status: int = args.run(load_catalogue(), args)
        sys.stdout.flush()
    except CatalogueError as error:
        _complain(f"error: cannot load the scope catalogue: {error}")
        return EXIT_CATALOGUE_ERROR
    except _InputError as rejected:
        for line in rejected.args:
            _complain(f"error: {line}")
        return EXIT_REJECTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return status


def _parser() -> argparse.ArgumentParser:
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "--json", action="store_true", help="print one JSON document instead of text"
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Spotify Web API scopes on the command line: explain a scope string,\n"
        "find the least scopes for some endpoints, list the catalogue.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", dest="command", required=True)

    explain = commands.add_parser(
        "explain",
        parents=[output],
        help="what a scope string grants: scopes, consent wording, endpoints",
        description="Explain a scope string in any common shape (spaces, commas, %20,\n"
        "a list literal, a whole authorize URL, client libraries' scope constants such\n"
        "as tk.scope.user_read_email). With no argument or '-', read it from standard\n"
        "input.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument("scopes", nargs="*", metavar="SCOPES", help="the scope string")
    explain.add_argument(
        "--strict", action="store_true", help="exit 2 on duplicate scopes too (else a warning)"
    )
    explain.set_defaults(run=_explain)

    for_endpoints = commands.add_parser(
        "for-endpoints",
        parents=[output],
        help="the least scopes that let an app call the given endpoints",
        description="The least scopes for some endpoints, why each is needed, the choices\n"
        "made and the optional scopes left out. Name endpoints as 'GET /me/player',\n"
        "by operationId (get-a-users-available-devices) or by reference name; '-'\n"
        "reads them from standard input, one a line. The scope string is the last\n"
        "line of text output.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for_endpoints.add_argument(
        "endpoints", nargs="+", metavar="ENDPOINT", help="'GET /path', an operationId or a name"
    )
    for_endpoints.add_argument(
        "--prefer",
        action="append",
        default=[],
        metavar="SCOPE",
        help="settle a choice between scopes with this one (repeatable)",
    )
    for_endpoints.set_defaults(run=_for_endpoints)

    listing = commands.add_parser(
        "list",
        parents=[output],
        help="the scopes by category, and the endpoints by group",
        description="List every scope by category with its description and consent\n"
        "wording; with --endpoints, the endpoints by group too.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument(
        "--endpoints", action="store_true", help="also list the endpoints by reference group"
    )
    listing.set_defaults(run=_list)
    return parser


# --- explain -------------------------------------------------------------------------------


def _explain(catalogue: Catalogue, args: argparse.Namespace) -> int:
    parsed = parse_scopes(catalogue, _scope_text(args.scopes))
    coverage = cover(catalogue, parsed.known)
    if args.json:
        _print_json(_explain_document(catalogue, parsed, coverage))
    else:
        _print_lines(_explain_lines(catalogue, parsed, coverage))
    findings = []
    if parsed.source_note:
        findings.append(parsed.source_note)
    if parsed.unknown:
        findings.append(_count(len(parsed.unknown), "unknown scope"))
    if parsed.duplicates:
        findings.append(_count(len(parsed.duplicates), "duplicate"))
    if not findings:
        return EXIT_OK
    if parsed.source_note or parsed.unknown or args.strict:
        _complain("error: the scope string is not clean: " + ", ".join(findings))
        return EXIT_REJECTED
    _complain(f"warning: {findings[0]} (--strict makes duplicates fail)")
    return EXIT_OK


def _scope_text(parts: Sequence[str]) -> str:
    """The arguments joined, or stdin when there are none or just ``-``."""
    if list(parts) not in ([], ["-"]):
        return " ".join(parts)
    return _read_stdin("the scope string")


def _read_stdin(what: str) -> str:
    if sys.stdin is None:
        raise _InputError(f"no standard input to read {what} from; give it as an argument")
    if sys.stdin.isatty():
        _complain(f"reading {what} from standard input; end it with Ctrl-D")
    try:
        return sys.stdin.read()
    except UnicodeDecodeError as error:
        raise _InputError(f"standard input is not readable text: {error}") from error


def _explain_lines(catalogue: Catalogue, parsed: ParsedScopes, coverage: Coverage) -> list[str]:
    scopes = [catalogue.scope(name) for name in coverage.scopes]
    lines = [f"Scopes ({len(scopes)})"]
    width = _width(s.name for s in scopes)
    for scope in scopes:
        lines.append(f"  {scope.name:<{width}}  {catalogue.category(scope.category).name}")
        lines += [f"  {'':<{width}}  note: {text}" for text in scope.note_texts]
    if not scopes:
        lines.append("  none")
    messages = parsed.messages()
    if messages:
        lines += ["", f"Problems ({len(messages)})", *(f"  {text}" for text in messages)]
    if scopes:
        lines += ["", "Consent screen"]
        lines += [f"  {s.name:<{width}}  {s.consent or NO_WORDING}" for s in scopes]

    web = [e for e in coverage.endpoints if e.endpoint.kind is EndpointKind.WEB_API]
    other = [e for e in coverage.endpoints if e.endpoint.kind is not EndpointKind.WEB_API]
    callable_web = [e for e in web if e.callable]
    blocked_web = [e for e in web if not e.callable]
    lines += ["", f"Endpoints covered ({len(callable_web)})"]
    lines += _endpoint_table(
        catalogue, [e.endpoint for e in callable_web], [_coverage_note(e) for e in callable_web]
    )
    if not callable_web:
        public = len(public_endpoints(catalogue))
        lines.append(f"  none beyond the {public} endpoints that need no scope")
    if blocked_web:
        lines += ["", f"Blocked ({len(blocked_web)})"]
        lines += _endpoint_table(
            catalogue, [e.endpoint for e in blocked_web], [_coverage_note(e) for e in blocked_web]
        )
    if other:
        lines += ["", f"SDKs and partner APIs ({len(other)})"]
        width = _width(e.endpoint.name for e in other)
        for entry in other:
            target = entry.endpoint
            note = _coverage_note(entry)
            lines.append(
                f"  {target.name:<{width}}  {_KIND_TEXT[target.kind]}, "
                f"{target.documentation_url}{f'  ({note})' if note else ''}"
            )
    lines += ["", "Scope string", coverage.scope_string]
    return lines


def _coverage_note(entry: EndpointCoverage) -> str:
    if entry.level is CoverageLevel.FULL:
        return ""
    return f"{entry.level.value}: {entry.explain()}"


def _explain_document(catalogue: Catalogue, parsed: ParsedScopes, coverage: Coverage) -> Document:
    return {
        **_header(catalogue, "explain"),
        "clean": parsed.is_clean,
        "scopes": [_scope_json(catalogue, catalogue.scope(name)) for name in coverage.scopes],
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
                **_endpoint_json(entry.endpoint),
                "coverage": {
                    "level": entry.level.value,
                    "explanation": entry.explain(),
                    "missing_required": list(entry.missing_required),
                    "missing_any_of": [list(group) for group in entry.missing_any_of],
                    "missing_optional": [option.scope for option in entry.missing_optional],
                },
            }
            for entry in coverage.endpoints
        ],
        "scope_string": coverage.scope_string,
    }


# --- for-endpoints -------------------------------------------------------------------------


def _for_endpoints(catalogue: Catalogue, args: argparse.Namespace) -> int:
    texts: list[str] = args.endpoints
    if texts == ["-"]:
        texts = _endpoint_lines(_read_stdin("the endpoints"))
    requested = _resolve(catalogue, texts)
    endpoints = list(requested.values())
    preferences = _preferences(catalogue, endpoints, args.prefer)
    result = least_scopes(catalogue, [e.id for e in endpoints], preferences)
    if args.json:
        _print_json(_for_endpoints_document(catalogue, requested, result))
    else:
        _print_lines(_for_endpoints_lines(catalogue, endpoints, result))
    return EXIT_OK


def _endpoint_lines(text: str) -> list[str]:
    """One endpoint a line; blank lines and ``#`` comments are skipped."""
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = [line for line in lines if line]
    if not found:
        raise _InputError("standard input named no endpoint")
    return found


def _resolve(catalogue: Catalogue, texts: Sequence[str]) -> dict[str, Endpoint]:
    """Each endpoint once, keyed by the first text that named it; all failures at once."""
    matches = [find_endpoint(catalogue, text) for text in texts]
    failures = [match.describe() for match in matches if match.endpoint is None]
    if failures:
        raise _InputError(*failures)
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
        raise _InputError(*(f"--prefer: {unknown.describe()}" for unknown in parsed.unknown))
    groups = {frozenset(group) for e in endpoints for group in e.requirement.any_of}
    preferences: dict[frozenset[str], str] = {}
    for name in parsed.known:
        offering = [group for group in groups if name in group]
        if not offering:
            _complain(f"warning: --prefer {name}: no choice among these endpoints offers it")
        for group in offering:
            if group in preferences:
                options = " or ".join(catalogue.in_scope_order(group))
                raise _InputError(
                    f"--prefer {preferences[group]} and --prefer {name} settle the same "
                    f"choice ({options}); keep one"
                )
            preferences[group] = name
    return preferences


def _for_endpoints_lines(
    catalogue: Catalogue, endpoints: Sequence[Endpoint], result: LeastScopes
) -> list[str]:
    lines = [f"Endpoints ({len(endpoints)})"]
    lines += _endpoint_table(catalogue, endpoints, [e.requirement.summary for e in endpoints])
    lines += ["", f"Scopes ({len(result.scopes)})"]
    for name in result.scopes:
        lines += [f"  {name}", f"      {result.needed_by(name)}"]
    if not result.scopes:
        lines.append("  none: every endpoint here works without a scope")
    if result.choices:
        lines += ["", f"Choices ({len(result.choices)})"]
    for choice in result.choices:
        options = " or ".join(choice.options)
        if choice.chosen is None:
            settled = ", ".join(result.settled_by(choice))
            lines.append(f"  {options}: settled by {settled}, needed anyway")
        else:
            lines.append(f"  {options}: picked {choice.chosen}")
        lines.append(f"      for: {', '.join(e.name for e in choice.endpoints)}")
        if choice.note:
            lines.append(f"      {choice.note}")
        if choice.chosen is not None:
            others = ", ".join(o for o in choice.options if o != choice.chosen)
            lines.append(f"      other options: {others} (--prefer one to pick it)")
    if result.optional:
        lines += ["", f"Optional scopes, left out ({len(result.optional)})"]
    for name in result.optional:
        lines.append(f"  {name}")
        lines += [
            f"      adds to {endpoint.name}: {unlocks}" for endpoint, unlocks in result.adds(name)
        ]
    lines += ["", "Scope string", " ".join(result.scopes)]
    return lines


def _for_endpoints_document(
    catalogue: Catalogue, requested: Mapping[str, Endpoint], result: LeastScopes
) -> Document:
    return {
        **_header(catalogue, "for-endpoints"),
        "endpoints": [
            {"input": text, **_endpoint_json(endpoint)} for text, endpoint in requested.items()
        ],
        "scopes": [
            {"name": name, "needed_by": [e.id for e in result.reasons[name]]}
            for name in result.scopes
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
        ],
        "scope_string": " ".join(result.scopes),
    }


# --- list ----------------------------------------------------------------------------------


def _list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.json:
        _print_json(_list_document(catalogue, with_endpoints=args.endpoints))
    else:
        _print_lines(_list_lines(catalogue, with_endpoints=args.endpoints))
    return EXIT_OK


def _list_lines(catalogue: Catalogue, *, with_endpoints: bool) -> list[str]:
    lines: list[str] = []
    for category in catalogue.categories:
        lines += ["", category.name] if lines else [category.name]
        for scope in catalogue.scopes_in(category.id):
            lines += [
                f"  {scope.name}",
                f"      {scope.description}",
                f"      consent: {scope.consent or NO_WORDING}",
                *(f"      note: {text}" for text in scope.note_texts),
            ]
    if with_endpoints:
        for group, endpoints in _endpoints_by_group(catalogue):
            lines += ["", f"Endpoints: {group}"]
            lines += _endpoint_table(
                catalogue, endpoints, [e.requirement.summary for e in endpoints]
            )
    return lines


def _list_document(catalogue: Catalogue, *, with_endpoints: bool) -> Document:
    document: Document = {
        **_header(catalogue, "list"),
        "categories": [
            {
                "id": category.id,
                "name": category.name,
                "scopes": [_scope_json(catalogue, s) for s in catalogue.scopes_in(category.id)],
            }
            for category in catalogue.categories
        ],
    }
    if with_endpoints:
        document["groups"] = [
            {"name": group, "endpoints": [_endpoint_json(e) for e in endpoints]}
            for group, endpoints in _endpoints_by_group(catalogue)
        ]
    return document


def _endpoints_by_group(catalogue: Catalogue) -> list[tuple[str, list[Endpoint]]]:
    return [
        (group, [e for e in catalogue.endpoints if e.group == group]) for group in catalogue.groups
    ]


# --- shared pieces -------------------------------------------------------------------------


def _header(catalogue: Catalogue, command: str) -> Document:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "catalogue_version": catalogue.version,
    }


def _scope_json(catalogue: Catalogue, scope: Scope) -> Document:
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


def _endpoint_json(endpoint: Endpoint) -> Document:
    requirement = endpoint.requirement
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
    }


def _endpoint_table(
    catalogue: Catalogue, endpoints: Sequence[Endpoint], notes: Sequence[str]
) -> list[str]:
    """``GET    /me/player  Get Playback State  (note)``, columns aligned."""
    method_width = _width(e.method or "" for e in endpoints)
    path_width = _width(e.path or e.name for e in endpoints)
    rows = []
    for endpoint, note in zip(endpoints, notes, strict=True):
        if endpoint.method:
            where = f"{endpoint.method:<{method_width}}  {endpoint.path:<{path_width}}  "
            name = endpoint.name
        else:
            where, name = "", f"{endpoint.name} ({_KIND_TEXT[endpoint.kind]})"
        marks = [catalogue.deprecation_mark(endpoint)] if endpoint.deprecated else []
        marks += [note] if note else []
        rows.append(f"  {where}{name}" + "".join(f"  [{mark}]" for mark in marks))
    return rows


def _width(texts: Iterable[str]) -> int:
    return max((len(text) for text in texts), default=0)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _print_lines(lines: Iterable[str]) -> None:
    print("\n".join(lines))


def _print_json(document: Document) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _complain(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _tolerate_unencodable_output() -> None:
    """Escape what the terminal's encoding lacks (a curly apostrophe) instead of crashing on it."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
