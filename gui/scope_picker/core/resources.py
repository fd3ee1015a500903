"""One way to reach the files in ``resources/``, wherever the app runs from.

The folder is installed as the package ``scope_picker.resources`` (see pyproject.toml and the
PyInstaller spec), so ``importlib.resources`` finds it in an editable checkout, an installed
wheel and a frozen bundle alike; nothing here depends on the working directory.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable

RESOURCE_PACKAGE = "scope_picker.resources"
CATALOGUE_FILE = "catalogue.json"
ICON_FILE = "scope-picker.svg"


def resource(name: str) -> Traversable:
    """Return the named file of the resources package."""
    return files(RESOURCE_PACKAGE).joinpath(name)
