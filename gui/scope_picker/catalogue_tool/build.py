"""Snapshots of Spotify's sources plus the overlay of hand decisions, into the catalogue.

Every fact the sources state comes from the snapshots; the overlay holds only what they
cannot say (which of several listed scopes an operation needs, notes, the consent order),
each decision with its reason and source, and with what the sources said when it was made,
so a decision whose sources have since changed fails the build by name instead of going
stale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

CATALOGUE_FORMAT = 2
_DEPRECATED_MARK = re.compile(r"\s*\[DEPRECATED\]\s*$", re.IGNORECASE)
_NO_REPLACEMENT_NOTE = "Deprecated in the Web API reference; Spotify restricts it for new apps."


class BuildError(ValueError):
    """The snapshots and the overlay do not add up; the message lists every problem by name."""


def build_catalogue(
    page: Mapping[str, Any],
    spec: Mapping[str, Any],
    overlay: Mapping[str, Any],
    development_mode: Mapping[str, Any],
) -> dict[str, Any]:
    """The catalogue's data, ready to render; BuildError names every inconsistency at once."""
    return _Builder(page, spec, overlay, development_mode).build()


def page_listings(
    page: Mapping[str, Any], page_names: Mapping[str, list[str]], problems: list[str]
) -> dict[str, dict[str, list[str]]]:
    """For each endpoint id, the names and the scopes (each once, in page order) the page
    lists it under; a page name the overlay does not map is a problem."""
    listings: dict[str, dict[str, list[str]]] = {}
    for scope in page["scopes"]:
        for name in scope["endpoints"]:
            if name not in page_names:
                problems.append(
                    f"the Scopes page lists '{name}' under {scope['name']}: add it to the "
                    "overlay's page_names with the operation it is"
                )
                continue
            for endpoint_id in page_names[name]:
                listing = listings.setdefault(endpoint_id, {"names": [], "scopes": []})
                _append_once(listing["names"], name)
                _append_once(listing["scopes"], scope["name"])
    return listings


def default_requirement(spec_scopes: list[str], page_scopes: list[str]) -> list[str] | None:
    """The required scopes when the sources leave no doubt (at most one scope, and the page
    agrees or does not list the endpoint); None when a person has to decide."""
    if len(spec_scopes) > 1:
        return None
    if page_scopes and set(page_scopes) != set(spec_scopes):
        return None
    return list(spec_scopes)


class _Builder:
    def __init__(
        self,
        page: Mapping[str, Any],
        spec: Mapping[str, Any],
        overlay: Mapping[str, Any],
        development_mode: Mapping[str, Any],
    ) -> None:
        self.page = page
        self.spec = spec
        self.overlay = overlay
        self.development_mode = development_mode
        self.problems: list[str] = []
        self.listings = page_listings(page, overlay["page_names"], self.problems)
        self.names = self._display_names()

    def build(self) -> dict[str, Any]:
        operations = [self._operation(op) for op in self.spec["operations"]]
        others = [self._other(entry) for entry in self.overlay["other_endpoints"]]
        known = {op["id"] for op in self.spec["operations"]}
        known |= {entry["id"] for entry in self.overlay["other_endpoints"]}
        for endpoint_id in sorted(set(self.overlay["operations"]) - known):
            self.problems.append(
                f"overlay entry '{endpoint_id}' names an operation the spec no longer has"
            )
        for name, ids in self.overlay["page_names"].items():
            for endpoint_id in ids:
                if endpoint_id not in known:
                    self.problems.append(
                        f"page_names maps '{name}' to '{endpoint_id}', which is no endpoint"
                    )
        removed = self.development_mode["removed_endpoints"]
        for endpoint_id in sorted(set(removed) - known):
            self.problems.append(
                f"the Development-mode facts name '{endpoint_id}', which is no endpoint"
            )
        if self.problems:
            raise BuildError("\n".join(self.problems))
        return {
            "format": CATALOGUE_FORMAT,
            "version": self._version(),
            "sources": self._sources(),
            "categories": [
                {"id": _slug(category["name"]), "name": category["name"]}
                for category in self.page["categories"]
            ],
            "groups": [*self.spec["groups"], *self.overlay["extra_groups"]],
            "scopes": self._scopes(),
            "consent_order": self.overlay["consent_order"],
            "development_mode": self.development_mode,
            "endpoints": operations + others,
        }

    def _version(self) -> str:
        dates = [
            self.page["source"]["retrieved"],
            self.spec["source"]["retrieved"],
            self.overlay["updated"],
            self.development_mode["updated"],
        ]
        return str(max(dates)).replace("-", ".")

    def _sources(self) -> list[dict[str, Any]]:
        described = self.overlay["sources"]
        records = []
        for snapshot in (self.page, self.spec):
            source = snapshot["source"]
            record = {
                "id": source["kind"],
                "title": described[source["kind"]]["title"],
                "url": source["url"],
                "date": source["retrieved"],
            }
            if source.get("version"):
                record["version"] = source["version"]
            record["sha256"] = source["sha256"]
            record["role"] = described[source["kind"]]["role"]
            records.append(record)
        return records

    def _scopes(self) -> list[dict[str, Any]]:
        category_of = {
            name: _slug(category["name"])
            for category in self.page["categories"]
            for name in category["scopes"]
        }
        decided = self.overlay["scopes"]
        for name in sorted(set(decided) - set(category_of)):
            self.problems.append(f"overlay scope entry '{name}' is not on the Scopes page")
        records = []
        for scope in self.page["scopes"]:
            name = scope["name"]
            record: dict[str, Any] = {
                "name": name,
                "category": category_of[name],
                "description": scope["description"],
                "consent": scope["consent"],
            }
            if name in decided:
                record["notes"] = decided[name]["notes"]
            spec_wording = self.spec["scopes"].get(name)
            if spec_wording is not None and spec_wording != scope["consent"]:
                record["spec_consent"] = spec_wording
            records.append(record)
        return records

    def _display_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for op in self.spec["operations"]:
            entry = self.overlay["operations"].get(op["id"], {})
            names[op["id"]] = entry.get("name") or _DEPRECATED_MARK.sub("", op["summary"])
        seen: dict[str, str] = {}
        for endpoint_id, name in names.items():
            if name in seen:
                self.problems.append(
                    f"'{seen[name]}' and '{endpoint_id}' would both be called '{name}': give "
                    "one a name in the overlay"
                )
            seen[name] = endpoint_id
        return names

    def _operation(self, op: Mapping[str, Any]) -> dict[str, Any]:
        endpoint_id = op["id"]
        entry = self.overlay["operations"].get(endpoint_id, {})
        listing = self.listings.get(endpoint_id)
        page_scopes = listing["scopes"] if listing else []
        requirement = self._requirement(endpoint_id, op["scopes"], page_scopes, entry)
        record: dict[str, Any] = {
            "id": endpoint_id,
            "kind": "web-api",
            "name": self.names[endpoint_id],
            "group": op["groups"][0],
            "method": op["method"],
            "path": op["path"],
            "deprecated": op["deprecated"],
        }
        if op["deprecated"]:
            replaced_by = op.get("replaced_by")
            record["deprecation_note"] = (
                f"Deprecated: use {self.names[replaced_by]} instead."
                if replaced_by in self.names
                else _NO_REPLACEMENT_NOTE
            )
            if replaced_by is not None:
                record["replaced_by"] = replaced_by
        if op.get("premium_only"):
            record["premium_only"] = True
        if "documentation_url" in entry:
            record["documentation_url"] = entry["documentation_url"]
        record["requirement"] = requirement
        if listing:
            record["page_names"] = listing["names"]
        record["spec_scopes"] = op["scopes"]
        if listing:
            record["page_scopes"] = page_scopes
        if "reason" in entry:
            record["requirement_note"] = entry["reason"]
            record["requirement_source"] = entry["source"]
        return record

    def _requirement(
        self,
        endpoint_id: str,
        spec_scopes: list[str],
        page_scopes: list[str],
        entry: Mapping[str, Any],
    ) -> dict[str, Any]:
        if "requirement" not in entry:
            required = default_requirement(spec_scopes, page_scopes)
            if required is None:
                self.problems.append(
                    f"'{endpoint_id}': the spec lists {_names(spec_scopes)} and the Scopes page "
                    f"{_names(page_scopes)}; the overlay must decide what it needs"
                )
                required = []
            return {"required": required, "any_of": [], "optional": []}
        decided = entry["decided_when"]
        now = {"spec": sorted(spec_scopes), "page": sorted(page_scopes)}
        if decided != now:
            self.problems.append(
                f"overlay entry '{endpoint_id}' was decided when the spec listed "
                f"{_names(decided['spec'])} and the page {_names(decided['page'])}; they now "
                f"list {_names(now['spec'])} and {_names(now['page'])}: review it"
            )
        given = entry["requirement"]
        requirement: dict[str, Any] = {
            "required": given.get("required", []),
            "any_of": given.get("any_of", []),
            "optional": given.get("optional", []),
        }
        for key in ("choice", "by_item"):
            if key in given:
                requirement[key] = given[key]
        return requirement

    def _other(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        listing = self.listings.get(entry["id"], {"names": [], "scopes": []})
        if not listing["scopes"]:
            self.problems.append(f"the Scopes page no longer lists '{entry['id']}'")
        return {
            "id": entry["id"],
            "kind": entry["kind"],
            "name": entry["name"],
            "group": entry["group"],
            "method": None,
            "path": None,
            "deprecated": False,
            "documentation_url": entry["documentation_url"],
            "requirement": {"required": listing["scopes"], "any_of": [], "optional": []},
            "page_names": listing["names"],
            "spec_scopes": [],
            "page_scopes": listing["scopes"],
        }


def _append_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _names(scopes: Iterable[str]) -> str:
    listed = list(scopes)
    return ", ".join(listed) if listed else "no scope"


def _slug(name: str) -> str:
    return "-".join(name.lower().split())
