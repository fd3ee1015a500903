"""The catalogue tool's command line: extract-page, extract-spec, build, check and diff.

Run from the repository's root (or pass ``--root``). Snapshots, the overlay and the
Development-mode facts live in ``resources/sources/`` (not shipped); ``build`` writes
``resources/catalogue.json``, which the app loads.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from scope_picker.catalogue_tool.build import BuildError, build_catalogue
from scope_picker.catalogue_tool.compare import compare_snapshots, new_disagreements
from scope_picker.catalogue_tool.openapi_spec import extract_openapi
from scope_picker.catalogue_tool.scopes_page import SourceFormatError, extract_scopes_page
from scope_picker.catalogue_tool.snapshot import render

SOURCES_DIR = Path("resources") / "sources"
CATALOGUE_PATH = Path("resources") / "catalogue.json"
PAGE_SNAPSHOT = "scopes-page.json"
SPEC_SNAPSHOT = "openapi.json"
OVERLAY = "overlay.json"
DEVELOPMENT_MODE = "development-mode.json"

SCOPES_PAGE_URL = "https://developer.spotify.com/documentation/web-api/concepts/scopes"
SPEC_URL = "https://github.com/sonallux/spotify-web-api/blob/main/fixed-spotify-open-api.yml"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 when the sources or the build are wrong, 2 on usage."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (BuildError, SourceFormatError, OSError, ValueError) as error:
        print(f"catalogue_tool {args.command}: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scope_picker.catalogue_tool",
        description="Keep resources/catalogue.json in step with Spotify's published sources.",
    )
    parser.add_argument("--root", type=Path, default=Path(), help="the repository (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, kind, url, extract in (
        ("extract-page", "the Scopes page (its text rendering)", SCOPES_PAGE_URL, _page),
        ("extract-spec", "the OpenAPI description (YAML)", SPEC_URL, _spec),
    ):
        command = commands.add_parser(name, help=f"snapshot {kind}")
        command.add_argument("source", type=Path, help=f"a saved copy of {kind}")
        command.add_argument("--retrieved", required=True, help="the day it was saved, YYYY-MM-DD")
        command.add_argument("--url", default=url, help=f"where it is published (default {url})")
        command.add_argument("--out", type=Path, help="the snapshot to write (default: the repo's)")
        command.set_defaults(run=extract)
    build = commands.add_parser("build", help="write resources/catalogue.json from the snapshots")
    build.set_defaults(run=_build)
    check = commands.add_parser("check", help="fail unless catalogue.json is a fresh build")
    check.set_defaults(run=_check)
    diff = commands.add_parser(
        "diff",
        help="what changed between two snapshots of one source, and the new page-versus-spec "
        "disagreements (against the repo's other snapshot and overlay)",
    )
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.set_defaults(run=_diff)
    return parser


def _page(args: argparse.Namespace) -> int:
    return _extract(args, extract_scopes_page, PAGE_SNAPSHOT)


def _spec(args: argparse.Namespace) -> int:
    return _extract(args, extract_openapi, SPEC_SNAPSHOT)


def _extract(
    args: argparse.Namespace,
    extract: Callable[[bytes, str, str], dict[str, Any]],
    default_name: str,
) -> int:
    snapshot = extract(args.source.read_bytes(), args.url, args.retrieved)
    out = args.out or args.root / SOURCES_DIR / default_name
    out.write_text(render(snapshot), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def fresh_build(root: Path) -> str:
    """The catalogue a build from the repository's snapshots and overlay would write."""
    sources = root / SOURCES_DIR
    catalogue = build_catalogue(
        _read(sources / PAGE_SNAPSHOT),
        _read(sources / SPEC_SNAPSHOT),
        _read(sources / OVERLAY),
        _read(sources / DEVELOPMENT_MODE),
    )
    return render(catalogue)


def _build(args: argparse.Namespace) -> int:
    path = args.root / CATALOGUE_PATH
    path.write_text(fresh_build(args.root), encoding="utf-8")
    print(f"wrote {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    fresh = fresh_build(args.root)
    path = args.root / CATALOGUE_PATH
    if path.read_text(encoding="utf-8") != fresh:
        print(
            f"{path} differs from a fresh build: run "
            "`python -m scope_picker.catalogue_tool build` and commit the result",
            file=sys.stderr,
        )
        return 1
    print(f"{path} is a fresh build of {args.root / SOURCES_DIR}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    old, new = _read(args.old), _read(args.new)
    lines = compare_snapshots(old, new)
    sources = args.root / SOURCES_DIR
    if (sources / OVERLAY).is_file():
        page_names = _read(sources / OVERLAY)["page_names"]
        if old["source"]["kind"] == "openapi":
            page = _read(sources / PAGE_SNAPSHOT)
            lines += new_disagreements((page, old), (page, new), page_names)
        else:
            spec = _read(sources / SPEC_SNAPSHOT)
            lines += new_disagreements((old, spec), (new, spec), page_names)
    print("\n".join(lines) if lines else "no changes")
    return 0


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} not found: run from the repository's root or pass --root"
        ) from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return data
