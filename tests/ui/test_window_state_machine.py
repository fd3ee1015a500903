"""Random sequences of user actions on the real window; after every step each pane agrees with
the core's own answer, ``cover(catalogue, scopes)``, and with an independent record of what the
user ticked.

Actions: set a scope's or a category's check box (what a click does), Space on any row of the
tree (the keyboard tick, toggling; a partly ticked category becomes fully ticked), and the
"need no scope" switch of the endpoint list.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from scope_picker.core.catalogue import Catalogue, EndpointKind, load_catalogue
from scope_picker.core.coverage import cover, public_endpoints
from scope_picker.core.selection import Selection
from scope_picker.ui.consent_view import CONSENT_HEADING, NO_SCOPE_TEXT, UNPUBLISHED_TEXT
from scope_picker.ui.endpoint_model import ENDPOINT_ID_ROLE
from scope_picker.ui.main_window import MainWindow
from scope_picker.ui.wording import plural

pytestmark = pytest.mark.gui

CATALOGUE: Catalogue = load_catalogue()  # hypothesis draws from it before any fixture runs
SCOPE_NAMES = CATALOGUE.scope_names
CATEGORY_ROWS = st.integers(0, len(CATALOGUE.categories) - 1)
CHECK = Qt.ItemDataRole.CheckStateRole


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

    def _press_space_on(self, index: QModelIndex) -> None:
        tree = self.window.scope_tree
        tree.setCurrentIndex(self.window.scope_proxy.mapFromSource(index))
        QTest.keyClick(tree, Qt.Key.Key_Space)

    # --- what every pane must show --------------------------------------------------------

    @invariant()
    def selection_is_what_was_ticked(self) -> None:
        assert self.window.adapter.selection.scopes == CATALOGUE.in_scope_order(self.ticked)

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
                expected.setdefault(endpoint.id, False)
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


@pytest.mark.usefixtures("qapp")
def test_random_actions_keep_every_pane_in_agreement_with_the_core() -> None:
    run_state_machine_as_test(
        WindowActions,
        settings=settings(max_examples=20, stateful_step_count=12, deadline=None),
    )
