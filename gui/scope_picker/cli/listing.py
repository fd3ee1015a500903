"""``scope-picker list``: the scopes by category, and the endpoints by group."""

from __future__ import annotations

import argparse

from scope_picker.cli.console import EXIT_OK, print_json, print_lines
from scope_picker.cli.json_document import list_document
from scope_picker.cli.text import list_lines
from scope_picker.core.catalogue import (
    Catalogue,
)


def run_list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.json:
        print_json(list_document(catalogue, with_endpoints=args.endpoints))
    else:
        print_lines(list_lines(catalogue, with_endpoints=args.endpoints))
    return EXIT_OK
