"""The catalogue's objects (scopes, categories, endpoints and their scope requirements, the
sources) and ``Catalogue``, with the look-ups the rest of the app asks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from scope_picker.core.catalogue.development_mode import DevelopmentModeRules

DOCS_URL = "https://developer.spotify.com/documentation/web-api"
SCOPES_PAGE_URL = f"{DOCS_URL}/concepts/scopes"
REFERENCE_URL = f"{DOCS_URL}/reference"


class CatalogueError(ValueError):
    """The catalogue data is missing, unreadable or inconsistent; the message says where."""


class ScopeNote(StrEnum):
    """Facts about a scope that change how (or whether) an app can use it."""

    SDK_ONLY = "sdk-only"
    PREMIUM = "premium"
    PARTNER_ONLY = "partner-only"
    NO_ENDPOINTS = "no-endpoints"


SCOPE_NOTE_TEXT: Mapping[ScopeNote, str] = {
    ScopeNote.SDK_ONLY: "For Spotify's SDKs, not Web API endpoints.",
    ScopeNote.PREMIUM: "The user needs a Spotify Premium account.",
    ScopeNote.PARTNER_ONLY: (
        "Partner-only (Open Access): for approved partners; its endpoints belong to the "
        "Open Access partner API, not the Web API."
    ),
    ScopeNote.NO_ENDPOINTS: "Spotify's Scopes page lists no endpoint for this scope.",
}


class EndpointKind(StrEnum):
    """What a scope unlocks: a Web API operation, an SDK, or an Open Access partner call."""

    WEB_API = "web-api"
    SDK = "sdk"
    PARTNER = "partner"


class LibraryItem(StrEnum):
    """A kind of item the library endpoints (``/me/library``) save, remove or check."""

    TRACKS = "tracks"
    ALBUMS = "albums"
    EPISODES = "episodes"
    SHOWS = "shows"
    AUDIOBOOKS = "audiobooks"
    ARTISTS = "artists"
    USERS = "users"
    PLAYLISTS = "playlists"


DEFAULT_LIBRARY_ITEMS: frozenset[LibraryItem] = frozenset({LibraryItem.TRACKS})
"""What a library endpoint handles when the user has not said: tracks, as a like button does."""


@dataclass(frozen=True)
class ConsentChain:
    """Scopes that serve the same calls, from the one whose consent asks least to the most.

    Among answers with as many scopes, the least scopes pick the one that asks users less by
    these chains (``reason`` says why, ``source`` where that comes from), never by page order.
    """

    scopes: tuple[str, ...]
    reason: str
    source: str


@dataclass(frozen=True)
class Category:
    """A heading of the Scopes page ("Spotify Connect") that groups scopes."""

    id: str
    name: str


@dataclass(frozen=True)
class Scope:
    """One OAuth scope as Spotify publishes it.

    ``consent`` is the "Visible to users" wording shown on Spotify's consent screen, or None
    where Spotify publishes none.
    """

    name: str
    category: str
    description: str
    consent: str | None
    notes: tuple[ScopeNote, ...] = ()
    spec_consent: str | None = None

    @property
    def documentation_url(self) -> str:
        """The scope's anchor on Spotify's Scopes page."""
        return f"{SCOPES_PAGE_URL}#{self.name}"

    @property
    def note_texts(self) -> tuple[str, ...]:
        """Human-readable notes, in a stable order."""
        return tuple(SCOPE_NOTE_TEXT[note] for note in self.notes)


@dataclass(frozen=True)
class OptionalScope:
    """A scope an endpoint works without, but that unlocks more of its answer."""

    scope: str
    unlocks: str


@dataclass(frozen=True)
class Requirement:
    """How an endpoint depends on scopes.

    Every ``required`` scope must be granted; from each ``any_of`` group one scope suffices
    (``choice`` explains which applies when); ``optional`` scopes only add data.
    ``by_item`` settles an ``any_of`` group by the kind of library item the app handles:
    each kind with the scope it needs.
    """

    required: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    optional: tuple[OptionalScope, ...] = ()
    choice: str | None = None
    by_item: tuple[tuple[LibraryItem, str], ...] = ()

    def scopes_for_items(self, items: Iterable[LibraryItem]) -> frozenset[str]:
        """The scopes the given kinds of library item need (none without ``by_item``)."""
        wanted = frozenset(items)
        return frozenset(scope for item, scope in self.by_item if item in wanted)

    @property
    def needs_no_scope(self) -> bool:
        """True when the endpoint can be called with a token that has no scope at all."""
        return not self.required and not self.any_of

    @property
    def summary(self) -> str:
        """``needs a and one of b, c; optional: d`` in one line."""
        needs = [*self.required, *(f"one of {', '.join(group)}" for group in self.any_of)]
        text = "needs " + " and ".join(needs) if needs else "needs no scope"
        if self.optional:
            text += "; optional: " + ", ".join(option.scope for option in self.optional)
        return text

    @cached_property
    def scopes(self) -> frozenset[str]:
        """Every scope this requirement mentions (worked out once: every tick asks)."""
        return frozenset(self.required).union(
            *self.any_of, (option.scope for option in self.optional)
        )


@dataclass(frozen=True)
class EndpointReason:
    """Why an endpoint needs what it needs: what each source lists, what we follow, and why."""

    page: str
    spec: str
    follows: str
    because: str
    source: str | None

    @property
    def text(self) -> str:
        """The reason in a few sentences, for a tooltip or a details pane."""
        return f"{self.page} {self.spec} Scope Picker follows: {self.follows}. {self.because}"


def _listed(scopes: tuple[str, ...]) -> str:
    return ", ".join(scopes)


@dataclass(frozen=True)
class Endpoint:
    """A Web API operation, or an SDK / partner API that a scope unlocks."""

    id: str
    kind: EndpointKind
    name: str
    group: str
    method: str | None
    path: str | None
    requirement: Requirement
    deprecated: bool = False
    deprecation_note: str | None = None
    replaced_by: str | None = None
    premium_only: bool = False
    page_names: tuple[str, ...] = ()
    spec_scopes: tuple[str, ...] = ()
    page_scopes: tuple[str, ...] = ()
    requirement_note: str | None = None
    requirement_source: str | None = None
    external_url: str | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        """``GET /me/player`` for Web API operations, the name for anything else."""
        if self.method and self.path:
            return f"{self.method} {self.path}"
        return self.name

    @property
    def documentation_url(self) -> str:
        """The operation's reference page, or the SDK's / partner API's documentation."""
        if self.external_url:
            return self.external_url
        return f"{REFERENCE_URL}/{self.id}"

    @property
    def reason(self) -> EndpointReason:
        """What the Scopes page and the spec list for it, what we follow, and why."""
        if self.kind is not EndpointKind.WEB_API:
            spec = "The spec does not describe it (not a Web API endpoint)."
        elif self.spec_scopes:
            spec = f"The spec lists {_listed(self.spec_scopes)}."
        else:
            spec = "The spec lists no scope."
        if self.page_scopes:
            page = f"The Scopes page lists it under {_listed(self.page_scopes)}."
        else:
            page = "The Scopes page does not list it."
        if self.requirement_note:
            because = self.requirement_note
        elif self.page_scopes and not self.sources_disagree:
            because = "The sources agree."
        else:
            because = "One source is silent and the other leaves no doubt."
        return EndpointReason(
            page=page,
            spec=spec,
            follows=self.requirement.summary,
            because=because,
            source=self.requirement_source,
        )

    @property
    def sources_disagree(self) -> bool:
        """True when the Scopes page lists this endpoint under other scopes than the spec."""
        if self.kind is not EndpointKind.WEB_API or not self.page_scopes:
            return False
        return set(self.page_scopes) != set(self.spec_scopes)


@dataclass(frozen=True)
class Source:
    """A document the catalogue was derived from."""

    id: str
    title: str
    url: str | None
    date: str
    version: str | None
    role: str
    sha256: str | None = None


class Catalogue:
    """All scopes, categories and endpoints, with the look-ups the rest of the app needs.

    Immutable after construction; indexes are built once so that coverage questions cost
    time in proportion to the scopes involved, not to the whole catalogue.
    """

    def __init__(
        self,
        *,
        version: str,
        sources: Iterable[Source],
        categories: Iterable[Category],
        groups: Iterable[str],
        scopes: Iterable[Scope],
        endpoints: Iterable[Endpoint],
        consent_order: Iterable[ConsentChain] = (),
        development_mode: DevelopmentModeRules | None = None,
    ) -> None:
        self.version = version
        self.sources = tuple(sources)
        self.categories = tuple(categories)
        self.groups = tuple(groups)
        self.scopes = tuple(scopes)
        self.endpoints = tuple(endpoints)
        self.consent_order = tuple(consent_order)
        self.development_mode = development_mode or DevelopmentModeRules(
            guide_url="", changelog_url=""
        )
        self._consent_rank = {
            name: rank for chain in self.consent_order for rank, name in enumerate(chain.scopes)
        }
        self._scopes_by_name = {scope.name: scope for scope in self.scopes}
        self._scope_rank = {scope.name: rank for rank, scope in enumerate(self.scopes)}
        self._endpoints_by_id = {endpoint.id: endpoint for endpoint in self.endpoints}
        self._endpoint_rank = {endpoint.id: rank for rank, endpoint in enumerate(self.endpoints)}
        self._group_rank = {group: rank for rank, group in enumerate(self.groups)}
        by_scope: dict[str, list[Endpoint]] = {scope.name: [] for scope in self.scopes}
        for endpoint in self.endpoints:
            for name in endpoint.requirement.scopes:
                by_scope[name].append(endpoint)
        self._endpoints_by_scope = {name: tuple(found) for name, found in by_scope.items()}
        self._scopes_by_category = {
            category.id: tuple(s for s in self.scopes if s.category == category.id)
            for category in self.categories
        }

    @property
    def scope_names(self) -> tuple[str, ...]:
        """Scope names in catalogue (page) order."""
        return tuple(self._scopes_by_name)

    def has_scope(self, name: str) -> bool:
        """True when ``name`` is a scope of this catalogue (exact, case-sensitive)."""
        return name in self._scopes_by_name

    def scope(self, name: str) -> Scope:
        """The scope called ``name``; KeyError names it when it does not exist."""
        return self._scopes_by_name[name]

    def endpoint(self, endpoint_id: str) -> Endpoint:
        """The endpoint with this id (its operationId for Web API operations)."""
        return self._endpoints_by_id[endpoint_id]

    def has_endpoint(self, endpoint_id: str) -> bool:
        """True when an endpoint has this id."""
        return endpoint_id in self._endpoints_by_id

    def category(self, category_id: str) -> Category:
        """The category with this id."""
        return next(c for c in self.categories if c.id == category_id)

    def scopes_in(self, category_id: str) -> tuple[Scope, ...]:
        """The scopes of one category, in page order."""
        return self._scopes_by_category[category_id]

    def endpoints_in(self, group: str) -> tuple[Endpoint, ...]:
        """The endpoints of one reference group, as the catalogue lists them."""
        return tuple(e for e in self.endpoints if e.group == group)

    def endpoints_for_scope(self, name: str) -> tuple[Endpoint, ...]:
        """Endpoints whose requirement mentions the scope (required, alternative or optional)."""
        return self._endpoints_by_scope[name]

    def in_scope_order(self, names: Iterable[str]) -> tuple[str, ...]:
        """Known scope names, deduplicated and in catalogue order."""
        return tuple(sorted(set(names), key=self._scope_rank.__getitem__))

    def consent_rank(self, name: str) -> int:
        """How much a scope's consent asks within its consent chain (0: the least; no chain: 0)."""
        return self._consent_rank.get(name, 0)

    def deprecation_mark(self, endpoint: Endpoint) -> str:
        """``deprecated``, or ``deprecated, use GET /new/path`` when it has a replacement."""
        if endpoint.replaced_by is None:
            return "deprecated"
        return f"deprecated, use {self.endpoint(endpoint.replaced_by).label}"

    def endpoint_sort_key(self, endpoint: Endpoint) -> tuple[int, int]:
        """Orders endpoints by reference group, then as the catalogue lists them."""
        return (self._group_rank[endpoint.group], self._endpoint_rank[endpoint.id])
