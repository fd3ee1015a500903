"""The one exception of going live: a plain message for the user, never a traceback."""

from __future__ import annotations


class LiveError(Exception):
    """Something stopped a live step; ``str()`` is a sentence to show as it is."""


class CancelledError(LiveError):
    """The user cancelled the attempt."""

    def __init__(self) -> None:
        super().__init__("Cancelled: no token was requested.")
