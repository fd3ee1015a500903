"""How an endpoint row reads wherever endpoints are listed (the Endpoints pane and the Pick
endpoints page): the role carrying its id, the sections for what is not a Web API call, the
Request column for those, and the tooltip facts that hold whatever is ticked.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from scope_picker.core.catalogue import Endpoint, EndpointKind

ENDPOINT_ID_ROLE = Qt.ItemDataRole.UserRole
"""The endpoint id of an endpoint row (None on group rows)."""

SECTION_TITLES: Mapping[EndpointKind, str] = {
    EndpointKind.SDK: "SDKs (not Web API endpoints)",
    EndpointKind.PARTNER: "Open Access partner API (approved partners only)",
}
"""Sections for what is not a Web API endpoint, so nobody mistakes them for one."""

REQUEST_TEXT: Mapping[EndpointKind, str] = {
    EndpointKind.SDK: "SDK",
    EndpointKind.PARTNER: "partner API call",
}
"""The Request column for targets that have no method and path."""


def endpoint_facts(endpoint: Endpoint) -> list[str]:
    """Tooltip sentences that hold whatever is ticked: the choice rule, deprecation, Premium."""
    facts = []
    if endpoint.requirement.choice:
        facts.append(f"Which scope applies: {endpoint.requirement.choice}.")
    if endpoint.deprecated:
        facts.append(endpoint.deprecation_note or "Deprecated.")
    if endpoint.premium_only:
        facts.append("Works only for users with Spotify Premium.")
    facts.append(f"Why: {endpoint.reason.text}")
    return facts
