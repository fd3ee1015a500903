"""The details pane: everything known about the scope (or category) under the cursor."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from scope_picker.core.catalogue import AppMode, Catalogue, Category, Endpoint, Scope
from scope_picker.core.coverage import emptied_scopes, no_gain_text, removal, unavailable_text
from scope_picker.ui.shared.palette import PaletteAwareBrowser
from scope_picker.ui.shared.wording import plural

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # a link's address; Qt makes it, so no import at start

NO_CONSENT_TEXT = "Spotify publishes no consent wording for this scope."
PLACEHOLDER_TEXT = (
    "Move to a scope to see its description, the consent wording users see, its notes "
    "and the endpoints it concerns."
)


def scope_role(endpoint: Endpoint, scope_name: str, emptied: frozenset[str] = frozenset()) -> str:
    """How ``endpoint`` depends on the scope: required, one of several, or optional.

    ``emptied``: optional scopes whose whole gain the app's mode removed.
    """
    requirement = endpoint.requirement
    if scope_name in requirement.required:
        return "required"
    for group in requirement.any_of:
        if scope_name in group:
            others = " or ".join(name for name in group if name != scope_name)
            return f"either this or {others}"
    for option in requirement.optional:
        if option.scope == scope_name:
            adds = no_gain_text(option) if scope_name in emptied else option.unlocks
            return f"optional: adds {adds}"
    raise ValueError(f"endpoint '{endpoint.id}' does not depend on scope '{scope_name}'")


class ScopeDetails(PaletteAwareBrowser):
    """Read-only rich text about one scope, with links to Spotify's documentation.

    A link (clicked, or reached with Tab and opened with Enter) is not followed here: its
    address goes out in :attr:`documentation_requested` for the window to open in a browser.
    """

    documentation_requested = Signal(str)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._request_documentation)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        """Nothing is current: say what the pane is for."""
        self.show_html(lambda: f"<p>{escape(PLACEHOLDER_TEXT)}</p>")

    def show_category(self, category: Category) -> None:
        """A category is current: list its scopes."""
        scopes = self._catalogue.scopes_in(category.id)
        items = "".join(
            f"<li><b>{escape(scope.name)}</b>: {escape(scope.description)}</li>" for scope in scopes
        )
        self.show_html(
            lambda: (
                f"<h3>{escape(category.name)}</h3>"
                f"<p>Ticking the category ticks (or unticks) its {plural(len(scopes), 'scope')} "
                f"at once:</p><ul>{items}</ul>"
            )
        )

    def show_scope(
        self,
        scope: Scope,
        pick_note: str | None = None,
        *,
        flagged: bool = False,
        mode: AppMode = AppMode.DEVELOPMENT,
    ) -> None:
        """A scope is current: description, consent wording, notes, endpoints and links.

        ``pick_note`` says how the scope relates to the picked endpoints; ``flagged`` marks
        a ticked scope that none of them needs; ``mode``, the app's quota mode, marks the
        endpoints and gains that mode lost.
        """
        self.show_html(lambda: self._scope_html(scope, pick_note, flagged=flagged, mode=mode))

    def _request_documentation(self, url: QUrl) -> None:
        self.documentation_requested.emit(url.toString())

    def _link(self, url: str, text_html: str) -> str:
        return f'<a href="{escape(url)}" style="color:{self.link_colour_name()}">{text_html}</a>'

    def _scope_html(
        self, scope: Scope, pick_note: str | None, *, flagged: bool, mode: AppMode
    ) -> str:
        category = self._catalogue.category(scope.category)
        scopes_page = self._link(
            scope.documentation_url, f"{escape(scope.name)} on Spotify's Scopes page"
        )
        parts = [
            f"<h3>{escape(scope.name)}</h3>",
            f"<p>Category: {escape(category.name)} · {scopes_page}</p>",
        ]
        if pick_note:
            warning = "⚠ Ticked, but " if flagged else ""
            parts.append(f"<p><b>Picked endpoints:</b> {warning}{escape(pick_note)}</p>")
        parts += [
            f"<p>{escape(scope.description)}</p>",
            f"<p><b>Users are asked:</b> {self._consent_html(scope)}</p>",
        ]
        if scope.note_texts:
            notes = "".join(f"<li>{escape(text)}</li>" for text in scope.note_texts)
            parts.append(f"<p><b>Notes</b></p><ul>{notes}</ul>")
        parts.append(self._endpoints_html(scope, mode))
        return "".join(parts)

    @staticmethod
    def _consent_html(scope: Scope) -> str:
        if scope.consent is None:
            return f"<i>{escape(NO_CONSENT_TEXT)}</i>"
        return f"“{escape(scope.consent)}”"

    def _endpoints_html(self, scope: Scope, mode: AppMode) -> str:
        endpoints = sorted(
            self._catalogue.endpoints_for_scope(scope.name), key=self._catalogue.endpoint_sort_key
        )
        if not endpoints:
            return "<p><b>Endpoints:</b> none listed for this scope.</p>"
        items = []
        for endpoint in endpoints:
            marks = [
                scope_role(endpoint, scope.name, emptied_scopes(self._catalogue, endpoint, mode))
            ]
            if (removed := removal(self._catalogue, endpoint, mode)) is not None:
                marks.append(unavailable_text(removed))
            if endpoint.deprecated:
                marks.append("deprecated")
            if endpoint.premium_only:
                marks.append("Premium only")
            label = escape(endpoint.label)
            if endpoint.label != endpoint.name:
                label = f"<code>{label}</code> {escape(endpoint.name)}"
            label = self._link(endpoint.documentation_url, label)
            why = (
                f"<br><small>Why: {escape(endpoint.reason.text)}</small>"
                if endpoint.requirement_note
                else ""
            )
            items.append(f"<li>{label} <i>({escape(', '.join(marks))})</i>{why}</li>")
        return f"<p><b>Endpoints it concerns ({len(endpoints)})</b></p><ul>{''.join(items)}</ul>"
