"""Undo and redo of the ticked scopes, one step per change of the selection."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.selection import Selection
from scope_picker.core.selection_history import SelectionHistory


def test_a_replaced_selection_comes_back(catalogue: Catalogue) -> None:
    selection = Selection(catalogue, ["streaming", "user-top-read"])
    history = SelectionHistory(selection)
    assert not history.can_undo
    selection.replace(["user-read-email"])  # a paste, a preset, an endpoint pick
    assert history.undo()
    assert selection.scopes == ("streaming", "user-top-read")
    assert history.can_redo
    assert history.redo()
    assert selection.scopes == ("user-read-email",)
    assert not history.redo()


def test_a_whole_category_is_one_step(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    playlists = catalogue.scopes_in("playlists")
    selection.set_selected([scope.name for scope in playlists], True)
    selection.toggle("streaming")
    history.undo()
    assert set(selection.scopes) == {scope.name for scope in playlists}
    history.undo()
    assert selection.scopes == ()
    assert not history.undo()


def test_a_new_change_after_an_undo_drops_the_redo(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    selection.toggle("streaming")
    history.undo()
    selection.toggle("user-read-email")
    assert not history.can_redo
    assert not history.redo()
    history.undo()
    assert selection.scopes == ()


def test_only_the_latest_steps_are_kept(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection, limit=3)
    names = catalogue.scope_names[:5]
    for name in names:
        selection.toggle(name)
    undone = 0
    while history.undo():
        undone += 1
    assert undone == 3
    assert set(selection.scopes) == set(names[:2])  # five ticks on, three steps back


def test_a_history_limited_to_no_steps_keeps_none(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection, limit=0)
    selection.toggle("streaming")
    assert not history.undo()
    assert selection.scopes == ("streaming",)


def test_five_hundred_steps_are_kept_by_default(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    for _ in range(501):
        selection.toggle("streaming")
    undone = 0
    while history.undo():
        undone += 1
    assert undone == 500
    assert selection.scopes == ("streaming",)  # after the first toggle, not before it


def test_forget_drops_what_could_have_been_redone(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    selection.toggle("streaming")
    history.undo()
    history.forget()
    assert not history.can_redo
    assert not history.redo()
    assert selection.scopes == ()


def test_forget_starts_afresh_and_listeners_hear_every_change(catalogue: Catalogue) -> None:
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    heard: list[tuple[bool, bool]] = []
    history.subscribe(lambda: heard.append((history.can_undo, history.can_redo)))
    selection.replace(["streaming"])  # restored from settings, say
    history.forget()
    selection.toggle("user-read-email")
    history.undo()
    history.redo()
    assert heard == [(True, False), (False, False), (True, False), (False, True), (True, False)]
    history.forget()
    assert not history.can_undo
    assert selection.scopes == ("streaming", "user-read-email")


@given(data=st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_undo_and_redo_walk_the_selections_made(catalogue: Catalogue, data: st.DataObject) -> None:
    """Against a list of every selection made and a position in it, as an editor keeps."""
    selection = Selection(catalogue)
    history = SelectionHistory(selection)
    states: list[tuple[str, ...]] = [()]
    position = 0
    actions = st.one_of(st.sampled_from(["undo", "redo"]), st.sampled_from(catalogue.scope_names))
    for action in data.draw(st.lists(actions, max_size=40)):
        if action == "undo":
            assert history.undo() is (position > 0)
            position = max(position - 1, 0)
        elif action == "redo":
            assert history.redo() is (position < len(states) - 1)
            position = min(position + 1, len(states) - 1)
        else:
            selection.toggle(action)
            del states[position + 1 :]
            states.append(selection.scopes)
            position += 1
        assert selection.scopes == states[position]
        assert history.can_undo is (position > 0)
        assert history.can_redo is (position < len(states) - 1)
