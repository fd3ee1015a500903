"""Random sequences of user actions on the real window; after every step each pane agrees with
the core's own answer, ``cover(catalogue, scopes)``, and with an independent record of what the
user ticked.

Actions: set a scope's or a category's check box (what a click does), Space on any row of the
tree (the keyboard tick, toggling; a partly ticked category becomes fully ticked), the
"need no scope" switch of the endpoint list, a paste (the Paste action or the Import dialog)
of generated text, a preset, endpoint picks with the picker's choices and optional scopes,
and a category ticked while a search shows only part of the tree.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton

from scope_picker.core.catalogue import AppMode, Catalogue, EndpointKind, load_catalogue
from scope_picker.core.coverage import cover, public_endpoints, removal
from scope_picker.core.least_scopes import LeastScopes, least_scopes
from scope_picker.core.presets import presets
from scope_picker.core.scope_string import parse_scopes
from scope_picker.core.selection import Selection
from scope_picker.ui.consent.consent_view import CONSENT_HEADING, NO_SCOPE_TEXT, UNPUBLISHED_TEXT
from scope_picker.ui.paste.import_dialog import ImportDialog
from scope_picker.ui.scopes.scope_tree_model import SCOPE_NAME_ROLE
from scope_picker.ui.shared.endpoint_rows import ENDPOINT_ID_ROLE
from scope_picker.ui.shared.wording import plural
from scope_picker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

CATALOGUE: Catalogue = load_catalogue()  # hypothesis draws from it before any fixture runs
SCOPE_NAMES = CATALOGUE.scope_names
CATEGORY_ROWS = st.integers(0, len(CATALOGUE.categories) - 1)
CHECK = Qt.ItemDataRole.CheckStateRole
PRESETS = presets(CATALOGUE)
ENDPOINT_IDS = tuple(endpoint.id for endpoint in CATALOGUE.endpoints)
# Half the picks are of endpoints that raise a choice or offer optional scopes, which are few.
ENDPOINTS = st.sampled_from(ENDPOINT_IDS) | st.sampled_from(
    [
        endpoint.id
        for endpoint in CATALOGUE.endpoints
        if endpoint.requirement.any_of or endpoint.requirement.optional
    ]
)
# Not scopes: near misses (a prefix, another case, a retired scope) and plain junk.
UNKNOWN_TOKENS = st.sampled_from(
    ["user-read-playback", "USER-READ-EMAIL", "user-read-birthdate", "playlist", "scope"]
) | st.text(alphabet="abxyz-", min_size=1, max_size=8)
SEPARATORS = st.sampled_from([" ", "  ", ",", ", ", "+", "%20", "\n", ";", "|", "\t"])
# Words from scope and category names (they match something) and one that matches nothing.
SEARCH_WORDS = st.sampled_from(
    sorted(
        {part for name in SCOPE_NAMES for part in name.split("-")}
        | {category.name.split()[0] for category in CATALOGUE.categories}
        | {"zzzz"}
    )
)


@st.composite
def scope_texts(draw: st.DrawFn) -> str:
    """Known scopes, unknown tokens and repeats, joined by the separators people paste."""
    tokens = draw(st.lists(st.sampled_from(SCOPE_NAMES) | UNKNOWN_TOKENS, max_size=8))
    if tokens and draw(st.booleans()):
        tokens.append(draw(st.sampled_from(tokens)))  # a repeat, wherever it came from
    text = draw(st.sampled_from(["", " ", "\n"]))
    for token in tokens:
        text += token + draw(SEPARATORS)
    return text


def _state(checked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked


class WindowActions(RuleBasedStateMachine):
    """One fresh window per run; ``ticked`` is what the user's actions should have ticked."""

    def __init__(self) -> None:
        super().__init__()
        self._settings_dir = tempfile.TemporaryDirectory(prefix="scope-picker-state-")
        settings_file = Path(self._settings_dir.name) / "settings.ini"
        settings_store = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.window = MainWindow(CATALOGUE, Selection(CATALOGUE), settings_store)
        self.model = self.window.scope_model
        self.ticked: set[str] = set()
        # What the picker should hold: picked endpoints, choices made, optional scopes wanted.
        self.picked: set[str] = set()
        self.preferences: dict[frozenset[str], str] = {}
        self.wanted_optional: set[str] = set()

    def teardown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        self._settings_dir.cleanup()

    # --- actions ----------------------------------------------------------------------------

    @rule(name=st.sampled_from(SCOPE_NAMES), checked=st.booleans())
    def set_scope(self, name: str, checked: bool) -> None:
        assert self.model.setData(self.model.index_of_scope(name), _state(checked), CHECK)
        if checked:
            self.ticked.add(name)
        else:
            self.ticked.discard(name)

    @rule(row=CATEGORY_ROWS, checked=st.booleans())
    def set_category(self, row: int, checked: bool) -> None:
        assert self.model.setData(self.model.index(row, 0), _state(checked), CHECK)
        names = {scope.name for scope in CATALOGUE.scopes_in(CATALOGUE.categories[row].id)}
        self.ticked = self.ticked | names if checked else self.ticked - names

    @rule(name=st.sampled_from(SCOPE_NAMES))
    def space_on_scope(self, name: str) -> None:
        self._press_space_on(self.model.index_of_scope(name))
        self.ticked ^= {name}

    @rule(row=CATEGORY_ROWS)
    def space_on_category(self, row: int) -> None:
        names = {scope.name for scope in CATALOGUE.scopes_in(CATALOGUE.categories[row].id)}
        self._press_space_on(self.model.index(row, 0))
        self.ticked = self.ticked - names if names <= self.ticked else self.ticked | names

    @rule(show=st.booleans())
    def show_public_endpoints(self, show: bool) -> None:
        self.window.endpoints.show_public.setChecked(show)

    @rule(text=scope_texts(), through_dialog=st.booleans())
    def paste(self, text: str, through_dialog: bool) -> None:
        """The Paste action reads the clipboard; Import… reads its box. Same outcome."""
        if through_dialog:
            self.window.import_action.trigger()
            [dialog] = [d for d in self.window.findChildren(ImportDialog) if d.isVisible()]
            dialog.editor.setPlainText(text)
            if dialog.ok_button.isEnabled():
                dialog.ok_button.click()
            else:
                dialog.reject()
        else:
            QGuiApplication.clipboard().setText(text)
            self.window.paste_action.trigger()
        known = parse_scopes(CATALOGUE, text).known
        # Checked against the tokens as generated, not only against the parser.
        assert set(known) == {name for name in SCOPE_NAMES if _holds_token(text, name)}
        if known:
            self.ticked = set(known)

    @rule(redo=st.booleans())
    def undo(self, redo: bool) -> None:
        """Edit > Undo, and Redo at once or not; the picker keeps what was picked."""
        selection = self.window.adapter.selection
        before = selection.scopes
        undoable = self.window.undo_action.isEnabled()
        redoable = self.window.redo_action.isEnabled()
        self.window.undo_action.trigger()
        assert (selection.scopes != before) is undoable
        # An undo that did something makes Redo available; one that could not leaves Redo as it
        # was (still available after an earlier undo).
        assert self.window.redo_action.isEnabled() is (undoable or redoable)
        if redo and undoable:
            self.window.redo_action.trigger()
            assert selection.scopes == before
            assert self.window.undo_action.isEnabled()
        self.ticked = set(selection.scopes)

    @rule(index=st.integers(0, len(PRESETS) - 1))
    def choose_preset(self, index: int) -> None:
        preset = PRESETS[index]
        action = self.window.presets_menu.findChild(QAction, f"preset:{preset.id}")
        assert action is not None
        assert action.text() == preset.name
        action.trigger()
        self.ticked = set(preset.scopes)

    @rule(endpoint_ids=st.lists(ENDPOINTS, min_size=1, max_size=3), picked=st.booleans())
    def pick_endpoints(self, endpoint_ids: list[str], picked: bool) -> None:
        """Ticks in the picker's list (through its search filter, as the view does)."""
        picker = self.window.picker
        for endpoint_id in endpoint_ids:
            row = picker.proxy.mapFromSource(picker.model.index_of_endpoint(endpoint_id))
            assert picker.proxy.setData(row, _state(picked), CHECK)
            self.picked = self.picked | {endpoint_id} if picked else self.picked - {endpoint_id}
            self._follow_the_plan()

    @precondition(lambda self: bool(self.picked))
    @rule()
    def untick_all_endpoints(self) -> None:
        self.window.picker.clear_button.click()
        self.picked = set()
        self._follow_the_plan()

    @precondition(lambda self: any(c.chosen for c in self.window.picker.plan.result.choices))
    @rule(data=st.data())
    def choose_an_alternative(self, data: st.DataObject) -> None:
        """Click another radio button of an open choice in the reasons panel."""
        choices = [c for c in self.window.picker.plan.result.choices if c.chosen]
        choice = data.draw(st.sampled_from(choices))
        option = data.draw(st.sampled_from([o for o in choice.options if o != choice.chosen]))
        name = f"choice:{'+'.join(choice.options)}:{option}"
        radio = self.window.picker.reasons.findChild(QRadioButton, name)
        assert radio is not None
        radio.click()
        self.preferences[frozenset(choice.options)] = option
        self._follow_the_plan()

    @precondition(lambda self: bool(self.window.picker.plan.result.optional))
    @rule(data=st.data())
    def toggle_an_optional_scope(self, data: st.DataObject) -> None:
        scope = data.draw(st.sampled_from(sorted(self.window.picker.plan.result.optional)))
        check = self.window.picker.reasons.findChild(QCheckBox, f"optional:{scope}")
        assert check is not None
        check.click()
        self.wanted_optional ^= {scope}
        self._follow_the_plan()

    @rule(query=st.lists(SEARCH_WORDS, min_size=1, max_size=2).map(" ".join), data=st.data())
    def tick_a_category_while_searching(self, query: str, data: st.DataObject) -> None:
        """Search, tick a category the search shows: only its rows shown change; then Esc."""
        window = self.window
        window.search.field.setText(query)
        proxy = window.scope_proxy
        if proxy.rowCount():
            row = data.draw(st.integers(0, proxy.rowCount() - 1))
            checked = data.draw(st.booleans())
            category = proxy.index(row, 0)
            shown = {
                proxy.index(leaf, 0, category).data(SCOPE_NAME_ROLE)
                for leaf in range(proxy.rowCount(category))
            }
            assert shown
            # Asking for ✓ when every row shown is ticked already, but not every row of the
            # category, unticks them (a toggle).
            source_row = proxy.mapToSource(category).row()
            names = {s.name for s in CATALOGUE.scopes_in(CATALOGUE.categories[source_row].id)}
            toggles_off = checked and shown <= self.ticked and not names <= self.ticked
            ticks = checked and not toggles_off
            assert proxy.setData(category, _state(checked), CHECK)
            self.ticked = self.ticked | shown if ticks else self.ticked - shown
            assert category.data(CHECK) == (
                Qt.CheckState.Checked
                if names <= self.ticked
                else Qt.CheckState.Unchecked
                if not names & self.ticked
                else Qt.CheckState.PartiallyChecked
            )
        else:
            count = window.search.count.text()
            assert count == "nothing matches" or count.startswith("0 scopes in Scopes, "), count
        if data.draw(st.booleans()):
            QTest.keyClick(window, Qt.Key.Key_Escape)
        else:
            window.search.clear()
        assert window.search.query == ""

    def _follow_the_plan(self) -> None:
        """After a change in the picker, the ticks are the core's least scopes for it."""
        result = self._least()
        self.wanted_optional &= set(result.optional)
        self.ticked = set(result.scopes) | self.wanted_optional

    def _least(self) -> LeastScopes:
        return least_scopes(CATALOGUE, self.picked, self.preferences)

    def _press_space_on(self, index: QModelIndex) -> None:
        tree = self.window.scope_tree
        tree.setCurrentIndex(self.window.scope_proxy.mapFromSource(index))
        QTest.keyClick(tree, Qt.Key.Key_Space)

    # --- what every pane must show --------------------------------------------------------

    @invariant()
    def selection_is_what_was_ticked(self) -> None:
        assert self.window.adapter.selection.scopes == CATALOGUE.in_scope_order(self.ticked)

    @invariant()
    def picker_holds_what_was_picked(self) -> None:
        plan = self.window.picker.plan
        assert {endpoint.id for endpoint in plan.picked} == self.picked
        assert plan.result == self._least()
        model = self.window.picker.model
        for endpoint_id in ENDPOINT_IDS:
            state = model.index_of_endpoint(endpoint_id).data(CHECK)
            assert state == _state(endpoint_id in self.picked)

    @invariant()
    def tree_check_states_follow_the_ticks(self) -> None:
        for row, category in enumerate(CATALOGUE.categories):
            names = [scope.name for scope in CATALOGUE.scopes_in(category.id)]
            ticked = sum(name in self.ticked for name in names)
            expected = Qt.CheckState.PartiallyChecked
            if ticked in (0, len(names)):
                expected = _state(ticked == len(names))
            assert self.model.index(row, 0).data(CHECK) == expected, category.id
            for name in names:
                assert self.model.index_of_scope(name).data(CHECK) == _state(name in self.ticked)

    @invariant()
    def endpoint_list_is_the_cores_coverage(self) -> None:
        coverage = cover(CATALOGUE, self.ticked)
        panel = self.window.endpoints
        listed: dict[str, bool] = {}  # id -> shown as blocked
        for group in range(panel.model.rowCount()):
            group_index = panel.model.index(group, 0)
            for row in range(panel.model.rowCount(group_index)):
                index = panel.model.index(row, 0, group_index)
                endpoint_row = panel.model.row_at(index)
                assert endpoint_row is not None
                listed[index.data(ENDPOINT_ID_ROLE)] = endpoint_row.blocked
        expected = {entry.endpoint.id: not entry.callable for entry in coverage.endpoints}
        if panel.show_public.isChecked():
            for endpoint in public_endpoints(CATALOGUE):
                # Development mode, the default: a removed endpoint is shown as unavailable.
                removed = removal(CATALOGUE, endpoint, AppMode.DEVELOPMENT)
                expected.setdefault(endpoint.id, removed is not None)
        assert listed == expected
        web_api = [e for e in coverage.endpoints if e.endpoint.kind is EndpointKind.WEB_API]
        covered = sum(entry.callable for entry in web_api)
        assert panel.summary.text().startswith(plural(covered, "endpoint") + " covered")

    @invariant()
    def consent_preview_lists_each_scope_in_order(self) -> None:
        coverage = cover(CATALOGUE, self.ticked)
        text = self.window.consent.toPlainText()
        if not coverage.consent:
            assert text == NO_SCOPE_TEXT
            return
        lines = text.splitlines()
        assert lines[0] == CONSENT_HEADING
        expected = [
            f"{line.scope.name} — {UNPUBLISHED_TEXT}"
            if line.text is None
            else f"{line.text} ({line.scope.name})"
            for line in coverage.consent
        ]
        assert [line.strip() for line in lines[1:]] == expected

    @invariant()
    def scope_string_is_the_cores(self) -> None:
        assert self.window.scope_string.text() == cover(CATALOGUE, self.ticked).scope_string


def _holds_token(text: str, name: str) -> bool:
    """True when ``name`` is one of the tokens of generated ``text`` (see ``scope_texts``)."""
    return name in re.split(r"[\s,+;|]+|%20", text)


@pytest.mark.usefixtures("qapp")
def test_random_actions_keep_every_pane_in_agreement_with_the_core() -> None:
    run_state_machine_as_test(
        WindowActions,
        # Each example drives the real window for up to 12 steps: a fifth of the profile's
        # examples (20 in the default and CI profiles, 500 when exploring; see tests/conftest.py).
        settings=settings(
            max_examples=max(20, settings.default.max_examples // 5),
            stateful_step_count=12,
            deadline=None,
        ),
    )
