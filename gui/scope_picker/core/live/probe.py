"""Probe: call every GET the token's scopes cover that needs no path IDs, and set what Spotify
answered beside what the catalogue predicted; the differences make a report to copy.

Read-only by construction: only GETs are sent. A 400 means the endpoint needs query parameters
the probe does not invent, so it counts as not checked rather than as a difference.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from scope_picker.core.catalogue import Catalogue, Endpoint, EndpointKind
from scope_picker.core.coverage import evaluate
from scope_picker.core.live.api import ApiCall, ApiResponse, path_parameters, send_call
from scope_picker.core.live.errors import LiveError
from scope_picker.core.live.explain import explain
from scope_picker.core.live.hosts import Hosts
from scope_picker.core.live.tokens import Token


class Verdict(StrEnum):
    """How Spotify's answer compares with the catalogue's prediction."""

    AGREES = "agrees"
    DIFFERS = "differs"
    NOT_CHECKED = "not checked"


@dataclass(frozen=True)
class ProbeResult:
    """One endpoint: the prediction, the answer (status 0: none), the verdict, why."""

    endpoint: Endpoint
    predicted: str
    status: int
    answered: str
    verdict: Verdict
    note: str = ""


def probe_endpoints(catalogue: Catalogue, granted: frozenset[str]) -> tuple[Endpoint, ...]:
    """Web API GETs without path parameters that the granted scopes let a token call."""
    return tuple(
        endpoint
        for endpoint in sorted(catalogue.endpoints, key=catalogue.endpoint_sort_key)
        if endpoint.kind is EndpointKind.WEB_API
        and endpoint.method == "GET"
        and endpoint.path is not None
        and not path_parameters(endpoint.path)
        and evaluate(endpoint, granted).callable
    )


def probe(
    hosts: Hosts,
    token: Token,
    catalogue: Catalogue,
    *,
    tls: ssl.SSLContext | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ProbeResult]:
    """Each endpoint's result as it arrives; stops when ``cancelled`` turns true."""
    for endpoint in probe_endpoints(catalogue, frozenset(token.granted)):
        if cancelled():
            return
        assert endpoint.path is not None  # probe_endpoints keeps only endpoints with a path
        try:
            response = send_call(hosts, token, ApiCall("GET", endpoint.path), tls=tls)
        except LiveError as error:
            yield ProbeResult(endpoint, _prediction(endpoint), 0, str(error), Verdict.NOT_CHECKED)
            continue
        yield _compare(endpoint, response, token, catalogue)


def _prediction(endpoint: Endpoint) -> str:
    if endpoint.deprecated:
        return "deprecated: success, or 403/404 for newer apps"
    return "success"


def _compare(
    endpoint: Endpoint, response: ApiResponse, token: Token, catalogue: Catalogue
) -> ProbeResult:
    answered = f"{response.status} {response.reason}".strip()
    explanation = explain(response, endpoint, token, catalogue)
    note = explanation.text if explanation is not None else ""
    if response.ok or (endpoint.deprecated and response.status in (403, 404)):
        verdict = Verdict.AGREES
    elif response.status in (400, 429) or response.status >= 500:
        verdict = Verdict.NOT_CHECKED
    else:
        verdict = Verdict.DIFFERS
    return ProbeResult(endpoint, _prediction(endpoint), response.status, answered, verdict, note)


def probe_report(results: list[ProbeResult], token: Token, catalogue: Catalogue) -> str:
    """The differences as plain text a catalogue maintainer can act on."""
    differences = [result for result in results if result.verdict is Verdict.DIFFERS]
    checked = sum(result.verdict is not Verdict.NOT_CHECKED for result in results)
    lines = [
        f"Scope Picker probe, catalogue {catalogue.version}",
        f"Granted scopes: {' '.join(token.granted) or '(none)'}",
        f"Endpoints probed: {len(results)}; checked: {checked}; differences: {len(differences)}",
    ]
    for result in differences:
        lines += [
            "",
            f"{result.endpoint.label} ({result.endpoint.id})",
            f"  catalogue: {result.endpoint.requirement.summary}; predicted {result.predicted}",
            f"  Spotify answered: {result.answered}",
        ]
        if result.note:
            lines.append(f"  {result.note}")
    return "\n".join(lines)
