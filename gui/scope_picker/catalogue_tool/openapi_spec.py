"""The Web API's OpenAPI description into its facts: each operation's id, method, path,
reference name, groups, scopes, deprecation and description, and each scope's wording."""

from __future__ import annotations

import re
from typing import Any

from scope_picker.catalogue_tool.scopes_page import SourceFormatError
from scope_picker.catalogue_tool.snapshot import source_record

_METHODS = ("get", "put", "post", "delete")
"""The order operations of one path are listed in (the reference's own order)."""

_REPLACEMENT = re.compile(r"[Uu]se \[[^\]]+\]\(/documentation/web-api/reference/([a-z0-9-]+)\)")
_PREMIUM_ONLY = "only works for users who have Spotify Premium"


def extract_openapi(raw: bytes, url: str, retrieved: str) -> dict[str, Any]:
    """The snapshot of one OpenAPI description (YAML or JSON text)."""
    import yaml  # the maintainers' extra; never needed by the app

    try:
        spec = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise SourceFormatError(f"the OpenAPI description is not valid YAML: {error}") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("paths"), dict):
        raise SourceFormatError("no 'paths' object: is this an OpenAPI description?")
    source = source_record("openapi", url, retrieved, raw)
    source["version"] = str(spec.get("info", {}).get("version", ""))
    return {
        "source": source,
        "groups": [tag["name"] for tag in spec.get("tags", [])],
        "scopes": _scope_wording(spec),
        "operations": [
            _operation(method, path, operation)
            for path, operations in spec["paths"].items()
            for method in _METHODS
            if (operation := operations.get(method)) is not None
        ],
    }


def _scope_wording(spec: dict[str, Any]) -> dict[str, str]:
    schemes = spec.get("components", {}).get("securitySchemes", {})
    wording: dict[str, str] = {}
    for scheme in schemes.values():
        for flow in scheme.get("flows", {}).values():
            for name, text in flow.get("scopes", {}).items():
                wording.setdefault(name, " ".join(str(text).split()))
    return wording


def _operation(method: str, path: str, operation: dict[str, Any]) -> dict[str, Any]:
    operation_id = operation.get("operationId")
    if not isinstance(operation_id, str):
        raise SourceFormatError(f"{method.upper()} {path} has no operationId")
    description = str(operation.get("description", "")).strip()
    scopes: list[str] = []
    for requirement in operation.get("security", []):
        for names in requirement.values():
            scopes += [name for name in names if name not in scopes]
    deprecated = bool(operation.get("deprecated", False))
    replacement = _REPLACEMENT.search(description) if deprecated else None
    record: dict[str, Any] = {
        "id": operation_id,
        "method": method.upper(),
        "path": path,
        "summary": " ".join(str(operation.get("summary", "")).split()),
        "groups": list(operation.get("tags", [])),
        "scopes": scopes,
        "deprecated": deprecated,
    }
    if replacement:
        record["replaced_by"] = replacement.group(1)
    if _PREMIUM_ONLY in description:
        record["premium_only"] = True
    record["description"] = description
    return record
