"""``scope-picker token``: get a real token for some scopes through the browser (PKCE, the
loopback redirect URI) and print Spotify's token response as JSON; nothing is written to disk.

The network code is imported only when this command runs, so the other commands never load it.
"""

from __future__ import annotations

import argparse
import sys
import webbrowser

from scope_picker.cli.console import EPILOG, EXIT_OK, InputError, complain, print_json
from scope_picker.core.catalogue import Catalogue
from scope_picker.core.scope_string import parse_scopes

EXIT_NO_TOKEN = 3
"""The attempt ended without a token: refused consent, timeout, cancel, network, port in use."""


def run_token(catalogue: Catalogue, args: argparse.Namespace) -> int:
    parsed = parse_scopes(catalogue, " ".join(args.scopes))
    if not parsed.is_clean:
        raise InputError(*parsed.messages())
    # Imported here: the network code costs the other commands nothing.
    from scope_picker.core.live.errors import LiveError
    from scope_picker.core.live.flow import start_attempt
    from scope_picker.core.live.hosts import hosts_from_environment

    try:
        hosts = hosts_from_environment()
        attempt = start_attempt(
            hosts,
            client_id=args.client_id,
            redirect_uri=args.redirect_uri,
            scopes=parsed.known,
            show_dialog=args.show_dialog,
        )
    except LiveError as error:
        complain(f"error: {error}")
        return EXIT_NO_TOKEN
    try:
        print(
            f"Waiting for the browser on {attempt.request.redirect_uri} "
            f"(up to {args.timeout:g} seconds; Ctrl-C cancels). If no browser opens, visit:\n"
            f"{attempt.url}",
            file=sys.stderr,
        )
        if args.no_browser or not webbrowser.open(attempt.url):
            print("Open the URL above in a browser to continue.", file=sys.stderr)
        token = attempt.finish(timeout=args.timeout)
    except LiveError as error:
        complain(f"error: {error}")
        return EXIT_NO_TOKEN
    finally:
        attempt.cancel()
    if token.not_granted:
        complain(f"warning: Spotify did not grant {' '.join(token.not_granted)}")
    print_json(token.response)
    return EXIT_OK


def add_token_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``token`` with its options."""
    token = commands.add_parser(
        "token",
        help="get a token for some scopes through the browser (goes online)",
        description="Get an access token for the scopes through your browser with the\n"
        "Authorization Code flow and PKCE (no client secret), and print Spotify's token\n"
        "response as JSON on standard output. The redirect URI must be a loopback\n"
        "address registered in your app's dashboard, such as\n"
        "http://127.0.0.1:8888/callback: the command listens there for one redirect.\n"
        "Nothing is written to disk.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    token.add_argument("scopes", nargs="*", metavar="SCOPES", help="the scopes to ask for")
    token.add_argument("--client-id", required=True, help="your app's Client ID")
    token.add_argument(
        "--redirect-uri",
        required=True,
        help="a loopback redirect URI registered in the dashboard",
    )
    token.add_argument(
        "--show-dialog", action="store_true", help="ask Spotify to show the consent page again"
    )
    token.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="how long to wait for the browser (default 300)",
    )
    token.add_argument(
        "--no-browser", action="store_true", help="only print the URL; open it yourself"
    )
    token.set_defaults(run=run_token)
