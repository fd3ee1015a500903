"""Two snapshots of one source side by side: what a maintainer must look at after a refresh.

Operations or scopes added and removed, scope lists, deprecations, names and wording; for the
Scopes page also the endpoints listed under each scope (the page-versus-spec disagreements
these cause are what ``build`` then names, one by one).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scope_picker.catalogue_tool.build import default_requirement, page_listings


def compare_snapshots(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """One line per change, ``+`` added, ``-`` removed, ``~`` changed; empty when none."""
    kind = old["source"]["kind"]
    if new["source"]["kind"] != kind:
        raise ValueError(f"cannot compare a {kind} snapshot with a {new['source']['kind']} one")
    if kind == "openapi":
        return _compare(old["operations"], new["operations"], "id", _OPERATION_FIELDS)
    return _compare(old["scopes"], new["scopes"], "name", _SCOPE_FIELDS) + _categories(old, new)


_OPERATION_FIELDS = ("method", "path", "summary", "groups", "scopes", "deprecated", "description")
_SCOPE_FIELDS = ("description", "consent", "endpoints")


def new_disagreements(
    old: tuple[Mapping[str, Any], Mapping[str, Any]],
    new: tuple[Mapping[str, Any], Mapping[str, Any]],
    page_names: Mapping[str, list[str]],
) -> list[str]:
    """Operations whose sources (page, spec) leave doubt now but did not before: each needs a
    decision in the overlay unless it has one already."""

    def doubtful(page: Mapping[str, Any], spec: Mapping[str, Any]) -> dict[str, str]:
        listings = page_listings(page, page_names, [])
        found = {}
        for op in spec["operations"]:
            listing = listings.get(op["id"], {"scopes": []})
            if default_requirement(op["scopes"], listing["scopes"]) is None:
                page_scopes = ", ".join(listing["scopes"]) or "no scope"
                spec_scopes = ", ".join(op["scopes"]) or "no scope"
                found[op["id"]] = f"the spec lists {spec_scopes}, the page {page_scopes}"
        return found

    before = doubtful(*old)
    return [
        f"! {endpoint_id}: {text} (a decision for the overlay)"
        for endpoint_id, text in doubtful(*new).items()
        if endpoint_id not in before
    ]


def _compare(
    old: list[Mapping[str, Any]], new: list[Mapping[str, Any]], key: str, fields: tuple[str, ...]
) -> list[str]:
    before = {item[key]: item for item in old}
    after = {item[key]: item for item in new}
    lines = [f"- {name}" for name in before if name not in after]
    lines += [f"+ {name}" for name in after if name not in before]
    for name in (name for name in after if name in before):
        for field in fields:
            was, now = before[name].get(field), after[name].get(field)
            if was == now:
                continue
            if isinstance(was, list) and isinstance(now, list):
                gone = [item for item in was if item not in now]
                added = [item for item in now if item not in was]
                change = ", ".join([*(f"+{a}" for a in added), *(f"-{g}" for g in gone)])
                lines.append(f"~ {name} {field}: {change or 'reordered'}")
            elif field == "description":
                lines.append(f"~ {name} description: reworded (read it)")
            else:
                lines.append(f"~ {name} {field}: {was!r} -> {now!r}")
    return lines


def _categories(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    if old["categories"] == new["categories"]:
        return []
    return ["~ categories: " + " | ".join(c["name"] for c in new["categories"])]
