"""Small helpers for the sentences the window shows."""

import re
from html import escape

_HYPHENATED = re.compile(r"[\w.]+(?:-[\w.]+)+")
WORD_JOINER = "\u2060"
"""Invisible, and no line breaks beside it: put after a name's hyphens, it keeps the name
on one line (Qt's rich text ignores ``white-space: nowrap`` inside a paragraph)."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 scope``, ``3 scopes``: the count with the noun in the right number."""
    noun = singular if count == 1 else plural_form or singular + "s"
    return f"{count} {noun}"


def html_keeping_names_whole(text: str) -> str:
    """``text`` escaped for a rich-text label, a word joiner after each hyphen of a
    hyphenated name (a scope): a line may break before or after ``user-read-playback-state``,
    never inside it. The hyphens stay ASCII; ``keep_copies_plain`` takes the joiners out of
    anything copied from the window."""
    return _HYPHENATED.sub(
        lambda match: match.group().replace("-", "-" + WORD_JOINER), escape(text)
    )


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter (unless it starts with a name such as
    a scope, kept as spelt) and a full stop at the end."""
    text = text.strip()
    first_word = text.split(" ", 1)[0]
    if first_word.isalpha() and first_word.islower():
        text = text[:1].upper() + text[1:]
    return text + ("" if text.endswith((".", "!", "?")) else ".")
