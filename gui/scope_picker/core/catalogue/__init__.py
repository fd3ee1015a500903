"""The scope catalogue: Spotify's OAuth scopes and the endpoints they unlock, loaded from data.

``resources/catalogue.json`` is generated from Spotify's Scopes page and the Web API's OpenAPI
description. ``model`` holds the immutable objects and the look-ups; ``loader`` reads and
validates the file. This module only names the public parts.
"""

from scope_picker.core.catalogue.development_mode import (
    AppMode,
    DevelopmentModeRules,
    EndpointRule,
    RemovedEndpoint,
    RemovedFields,
)
from scope_picker.core.catalogue.loader import SUPPORTED_FORMAT, load_catalogue
from scope_picker.core.catalogue.model import (
    DEFAULT_LIBRARY_ITEMS,
    DOCS_URL,
    REFERENCE_URL,
    SCOPES_PAGE_URL,
    Catalogue,
    CatalogueError,
    Category,
    ConsentChain,
    Endpoint,
    EndpointKind,
    EndpointReason,
    LibraryItem,
    OptionalScope,
    Requirement,
    Scope,
    ScopeNote,
    Source,
)

__all__ = [
    "DEFAULT_LIBRARY_ITEMS",
    "DOCS_URL",
    "REFERENCE_URL",
    "SCOPES_PAGE_URL",
    "SUPPORTED_FORMAT",
    "AppMode",
    "Catalogue",
    "CatalogueError",
    "Category",
    "ConsentChain",
    "DevelopmentModeRules",
    "Endpoint",
    "EndpointKind",
    "EndpointReason",
    "EndpointRule",
    "LibraryItem",
    "OptionalScope",
    "RemovedEndpoint",
    "RemovedFields",
    "Requirement",
    "Scope",
    "ScopeNote",
    "Source",
    "load_catalogue",
]
