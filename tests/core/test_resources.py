"""The resources package's files are found from the package, wherever the app is installed."""

from scope_picker.core.resources import CATALOGUE_FILE, ICON_FILE, resource


def test_catalogue_and_icon_are_reachable() -> None:
    assert resource(CATALOGUE_FILE).is_file()
    assert resource(ICON_FILE).is_file()
    assert resource(ICON_FILE).read_text(encoding="utf-8").lstrip().startswith("<svg")
