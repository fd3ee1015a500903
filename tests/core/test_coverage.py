"""Selections of scopes give covered endpoints, consent lines and the scope string."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scope_picker.core.catalogue import AppMode, Catalogue, EndpointKind
from scope_picker.core.coverage import (
    Coverage,
    CoverageLevel,
    EndpointCoverage,
    cover,
    evaluate,
    public_endpoints,
)
from scope_picker.core.selection import Selection


def _levels(catalogue: Catalogue, *scopes: str) -> dict[str, CoverageLevel]:
    return {entry.endpoint.id: entry.level for entry in cover(catalogue, scopes).endpoints}


def test_empty_selection_covers_nothing(catalogue: Catalogue) -> None:
    coverage = cover(catalogue, [])
    assert coverage.endpoints == ()
    assert coverage.consent == ()
    assert coverage.scope_string == ""


def test_scope_string_is_ordered_deduplicated_single_spaced(catalogue: Catalogue) -> None:
    coverage = cover(catalogue, ["user-read-email", "ugc-image-upload", "user-read-email"])
    assert coverage.scope_string == "ugc-image-upload user-read-email"


def test_consent_lines_in_catalogue_order_with_unpublished_ones(catalogue: Catalogue) -> None:
    coverage = cover(catalogue, ["user-personalized", "streaming", "ugc-image-upload"])
    assert [(line.scope.name, line.text) for line in coverage.consent] == [
        ("ugc-image-upload", "Upload images to Spotify on your behalf."),
        ("streaming", "Play content and control playback on your other devices."),
        ("user-personalized", None),
    ]


def test_full_coverage(catalogue: Catalogue) -> None:
    levels = _levels(catalogue, "user-read-playback-state")
    assert levels["get-a-users-available-devices"] is CoverageLevel.FULL
    assert levels["get-information-about-the-users-current-playback"] is CoverageLevel.FULL
    assert levels["get-the-users-currently-playing-track"] is CoverageLevel.FULL
    assert levels["get-queue"] is CoverageLevel.BLOCKED


def _profile(catalogue: Catalogue, scopes: list[str], mode: AppMode) -> EndpointCoverage:
    coverage = cover(catalogue, scopes, mode=mode)
    return next(e for e in coverage.endpoints if e.endpoint.id == "get-current-users-profile")


def test_partial_coverage_says_what_the_missing_scope_adds(catalogue: Catalogue) -> None:
    profile = _profile(catalogue, ["user-read-private"], AppMode.EXTENDED)
    assert profile.level is CoverageLevel.PARTIAL
    assert profile.explain() == "user-read-email adds the email address"
    full = cover(catalogue, ["user-read-private", "user-read-email"], mode=AppMode.EXTENDED)
    assert (
        next(e for e in full.endpoints if e.endpoint.id == "get-current-users-profile").level
        is CoverageLevel.FULL
    )


def test_in_development_mode_a_scope_whose_fields_spotify_removed_adds_nothing(
    catalogue: Catalogue,
) -> None:
    """The February 2026 migration guide: GET /me no longer returns email, country, product
    or explicit_content to Development-mode apps, so neither scope is missing, nor a gain."""
    profile = _profile(catalogue, ["user-read-email"], AppMode.DEVELOPMENT)
    assert profile.level is CoverageLevel.FULL
    assert profile.missing_optional == ()
    assert profile.explain() == (
        "user-read-email adds nothing in Development mode: "
        "Spotify no longer returns the email address"
    )
    both = _profile(catalogue, ["user-read-private", "user-read-email"], AppMode.DEVELOPMENT)
    assert [option.scope for option in both.without_gain] == [
        "user-read-private",
        "user-read-email",
    ]
    extended = _profile(catalogue, ["user-read-email"], AppMode.EXTENDED)
    assert extended.without_gain == ()
    assert extended.explain() == (
        "user-read-private adds the country, subscription level (product) and "
        "explicit-content settings"
    )


def test_blocked_endpoint_says_what_it_also_needs(catalogue: Catalogue) -> None:
    coverage = cover(catalogue, ["ugc-image-upload"])
    [upload] = coverage.endpoints
    assert upload.level is CoverageLevel.BLOCKED
    assert upload.explain() == "also needs playlist-modify-public or playlist-modify-private"
    assert not upload.callable


@pytest.mark.parametrize(
    ("endpoint_id", "explanation"),
    [
        ("get-queue", "also needs user-read-currently-playing and user-read-playback-state"),
        (
            "upload-custom-playlist-cover",
            "also needs ugc-image-upload and playlist-modify-public or playlist-modify-private",
        ),
        (
            "get-current-users-profile",
            "user-read-private adds the country, subscription level (product) and "
            "explicit-content settings; user-read-email adds the email address",
        ),
    ],
)
def test_an_explanation_names_everything_missing(
    catalogue: Catalogue, endpoint_id: str, explanation: str
) -> None:
    """The endpoint picker judges endpoints against any grant, none at all included."""
    assert evaluate(catalogue.endpoint(endpoint_id), frozenset()).explain() == explanation


def test_an_endpoint_removed_in_development_mode_says_since_when(catalogue: Catalogue) -> None:
    def save_tracks(mode: AppMode) -> tuple[CoverageLevel, bool, str]:
        coverage = cover(catalogue, ["user-library-modify"], mode=mode)
        [entry] = [e for e in coverage.endpoints if e.endpoint.id == "save-tracks-user"]
        return entry.level, entry.callable, entry.explain()

    assert save_tracks(AppMode.DEVELOPMENT) == (
        CoverageLevel.FULL,
        False,
        "unavailable in Development mode since 2026-02-11",
    )
    assert save_tracks(AppMode.EXTENDED) == (CoverageLevel.FULL, True, "")


def test_coverage_levels_are_named_as_the_json_documents_them() -> None:
    """README, the ``explain`` JSON: ``level`` is ``full``, ``partial`` or ``blocked``."""
    assert [level.value for level in CoverageLevel] == ["full", "partial", "blocked"]


def test_either_playlist_scope_covers_playlist_writes(catalogue: Catalogue) -> None:
    for scope in ("playlist-modify-public", "playlist-modify-private"):
        assert _levels(catalogue, scope)["add-items-to-playlist"] is CoverageLevel.FULL


def test_endpoints_grouped_by_reference_group(catalogue: Catalogue) -> None:
    coverage = cover(catalogue, [s.name for s in catalogue.scopes])
    groups = [entry.endpoint.group for entry in coverage.endpoints]
    ranks = [catalogue.groups.index(group) for group in groups]
    assert ranks == sorted(ranks)
    assert groups[-1] == "Open Access"
    assert {e.endpoint.kind for e in coverage.endpoints} == set(EndpointKind)


def test_public_endpoints_need_no_scope(catalogue: Catalogue) -> None:
    public = public_endpoints(catalogue)
    assert all(e.requirement.needs_no_scope for e in public)
    assert {"get-an-album", "get-current-users-profile"} <= {e.id for e in public}
    assert len(public) == len([e for e in catalogue.endpoints if e.requirement.needs_no_scope])


def test_selection_notifies_once_per_change(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    calls: list[str] = []
    selection.subscribe(lambda coverage: calls.append(coverage.scope_string))
    playlists = [s.name for s in catalogue.scopes_in("playlists")]
    selection.set_selected(playlists, True)
    selection.set_selected(playlists, True)  # no change, no call
    selection.toggle("playlist-read-private")
    selection.clear()
    assert calls == [
        "playlist-read-private playlist-read-collaborative playlist-modify-private "
        "playlist-modify-public",
        "playlist-read-collaborative playlist-modify-private playlist-modify-public",
        "",
    ]


def test_a_mode_change_works_the_coverage_out_again_as_one_change(catalogue: Catalogue) -> None:
    """Spotify removed some endpoints for Development mode apps (Check If User Follows...)."""
    selection = Selection(catalogue, ["user-follow-read"])
    heard: list[Coverage] = []
    selection.subscribe(heard.append)
    assert selection.mode is AppMode.DEVELOPMENT
    selection.set_mode(AppMode.DEVELOPMENT)  # no change, no call
    assert heard == []
    selection.set_mode(AppMode.EXTENDED)
    assert selection.mode is AppMode.EXTENDED
    extended = cover(catalogue, ["user-follow-read"], mode=AppMode.EXTENDED)
    assert extended != cover(catalogue, ["user-follow-read"], mode=AppMode.DEVELOPMENT)
    assert selection.coverage == extended
    assert heard == [extended]
    selection.toggle("user-library-read")  # later changes keep the mode
    assert selection.coverage == cover(
        catalogue, ["user-follow-read", "user-library-read"], mode=AppMode.EXTENDED
    )


def test_selection_refuses_unknown_names(catalogue: Catalogue) -> None:
    selection = Selection(catalogue, ["streaming"])
    whole_message = r"^not in the catalogue: no-such-scope, user-read-birthdate$"
    with pytest.raises(ValueError, match=whole_message):
        selection.replace(["user-read-birthdate", "streaming", "no-such-scope"])
    assert selection.scopes == ("streaming",)
    assert "streaming" in selection


@given(data=st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_coverage_carried_over_from_the_last_change_equals_coverage_worked_out_afresh(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    names = st.sets(st.sampled_from(catalogue.scope_names))
    coverage = cover(catalogue, ())
    for selected in data.draw(st.lists(names, min_size=1, max_size=8)):
        carried = cover(catalogue, selected, coverage)
        assert carried == cover(catalogue, selected)
        untouched = {
            entry.endpoint.id: entry
            for entry in coverage.endpoints
            if entry.endpoint.requirement.scopes.isdisjoint(set(selected) ^ set(coverage.scopes))
        }
        for entry in carried.endpoints:
            if entry.endpoint.id in untouched:
                assert entry is untouched[entry.endpoint.id]  # listeners rely on identity
        coverage = carried
