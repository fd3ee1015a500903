"""Small helpers for the sentences the window shows."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 scope``, ``3 scopes``: the count with the noun in the right number."""
    noun = singular if count == 1 else plural_form or singular + "s"
    return f"{count} {noun}"
