"""How the benchmarks tell that a window has been painted, without changing the program:
Qt's painting log, switched on from the environment, names each flush to the screen."""

QT_PAINTING_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true"}
"""Switched on, Qt's painting log tells when a window is first flushed to the screen."""


def is_first_flush(line: str) -> bool:
    """The painting log's line for a window's flush to the screen, after every widget in it
    has painted; any Qt widgets program writes it, frozen or not, changed in no way."""
    return line.startswith("qt.widgets.painting: Flushing") and "to QWidget" in line
