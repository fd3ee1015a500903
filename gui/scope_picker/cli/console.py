"""What every command shares with the terminal: the program's name, exit codes, refused input,
standard input, and printing text, JSON and complaints.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any

PROG = "scope-picker"
EXIT_OK = 0
EXIT_CATALOGUE_ERROR = 1
EXIT_REJECTED = 2
"""Usage errors, and input a command refuses (unknown scopes or endpoints; see EPILOG)."""
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE (``scope-picker list | head``)."""


EPILOG = """\
exit codes:
  0    done; for explain: every token is a known scope (duplicates only warn)
  1    the scope catalogue cannot be loaded
  2    usage error, or input refused: unknown scopes, a URL without a scope
       parameter, duplicates with --strict, endpoint text that names no
       single endpoint, an unknown or conflicting --prefer, an --optional
       scope the endpoints do not offer
  3    token: no token (consent refused, timeout, port in use, network, ...)
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (e.g. | head)
"""


class InputError(Exception):
    """Input the command cannot work with; the arguments are the lines to show."""


def read_stdin(what: str) -> str:
    if sys.stdin is None:
        raise InputError(f"no standard input to read {what} from; give it as an argument")
    if sys.stdin.isatty():
        complain(f"reading {what} from standard input; end it with Ctrl-D")
    try:
        return sys.stdin.read()
    except UnicodeDecodeError as error:
        raise InputError(f"standard input is not readable text: {error}") from error


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def print_lines(lines: Iterable[str]) -> None:
    print("\n".join(lines))


def print_json(document: Mapping[str, Any]) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def complain(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def tolerate_unencodable_output() -> None:
    """Escape what the terminal's encoding lacks (a curly apostrophe) instead of crashing on it."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")


def silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
