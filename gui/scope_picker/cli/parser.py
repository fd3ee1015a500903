"""The command line: ``scope-picker`` with its commands, options and help."""

from __future__ import annotations

import argparse

from scope_picker import __version__
from scope_picker.cli.console import EPILOG, PROG
from scope_picker.cli.explain import run_explain
from scope_picker.cli.for_endpoints import run_for_endpoints
from scope_picker.cli.listing import run_list
from scope_picker.cli.live_token import add_token_command
from scope_picker.core.catalogue import AppMode, LibraryItem


def build_parser() -> argparse.ArgumentParser:
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "--json", action="store_true", help="print one JSON document instead of text"
    )
    mode = argparse.ArgumentParser(add_help=False)
    mode.add_argument(
        "--mode",
        choices=[m.value for m in AppMode],
        default=AppMode.DEVELOPMENT.value,
        help="the app's quota mode (default: development, where every new app starts); "
        "in development, endpoints Spotify removed for such apps are unavailable",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Spotify Web API scopes on the command line: explain a scope string,\n"
        "find the least scopes for some endpoints, list the catalogue, get a token.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__} (Scope Picker)",
        help="print the version and exit",
    )
    commands = parser.add_subparsers(title="commands", dest="command", required=True)

    explain = commands.add_parser(
        "explain",
        parents=[output, mode],
        help="what a scope string grants: scopes, consent wording, endpoints",
        description="Explain a scope string in any common shape (spaces, commas, %20,\n"
        "a list literal, a whole authorize URL, client libraries' scope constants such\n"
        "as tk.scope.user_read_email). With no argument or '-', read it from standard\n"
        "input.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument("scopes", nargs="*", metavar="SCOPES", help="the scope string")
    explain.add_argument(
        "--strict", action="store_true", help="exit 2 on duplicate scopes too (else a warning)"
    )
    explain.set_defaults(run=run_explain)

    for_endpoints = commands.add_parser(
        "for-endpoints",
        parents=[output, mode],
        help="the least scopes that let an app call the given endpoints",
        description="The least scopes for some endpoints, why each is needed, the choices\n"
        "made and the optional scopes left out. Name endpoints as 'GET /me/player',\n"
        "by operationId (get-a-users-available-devices) or by reference name; '-'\n"
        "reads them from standard input, one a line. The scope string is the last\n"
        "line of text output.",
        epilog=EPILOG,
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
    for_endpoints.add_argument(
        "--optional",
        action="append",
        default=[],
        metavar="SCOPE",
        help="also ask for an optional scope the endpoints offer, such as "
        "user-read-playback-position for resume points (repeatable)",
    )
    for_endpoints.add_argument(
        "--library-items",
        default=LibraryItem.TRACKS.value,
        metavar="KINDS",
        help="what the app saves, removes or checks with the library endpoints (/me/library), "
        f"comma-separated: {', '.join(LibraryItem)} (default: tracks)",
    )
    for_endpoints.set_defaults(run=run_for_endpoints)

    listing = commands.add_parser(
        "list",
        parents=[output],
        help="the scopes by category, and the endpoints by group",
        description="List every scope by category with its description and consent\n"
        "wording; with --endpoints, the endpoints by group too.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument(
        "--endpoints", action="store_true", help="also list the endpoints by reference group"
    )
    listing.set_defaults(run=run_list)
    add_token_command(commands)
    return parser
