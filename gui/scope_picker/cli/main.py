"""Run one ``scope-picker`` command and turn what can go wrong into a message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from scope_picker.cli.console import (
    EXIT_BROKEN_PIPE,
    EXIT_CATALOGUE_ERROR,
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    InputError,
    complain,
    silence_stdout,
    tolerate_unencodable_output,
)
from scope_picker.cli.parser import build_parser
from scope_picker.core.catalogue import (
    CatalogueError,
    load_catalogue,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return the process exit code (see ``EPILOG``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already reported
        return stop.code if isinstance(stop.code, int) else EXIT_REJECTED
    tolerate_unencodable_output()
    try:
        status: int = args.run(load_catalogue(), args)
        sys.stdout.flush()
    except CatalogueError as error:
        complain(f"error: cannot load the scope catalogue: {error}")
        return EXIT_CATALOGUE_ERROR
    except InputError as rejected:
        for line in rejected.args:
            complain(f"error: {line}")
        return EXIT_REJECTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return status
