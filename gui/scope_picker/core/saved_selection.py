"""The ticked scopes and the endpoint picks as saved between runs, and how they are read back.

The ticked scopes are saved as the scope string itself; the picks as three texts (picked
endpoint ids, choices made, optional scopes wanted). Whatever comes back is untrusted (a
settings file from an older version, edited by hand or damaged): reading it never raises,
keeps what still makes sense against the catalogue and names what it ignored, briefly, so the
window can say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.endpoint_plan import EndpointPlan

NAMES_SHOWN = 3
"""At most this many ignored names are quoted; the rest are counted."""
NAME_LENGTH_SHOWN = 40
"""Longer ignored names (garbage, most likely) are cut to this length in messages."""
PICKED, CHOICES, OPTIONAL = "endpoints", "choices", "optional"
"""The three texts an endpoint plan is saved as, by name."""


@dataclass(frozen=True)
class RestoredScopes:
    """The known scopes read from a saved value, and a phrase naming what was ignored."""

    scopes: tuple[str, ...]
    ignored: str | None = None


def saved_value(scopes: Sequence[str]) -> str:
    """The value to save for these scopes (catalogue order expected): the scope string."""
    return " ".join(scopes)


def restore_scopes(catalogue: Catalogue, stored: object) -> RestoredScopes:
    """Read a saved value back; ``None`` (nothing saved) restores an empty selection."""
    if stored is None:
        return RestoredScopes(())
    if not isinstance(stored, str):
        return RestoredScopes((), f"the saved scopes ({type(stored).__name__}, not text)")
    names = stored.split()
    known = [name for name in names if catalogue.has_scope(name)]
    unknown = list(dict.fromkeys(name for name in names if not catalogue.has_scope(name)))
    ignored = _names_phrase("unknown saved scope", unknown) if unknown else None
    return RestoredScopes(catalogue.in_scope_order(known), ignored)


def saved_plan(plan: EndpointPlan) -> dict[str, str]:
    """The texts to save for the plan's picks: endpoint ids, choices as ``a+b=a`` (the options,
    then the one preferred), and the optional scopes wanted, each space-separated."""
    return {
        PICKED: " ".join(endpoint.id for endpoint in plan.picked),
        CHOICES: " ".join(
            "+".join(plan.catalogue.in_scope_order(options)) + "=" + preferred
            for options, preferred in plan.preferences.items()
        ),
        OPTIONAL: " ".join(plan.catalogue.in_scope_order(plan.wanted_optional)),
    }


def restore_plan(plan: EndpointPlan, stored: Mapping[str, object]) -> str | None:
    """Put saved texts (by ``saved_plan``'s names; missing ones are nothing saved) back into a
    fresh plan, keeping what the catalogue still allows; a phrase naming the rest, or None."""
    texts: dict[str, list[str]] = {}
    for name, what in ((PICKED, "endpoints"), (CHOICES, "choices"), (OPTIONAL, "optional scopes")):
        value = stored.get(name)
        if value is not None and not isinstance(value, str):
            return f"the saved picked {what} ({type(value).__name__}, not text)"
        texts[name] = value.split() if isinstance(value, str) else []
    ignored: list[str] = []
    bad_choices = [token for token in texts[CHOICES] if not _restore_choice(plan, token)]
    ids = texts[PICKED]
    known_ids = [i for i in ids if plan.catalogue.has_endpoint(i)]
    plan.set_picked(known_ids, True)
    bad_optional = [name for name in texts[OPTIONAL] if not _restore_optional(plan, name)]
    for names, phrase in (
        (list(dict.fromkeys(i for i in ids if i not in known_ids)), "unknown saved endpoint"),
        (bad_choices, "saved choice"),
        (bad_optional, "saved optional scope"),
    ):
        if names:
            ignored.append(_names_phrase(phrase, names))
    return "; ".join(ignored) or None


def _restore_choice(plan: EndpointPlan, token: str) -> bool:
    """Apply one ``a+b=a`` choice; False if it is malformed or names an unknown scope."""
    options_text, _, preferred = token.partition("=")
    options = options_text.split("+")
    if len(options) < 2 or not all(plan.catalogue.has_scope(name) for name in options):
        return False
    try:
        plan.prefer(options, preferred)
    except ValueError:
        return False
    return True


def _restore_optional(plan: EndpointPlan, scope: str) -> bool:
    """Ask for one optional scope again; False if no picked endpoint offers it now."""
    try:
        plan.want_optional(scope, True)
    except ValueError:
        return False
    return True


def _names_phrase(singular: str, names: Sequence[str]) -> str:
    """``unknown saved scopes 'a', 'b', 'c', 2 more``: a few names quoted, the rest counted."""
    quoted = [f"'{_shorten(name)}'" for name in names[:NAMES_SHOWN]]
    more = len(names) - NAMES_SHOWN
    if more > 0:
        quoted.append(f"{more} more")
    noun = singular if len(names) == 1 else singular + "s"
    return f"{noun} {', '.join(quoted)}"


def _shorten(name: str) -> str:
    """Printable and short: damaged settings can hold control characters and long runs."""
    printable = "".join(char if char.isprintable() else "?" for char in name)
    if len(printable) <= NAME_LENGTH_SHOWN:
        return printable
    return printable[: NAME_LENGTH_SHOWN - 1] + "…"
