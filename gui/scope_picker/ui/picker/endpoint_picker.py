"""The "Pick endpoints" page: tick the calls your app makes, get the fewest scopes for them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.ui.picker.drift_notice import UntickedNotice
from scope_picker.ui.picker.endpoint_picker_model import (
    NAME_COLUMN,
    REQUEST_COLUMN,
    EndpointPickerModel,
)
from scope_picker.ui.picker.pick_reasons import PickReasons
from scope_picker.ui.shared.check_filter_proxy import CheckFilterProxy
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.try_it_action import TryItAction
from scope_picker.ui.shared.widgets import describe, fit_columns, set_up_checklist
from scope_picker.ui.shared.wording import plural

NOTES_KEEP_CHARS = 14
"""How much of the Notes column stays in sight when the page is narrow ("Premium only")."""

REPLACES_TEXT = (
    "Tick the endpoints your app calls: the fewest scopes that cover them replace the "
    "ticked scopes."
)
REPLACES_TOOLTIP = (
    "Each change of the picks replaces the ticked scopes, and a notice names any it "
    "unticked, with Undo. Scopes ticked by hand afterwards stay until the picks change; "
    "those no picked endpoint needs are flagged in the scope list."
)


class EndpointPicker(QWidget):
    """Every endpoint, checkable and searchable, over the reasons for the resulting scopes.

    Picks *replace* the selection with the plan's scopes rather than adding to it: the page
    answers "which scopes, and no more, do these calls need", and adding would keep scopes
    the calls no longer need. Whatever the replacement unticks is named above the list,
    with Undo.
    """

    status_message = Signal(str)
    undo_requested = Signal()

    def __init__(
        self,
        adapter: SelectionAdapter,
        plan: EndpointPlan,
        undo_keys: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("endpointPicker")
        self._adapter = adapter
        self.model = EndpointPickerModel(adapter, plan, self)
        self.proxy = CheckFilterProxy(self.model, self)

        intro = QLabel(REPLACES_TEXT)
        intro.setObjectName("endpointPickerIntro")
        intro.setWordWrap(True)
        intro.setToolTip(REPLACES_TOOLTIP)
        self.clear_button = QPushButton("Untick All")
        describe(
            self.clear_button,
            "clearPickedEndpoints",
            "Untick all endpoints",
            "Unpick every endpoint (this unticks the scopes they needed)",
        )
        self.clear_button.clicked.connect(self.model.clear)

        self.unticked_notice = UntickedNotice(undo_keys)
        self.unticked_notice.undo_requested.connect(self.undo_requested)
        self._keeping_ticks = False
        self.view = self._make_view()
        self.try_it_action = TryItAction(
            self.view, lambda index: self.model.endpoint_at(self.proxy.mapToSource(index))
        )
        self._laid_out = False
        self.reasons = PickReasons()
        self.reasons.choice_made.connect(self.model.prefer)
        self.reasons.optional_toggled.connect(self.model.want_optional)
        self.reasons.library_items_chosen.connect(self.model.set_library_items)
        self.reasons.untick_unneeded.connect(self._untick_unneeded)

        header = QHBoxLayout()
        header.addWidget(intro, 1)
        header.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("endpointPickerSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.reasons)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.unticked_notice)
        layout.addWidget(self.splitter, 1)

        self._shown_unneeded: tuple[str, ...] = ()
        self.model.plan_changed.connect(self._apply_plan)
        adapter.changed.connect(self._on_selection_changed)
        self._explain()

    @property
    def plan(self) -> EndpointPlan:
        """The picks and choices this page edits."""
        return self.model.plan

    def set_search(self, query: str) -> None:
        """Show only the endpoints matching ``query``, their groups open."""
        self.proxy.set_search(query)
        if self._laid_out:
            self._open_groups()
            self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        # Laying out 125 rows costs more than the rest of the window: only when first shown.
        if not self._laid_out:
            self._laid_out = True
            self._open_groups()
            self._fit_columns()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._laid_out and event.size().width() != event.oldSize().width():
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Names and requests as wide as the rows shown need; Notes keep a few characters
        in sight, requests eliding in the middle when the page is too narrow for all."""
        fit_columns(self.view, (NAME_COLUMN, REQUEST_COLUMN), REQUEST_COLUMN, NOTES_KEEP_CHARS)

    def _open_groups(self) -> None:
        """Groups open, their titles across the row (a search re-creates the rows it hid)."""
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, self.view.rootIndex(), True)
        self.view.expandAll()

    def _make_view(self) -> QTreeView:
        view = QTreeView()
        describe(
            view,
            "endpointPickerList",
            "Endpoints to pick",
            "Every endpoint by reference group: tick the ones your app calls "
            "(Space ticks the current row; ticking a group ticks the endpoints it shows)",
        )
        view.setModel(self.proxy)
        set_up_checklist(view)
        # Sized to the rows shown when first shown and on each search (_fit_columns): in
        # ResizeToContents mode Qt would measure every row again on each tick. A longer note
        # is elided; its tooltip has it whole.
        view.header().setStretchLastSection(True)
        return view

    def drop_picks_keeping_ticks(self) -> None:
        """Unpick every endpoint, leaving the ticked scopes as they are."""
        self._keeping_ticks = True
        try:
            self.model.clear()
        finally:
            self._keeping_ticks = False
        self.status_message.emit("Unpicked every endpoint; the ticked scopes stay")

    def _apply_plan(self) -> None:
        """Replace the ticked scopes with the plan's, and say what that unticked."""
        self.unticked_notice.hide()
        if self._keeping_ticks:
            self._explain()
            return
        selection = self._adapter.selection
        before = set(selection.scopes)
        scopes = self.plan.scopes
        selection.replace(scopes)
        removed = [
            name for name in self._adapter.catalogue.scope_names if name in before - set(scopes)
        ]
        picked = len(self.plan.picked)
        message = (
            f"{plural(picked, 'endpoint')} picked, {plural(len(scopes), 'scope')} ticked"
            if picked
            else "No endpoint picked"
        )
        if removed:
            message += "; unticked " + ", ".join(removed)
        self.unticked_notice.show_unticked(removed)
        self.status_message.emit(message)
        self._explain()

    def _explain(self) -> None:
        self._shown_unneeded = self.plan.unneeded(self._adapter.selection.scopes)
        self.reasons.show_plan(self.plan, self._shown_unneeded)

    def _on_selection_changed(self, _coverage: Coverage) -> None:
        """A tick changes the reasons only through the scopes it flags as not needed."""
        if self.plan.unneeded(self._adapter.selection.scopes) != self._shown_unneeded:
            self._explain()

    def _untick_unneeded(self) -> None:
        unneeded = self.plan.unneeded(self._adapter.selection.scopes)
        self._adapter.selection.set_selected(unneeded, False)
        self.status_message.emit("Unticked " + ", ".join(unneeded))
