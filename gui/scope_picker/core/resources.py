"""One way to reach the files in ``resources/``, wherever the app runs from.

The folder is installed as the package ``scope_picker.resources`` (see pyproject.toml and the
PyInstaller spec), and its files are real files in that package's folder in every way the app
runs: an editable checkout, an installed wheel and a frozen bundle alike. So they are found
from the package itself, not the working directory. Not through ``importlib.resources``:
importing it cost every start about 4 ms (tests/benchmarks/bench.py measures cold starts).
"""

from pathlib import Path

import scope_picker.resources

CATALOGUE_FILE = "catalogue.json"
ICON_FILE = "scope-picker.svg"


def resource(name: str) -> Path:
    """Return the path of the named file of the resources package."""
    return Path(scope_picker.resources.__path__[0], name)
