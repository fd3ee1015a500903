"""Presets resolve to the scopes their descriptions promise."""

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.presets import presets


def test_presets(catalogue: Catalogue) -> None:
    by_id = {preset.id: preset.scopes for preset in presets(catalogue)}
    assert by_id["read-only"] == (
        "user-read-playback-state",
        "user-read-currently-playing",
        "playlist-read-private",
        "playlist-read-collaborative",
        "user-follow-read",
        "user-read-playback-position",
        "user-top-read",
        "user-read-recently-played",
        "user-library-read",
        "user-read-email",
        "user-read-private",
    )
    assert by_id["library"] == ("user-library-modify", "user-library-read")
    assert by_id["playback-control"] == (
        "user-read-playback-state",
        "user-modify-playback-state",
        "user-read-currently-playing",
    )
    assert by_id["web-playback-sdk"] == ("streaming", "user-read-email", "user-read-private")
    assert len(by_id["all-but-partner"]) == 20
    assert not {"user-soa-link", "soa-create-partner"} & set(by_id["all-but-partner"])


def test_every_preset_is_described(catalogue: Catalogue) -> None:
    for preset in presets(catalogue):
        assert preset.name
        assert preset.description.endswith(".")
        assert preset.scopes


def test_presets_are_named_for_the_presets_menu_in_this_order(catalogue: Catalogue) -> None:
    assert [(preset.id, preset.name) for preset in presets(catalogue)] == [
        ("read-only", "Read-only"),
        ("library", "Library"),
        ("playback-control", "Playback control"),
        ("web-playback-sdk", "Web Playback SDK"),
        ("all-but-partner", "Everything except partner-only"),
    ]
