"""Spotify's Scopes page, as a text rendering, into its facts: categories in page order, and
each scope's description, consent wording ("Visible to users") and the endpoints listed."""

from __future__ import annotations

import re
from typing import Any

from scope_picker.catalogue_tool.snapshot import source_record


class SourceFormatError(ValueError):
    """A source does not have the shape the extractor knows; the message says where."""


_LIST_START = "## List of Scopes"
_SCOPE_HEADING = re.compile(r"^### `?([a-z][a-z0-9-]*)`?\s*$")
_CATEGORY = re.compile(r"^- ([^\[\s].*?)\s*$")
_CATEGORY_SCOPE = re.compile(r"^(?:- )?\[([a-z][a-z0-9-]*)\]\(\)\s*$")
_ENDPOINT = re.compile(r"^- \[(.+?)\]\(.*\)\s*$")
_DESCRIPTION = re.compile(r"^\*\*Description\*\*(.*?)(?:\*\*Visible to users\*\*(.*))?$")
_SECTION_END = re.compile(r"^#{1,3} ")


def extract_scopes_page(raw: bytes, url: str, retrieved: str) -> dict[str, Any]:
    """The snapshot of one capture of the Scopes page (text rendering, UTF-8)."""
    lines = raw.decode("utf-8").splitlines()
    categories = _categories(lines)
    scopes = _scopes(lines)
    listed = [name for category in categories for name in category["scopes"]]
    described = [scope["name"] for scope in scopes]
    if listed != described:
        raise SourceFormatError(
            "the scopes listed under the categories and the scope sections differ: "
            f"{', '.join(sorted(set(listed) ^ set(described))) or 'in order'}"
        )
    return {
        "source": source_record("scopes-page", url, retrieved, raw),
        "categories": categories,
        "scopes": scopes,
    }


def _categories(lines: list[str]) -> list[dict[str, Any]]:
    try:
        start = lines.index(_LIST_START)
    except ValueError:
        raise SourceFormatError(f"no '{_LIST_START}' heading: is this the Scopes page?") from None
    categories: list[dict[str, Any]] = []
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if _SCOPE_HEADING.match(line):
            break
        if scope := _CATEGORY_SCOPE.match(line):
            if not categories:
                raise SourceFormatError(f"line {number}: a scope before any category")
            categories[-1]["scopes"].append(scope.group(1))
        elif category := _CATEGORY.match(line):
            categories.append({"name": category.group(1), "scopes": []})
    if not categories:
        raise SourceFormatError(f"no categories under '{_LIST_START}'")
    return categories


def _scopes(lines: list[str]) -> list[dict[str, Any]]:
    scopes: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, line in enumerate(lines, 1):
        if heading := _SCOPE_HEADING.match(line):
            current = {"name": heading.group(1), "description": None, "consent": None}
            current["endpoints"] = []
            scopes.append(current)
        elif current is None:
            continue
        elif _SECTION_END.match(line):
            current = None
        elif description := _DESCRIPTION.match(line):
            current["description"] = description.group(1).strip()
            consent = description.group(2)
            current["consent"] = consent.strip() if consent else None
        elif endpoint := _ENDPOINT.match(line):
            current["endpoints"].append(endpoint.group(1).strip())
        elif line.strip() and not line.startswith("**Endpoints that require"):
            raise SourceFormatError(f"line {number}: unexpected text in scope section: {line!r}")
    for scope in scopes:
        if not scope["description"]:
            raise SourceFormatError(f"scope '{scope['name']}' has no description")
    return scopes
