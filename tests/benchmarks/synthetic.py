"""Synthetic catalogues N times the real one, to see how the picker's cost grows with it.

Every scope is cloned N-1 times with a suffixed name and kept in its category; every endpoint
is cloned as often, its requirement (required, alternatives, optional), its listed scopes and
its replacement remapped to the same copy. Copy 0 is the real catalogue, unchanged, so a
scaled catalogue has N times the scopes, endpoints and per-category scopes, and the same
categories and reference groups.
"""

from __future__ import annotations

from dataclasses import replace

from scope_picker.core.catalogue import Catalogue, Endpoint, OptionalScope, Requirement, Scope


def copy_name(name: str, copy: int) -> str:
    """The name (or id) of ``name`` in copy ``copy``; copy 0 keeps the real name."""
    return name if copy == 0 else f"{name}--{copy}"


def scaled_catalogue(catalogue: Catalogue, factor: int) -> Catalogue:
    """A catalogue ``factor`` times ``catalogue``, as described in the module docstring."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    scopes = [_clone_scope(scope, copy) for copy in range(factor) for scope in catalogue.scopes]
    endpoints = [
        _clone_endpoint(endpoint, copy)
        for copy in range(factor)
        for endpoint in catalogue.endpoints
    ]
    return Catalogue(
        version=f"{catalogue.version}+synthetic-x{factor}",
        sources=catalogue.sources,
        categories=catalogue.categories,
        groups=catalogue.groups,
        scopes=scopes,
        endpoints=endpoints,
    )


def _clone_scope(scope: Scope, copy: int) -> Scope:
    return replace(scope, name=copy_name(scope.name, copy))


def _clone_endpoint(endpoint: Endpoint, copy: int) -> Endpoint:
    if copy == 0:
        return endpoint

    def names(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(copy_name(name, copy) for name in found)

    requirement = endpoint.requirement
    return replace(
        endpoint,
        id=copy_name(endpoint.id, copy),
        name=f"{endpoint.name} ({copy})",
        path=None if endpoint.path is None else f"{endpoint.path}/{copy}",
        requirement=Requirement(
            required=names(requirement.required),
            any_of=tuple(names(group) for group in requirement.any_of),
            optional=tuple(
                OptionalScope(copy_name(option.scope, copy), option.unlocks)
                for option in requirement.optional
            ),
            choice=requirement.choice,
        ),
        replaced_by=None if endpoint.replaced_by is None else copy_name(endpoint.replaced_by, copy),
        spec_scopes=names(endpoint.spec_scopes),
        page_scopes=names(endpoint.page_scopes),
    )
