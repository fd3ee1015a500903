"""The text output of each command: aligned tables of scopes and endpoints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from scope_picker.core.catalogue import (
    AppMode,
    Catalogue,
    Endpoint,
    EndpointKind,
)
from scope_picker.core.coverage import (
    Coverage,
    CoverageLevel,
    EndpointCoverage,
    public_endpoints,
    removal,
    unavailable_text,
)
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.least_scopes import LeastScopes
from scope_picker.core.scope_string import ParsedScopes

NO_WORDING = "no published wording"

KIND_TEXT: Mapping[EndpointKind, str] = {
    EndpointKind.WEB_API: "Web API",
    EndpointKind.SDK: "SDK",
    EndpointKind.PARTNER: "Open Access partner API",
}


def explain_lines(
    catalogue: Catalogue, parsed: ParsedScopes, coverage: Coverage, mode: AppMode
) -> list[str]:
    scopes = [catalogue.scope(name) for name in coverage.scopes]
    lines = [f"Scopes ({len(scopes)})"]
    width = column_width(s.name for s in scopes)
    for scope in scopes:
        lines.append(f"  {scope.name:<{width}}  {catalogue.category(scope.category).name}")
        lines += [f"  {'':<{width}}  note: {text}" for text in scope.note_texts]
    if not scopes:
        lines.append("  none")
    messages = parsed.messages()
    if messages:
        lines += ["", f"Problems ({len(messages)})", *(f"  {text}" for text in messages)]
    if scopes:
        lines += ["", "Consent screen"]
        lines += [f"  {s.name:<{width}}  {s.consent or NO_WORDING}" for s in scopes]

    web = [e for e in coverage.endpoints if e.endpoint.kind is EndpointKind.WEB_API]
    other = [e for e in coverage.endpoints if e.endpoint.kind is not EndpointKind.WEB_API]
    callable_web = [e for e in web if e.callable]
    unavailable_web = [e for e in web if e.removed is not None]
    blocked_web = [e for e in web if not e.callable and e.removed is None]
    lines += ["", f"Endpoints covered ({len(callable_web)})"]
    lines += endpoint_table(
        catalogue, [e.endpoint for e in callable_web], [coverage_note(e) for e in callable_web]
    )
    if not callable_web:
        public = public_endpoints(catalogue)
        gone = sum(removal(catalogue, endpoint, mode) is not None for endpoint in public)
        line = f"  none beyond the {len(public) - gone} endpoints that need no scope"
        lines.append(
            line + (f" ({gone} more are unavailable in {mode.display_name})" if gone else "")
        )
    if blocked_web:
        lines += ["", f"Blocked ({len(blocked_web)})"]
        lines += endpoint_table(
            catalogue, [e.endpoint for e in blocked_web], [coverage_note(e) for e in blocked_web]
        )
    if unavailable_web:
        lines += ["", f"Unavailable in Development mode ({len(unavailable_web)})"]
        lines += endpoint_table(
            catalogue,
            [e.endpoint for e in unavailable_web],
            [coverage_note(e) for e in unavailable_web],
        )
        lines.append(f"  ({catalogue.development_mode.guide_url}; --mode extended otherwise)")
    if other:
        lines += ["", f"SDKs and partner APIs ({len(other)})"]
        width = column_width(e.endpoint.name for e in other)
        for entry in other:
            target = entry.endpoint
            note = coverage_note(entry)
            lines.append(
                f"  {target.name:<{width}}  {KIND_TEXT[target.kind]}, "
                f"{target.documentation_url}{f'  ({note})' if note else ''}"
            )
    lines += ["", "Scope string", coverage.scope_string]
    return lines


def coverage_note(entry: EndpointCoverage) -> str:
    """The bracketed note after an endpoint: what is missing, or a granted scope's lost gain."""
    if entry.removed is not None or entry.level is CoverageLevel.FULL:
        return entry.explain()
    return f"{entry.level.value}: {entry.explain()}"


def _why_no_scope(picked: int, result: LeastScopes) -> str:
    """Why the least scopes are none: the endpoints need none, or the mode removed them."""
    if not result.unavailable:
        return "every endpoint here works without a scope"
    mode = result.mode.display_name
    if len(result.unavailable) == picked:
        return f"no endpoint here is available in {mode}"
    return f"the endpoints here that {mode} allows work without a scope"


def for_endpoints_lines(
    catalogue: Catalogue, endpoints: Sequence[Endpoint], plan: EndpointPlan
) -> list[str]:
    result = plan.result
    lines = [f"Endpoints ({len(endpoints)})"]
    lines += endpoint_table(catalogue, endpoints, [e.requirement.summary for e in endpoints])
    if result.unavailable:
        lines += ["", f"Unavailable in {result.mode.display_name} ({len(result.unavailable)})"]
    for endpoint, removed in result.unavailable:
        instead = (
            f"; use {catalogue.endpoint(removed.use_instead).label}" if removed.use_instead else ""
        )
        lines += [
            f"  {endpoint.label}  {endpoint.name}",
            f"      {unavailable_text(removed)}{instead} (--mode extended if your app has "
            "Extended quota)",
            f"      {removed.source}",
        ]
    for endpoint, rule in result.rules:
        lines += ["", f"Note for {endpoint.label}: {rule.text}", f"      {rule.source}"]
    lines += ["", f"Scopes ({len(plan.scopes)})"]
    for name in plan.scopes:
        lines += [f"  {name}", f"      {plan.explain(name)}"]
    if not plan.scopes:
        lines.append(f"  none: {_why_no_scope(len(endpoints), result)}")
    if result.choices:
        lines += ["", f"Choices ({len(result.choices)})"]
    for choice in result.choices:
        options = " or ".join(choice.options)
        if choice.chosen is None:
            settled = ", ".join(result.settled_by(choice))
            lines.append(f"  {options}: settled by {settled}, needed anyway")
        else:
            lines.append(f"  {options}: picked {choice.chosen}")
        lines.append(f"      for: {', '.join(e.name for e in choice.endpoints)}")
        if choice.note:
            lines.append(f"      {choice.note}")
        if choice.chosen is not None:
            others = ", ".join(o for o in choice.options if o != choice.chosen)
            lines.append(f"      other options: {others} (--prefer one to pick it)")
    left_out = [name for name in result.optional if not plan.wants_optional(name)]
    if left_out:
        lines += ["", f"Optional scopes, left out ({len(left_out)})"]
    for name in left_out:
        lines.append(f"  {name}")
        lines += [
            f"      adds to {endpoint.name}: {unlocks}" for endpoint, unlocks in result.adds(name)
        ]
    if left_out:
        lines.append("  (--optional SCOPE asks for one)")
    lines += ["", "Scope string", " ".join(plan.scopes)]
    return lines


def list_lines(catalogue: Catalogue, *, with_endpoints: bool) -> list[str]:
    lines: list[str] = []
    for category in catalogue.categories:
        lines += ["", category.name] if lines else [category.name]
        for scope in catalogue.scopes_in(category.id):
            lines += [
                f"  {scope.name}",
                f"      {scope.description}",
                f"      consent: {scope.consent or NO_WORDING}",
                *(f"      note: {text}" for text in scope.note_texts),
            ]
    if with_endpoints:
        for group in catalogue.groups:
            endpoints = catalogue.endpoints_in(group)
            lines += ["", f"Endpoints: {group}"]
            lines += endpoint_table(
                catalogue, endpoints, [e.requirement.summary for e in endpoints]
            )
    return lines


def endpoint_table(
    catalogue: Catalogue, endpoints: Sequence[Endpoint], notes: Sequence[str]
) -> list[str]:
    """``PUT  /me/player/play  Start/Resume Playback  [note]  [Premium only]``, aligned."""
    method_width = column_width(e.method or "" for e in endpoints)
    path_width = column_width(e.path or e.name for e in endpoints)
    rows = []
    for endpoint, note in zip(endpoints, notes, strict=True):
        if endpoint.method:
            where = f"{endpoint.method:<{method_width}}  {endpoint.path:<{path_width}}  "
            name = endpoint.name
        else:
            where, name = "", f"{endpoint.name} ({KIND_TEXT[endpoint.kind]})"
        marks = [catalogue.deprecation_mark(endpoint)] if endpoint.deprecated else []
        marks += [note] if note else []
        marks += ["Premium only"] if endpoint.premium_only else []
        rows.append(f"  {where}{name}" + "".join(f"  [{mark}]" for mark in marks))
    return rows


def column_width(texts: Iterable[str]) -> int:
    return max((len(text) for text in texts), default=0)
