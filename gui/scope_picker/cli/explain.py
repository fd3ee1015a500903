"""``scope-picker explain``: what a scope string grants, and whether it is clean."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from scope_picker.cli.console import (
    EXIT_OK,
    EXIT_REJECTED,
    complain,
    count,
    print_json,
    print_lines,
    read_stdin,
)
from scope_picker.cli.json_document import explain_document
from scope_picker.cli.text import explain_lines
from scope_picker.core.catalogue import (
    AppMode,
    Catalogue,
)
from scope_picker.core.coverage import (
    cover,
)
from scope_picker.core.scope_string import parse_scopes


def run_explain(catalogue: Catalogue, args: argparse.Namespace) -> int:
    parsed = parse_scopes(catalogue, _scope_text(args.scopes))
    coverage = cover(catalogue, parsed.known, mode=AppMode(args.mode))
    if args.json:
        print_json(explain_document(catalogue, parsed, coverage, AppMode(args.mode)))
    else:
        print_lines(explain_lines(catalogue, parsed, coverage, AppMode(args.mode)))
    findings = []
    if parsed.source_note:
        findings.append(parsed.source_note)
    if parsed.unknown:
        findings.append(count(len(parsed.unknown), "unknown scope"))
    if parsed.duplicates:
        findings.append(count(len(parsed.duplicates), "duplicate"))
    if not findings:
        return EXIT_OK
    if parsed.source_note or parsed.unknown or args.strict:
        complain("error: the scope string is not clean: " + ", ".join(findings))
        return EXIT_REJECTED
    complain(f"warning: {findings[0]} (--strict makes duplicates fail)")
    return EXIT_OK


def _scope_text(parts: Sequence[str]) -> str:
    """The arguments joined, or stdin when there are none or just ``-``."""
    if list(parts) not in ([], ["-"]):
        return " ".join(parts)
    return read_stdin("the scope string")
