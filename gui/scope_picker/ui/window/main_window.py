"""The main window: tick scopes, see what they unlock and what users are asked, copy the string.

This module assembles the window from the features under ``ui/`` and wires them to the one
``Selection``; its actions and menus (``actions``), saved settings (``window_settings``) and
the edits of the selection (``edits``) live beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scope_picker import APP_NAME
from scope_picker.core.catalogue import SCOPES_PAGE_URL, AppMode, Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.scope_string import CopyFormat
from scope_picker.core.selection import Selection
from scope_picker.ui.consent.consent_view import ConsentView
from scope_picker.ui.endpoints.endpoint_view import EndpointPanel
from scope_picker.ui.paste.scope_import import ImportReport
from scope_picker.ui.picker.drift_notice import DriftNotice
from scope_picker.ui.scope_string.copy_format import CopyFormatBox
from scope_picker.ui.scope_string.scope_string_row import (
    make_copy_button,
    make_scope_string_field,
    scope_string_row,
)
from scope_picker.ui.scopes.scope_details import ScopeDetails
from scope_picker.ui.scopes.scope_tree_model import (
    NAME_COLUMN as SCOPE_NAME_COLUMN,
)
from scope_picker.ui.scopes.scope_tree_model import (
    SCOPE_NAME_ROLE,
    ScopeTreeModel,
)
from scope_picker.ui.scopes.scope_tree_view import make_scope_tree
from scope_picker.ui.search.search_bar import SearchBar
from scope_picker.ui.shared.check_filter_proxy import CheckFilterProxy
from scope_picker.ui.shared.clipboard import keep_copies_plain
from scope_picker.ui.shared.doc_links import open_documentation
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.widgets import describe, tab_stops
from scope_picker.ui.theme.theme_menu import ThemeMenu
from scope_picker.ui.window.actions import (
    WindowKeysFirst,
    make_copy_action,
    make_history_actions,
    make_import_actions,
    make_menus,
    make_mode_actions,
    make_quit_action,
    make_scope_documentation_action,
    make_tab_actions,
)
from scope_picker.ui.window.edits import SelectionEdits
from scope_picker.ui.window.layout import make_right_tabs, pane
from scope_picker.ui.window.window_settings import (
    SPLITTER_KEYS,
    restore_window_settings,
    save_window_settings,
)

if TYPE_CHECKING:
    from scope_picker.ui.authorize.authorize_panel import AuthorizePanel
    from scope_picker.ui.live.room import LiveRoom
    from scope_picker.ui.picker.endpoint_picker import EndpointPicker

DEFAULT_SIZE = (1200, 760)
DEFAULT_SCOPES_WIDTH = 420
SMALL_SCOPES_SHARE = 0.36
"""The scopes' share of a narrow window: at 800 px the endpoint lists keep their Notes."""
MESSAGE_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    """Scope tree and details on the left, endpoints and consent preview on the right,
    the scope string with its Copy button along the bottom.

    Every pane listens to the one ``Selection``; nothing here computes coverage.
    Geometry, pane sizes and the ticked scopes are kept in ``settings``; anything stale or
    damaged there is ignored and named in the status bar.
    """

    presets_menu: QMenu
    """The Presets menu, set by ``make_menus``."""

    def __init__(
        self,
        catalogue: Catalogue,
        selection: Selection,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.catalogue = catalogue
        self._settings = settings
        self.adapter = SelectionAdapter(selection, self)
        self.import_report = ImportReport()
        self.copy_format = CopyFormatBox(settings)
        self.edits = SelectionEdits(
            catalogue, selection, self.copy_format, self.import_report, self
        )
        self.edits.message.connect(self.show_message)
        keep_copies_plain()

        self.undo_action, self.redo_action = make_history_actions(self)
        self.copy_action = make_copy_action(self)
        self.quit_action = make_quit_action(self)
        self.paste_action, self.import_action, self.find_action = make_import_actions(self)
        self.scope_model = ScopeTreeModel(self.adapter, self)
        self.scope_proxy = CheckFilterProxy(self.scope_model, self)
        self.scope_tree = make_scope_tree(self.scope_proxy)
        self.scope_tree.selectionModel().currentChanged.connect(self._show_details)
        self.details = ScopeDetails(catalogue)
        describe(
            self.details,
            "scopeDetails",
            "Scope details",
            "Everything about the scope under the cursor in the scope list",
        )
        self.endpoints = EndpointPanel(self.adapter)
        self.consent = ConsentView(self.adapter)
        describe(
            self.consent,
            "consentPreview",
            "Consent screen preview",
            "What Spotify's consent screen will ask your app's users",
        )
        self._authorize: AuthorizePanel | None = None
        self._live: LiveRoom | None = None
        self.plan = EndpointPlan(catalogue)
        self._picker: EndpointPicker | None = None
        self._flagged: tuple[str, ...] = ()  # the scopes flagged ⚠ when names were last fitted
        self.search = SearchBar()
        self.drift_notice = DriftNotice()
        self.drift_notice.fit_ticks_to_picks.connect(
            lambda: self.adapter.selection.replace(self.plan.scopes)
        )
        self.drift_notice.keep_ticks.connect(lambda: self.picker.drop_picks_keeping_ticks())
        copy_keys = self.copy_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.scope_string = make_scope_string_field(copy_keys)
        self.scope_string.copy_requested.connect(self.edits.copy_scope_string)
        self.copy_button = make_copy_button(copy_keys)
        self.copy_button.clicked.connect(self.edits.copy_scope_string)
        self.copy_format.currentIndexChanged.connect(self._name_copy_format)

        self.main_splitter, self.left_splitter, self.right_splitter = self._lay_out()
        self.show_coverage_action, self.show_authorize_action, self.show_picker_action = (
            make_tab_actions(self)
        )
        self.splitters: Mapping[str, QSplitter] = dict(
            zip(
                SPLITTER_KEYS,
                (self.main_splitter, self.left_splitter, self.right_splitter),
                strict=True,
            )
        )
        self.scope_documentation_action = make_scope_documentation_action(self)
        WindowKeysFirst(
            self,
            (
                self.copy_action,
                self.import_action,
                self.find_action,
                self.show_coverage_action,
                self.show_authorize_action,
                self.show_picker_action,
                self.scope_documentation_action,
                self.quit_action,
            ),
        )
        self.theme_menu = ThemeMenu(settings, self)
        self.mode_actions = make_mode_actions(self)
        make_menus(self)
        self._reserve_status_bar()
        self._set_tab_order()
        for request in (
            self.scope_documentation_action.requested,
            self.details.documentation_requested,
            self.endpoints.open_documentation_action.requested,
        ):
            request.connect(self._open_documentation)
        self.endpoints.try_it_action.requested.connect(self.try_endpoint)
        self.scope_tree.setFocus()  # where a keyboard user starts, though search comes first

        self.adapter.changed.connect(self._show_scope_string)
        # With endpoints picked, a tick can flag the current scope in the details.
        self.adapter.changed.connect(
            lambda _coverage: self._refresh_flags() if self.plan.picked else None
        )
        self.search.query_changed.connect(self._search)
        self.scope_model.show_plan(self.plan)
        self._show_scope_string(selection.coverage)
        self.edits.history.subscribe(self._show_history_state)
        self._restore_settings()
        self.edits.history.forget()  # the restored selection is where this session starts

    # --- building -------------------------------------------------------------------------

    def scope_documentation_url(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The current scope's place on the Scopes page; the page itself for a category."""
        name = index.data(SCOPE_NAME_ROLE)  # a role, not scope_at: views may sort or filter
        return self.catalogue.scope(name).documentation_url if name else SCOPES_PAGE_URL

    def _lay_out(self) -> tuple[QSplitter, QSplitter, QSplitter]:
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("leftSplitter")
        left.addWidget(pane("&Scopes", self.scope_tree))
        left.addWidget(pane("&Details", self.details))
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(pane("End&points", self.endpoints, buddy=self.endpoints.view))
        right.addWidget(pane("C&onsent screen preview", self.consent))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)

        self.right_tabs, self._authorize_area, self._picker_placeholder = make_right_tabs(right)
        self.right_tabs.currentChanged.connect(self._build_tab_when_shown)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(left)
        main.addWidget(self.right_tabs)
        main.setStretchFactor(0, 0)  # a wider window widens the endpoint columns
        main.setStretchFactor(1, 1)
        for splitter in (left, right, main):
            splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = self._central_layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.import_report)
        layout.addWidget(self.drift_notice)
        layout.addWidget(main, 1)
        layout.addLayout(scope_string_row(self.scope_string, self.copy_button, self.copy_format))
        self.setCentralWidget(central)
        return main, left, right

    def show_tab(self, index: int) -> None:
        self.right_tabs.setCurrentIndex(index)
        targets: tuple[Callable[[], QWidget], ...] = (
            lambda: self.endpoints.view,
            lambda: self.authorize.client_id_edit,
            lambda: self.picker.view,
        )
        targets[index]().setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def authorize(self) -> AuthorizePanel:
        """The Authorization URL panel, built when its tab is first shown (or it is asked for).

        Many sessions never open that tab, and the panel with its imports cost every start
        about 15 ms (tests/benchmarks/bench.py measures cold starts).
        """
        if self._authorize is None:
            # deferred: see above
            from scope_picker.ui.authorize.authorize_panel import AuthorizePanel

            panel = AuthorizePanel(self._settings)
            panel.set_scopes(self.adapter.selection.scopes)
            self.adapter.changed.connect(lambda coverage: panel.set_scopes(coverage.scopes))
            panel.status_message.connect(self.show_message)
            panel.get_token_requested.connect(self.get_token)
            self._authorize_area.setWidget(panel)
            # The page between the tab bar and the scope string, as the other pages are.
            for first, second in pairwise(
                [self.right_tabs.tabBar(), *tab_stops(panel), self.scope_string]
            ):
                QWidget.setTabOrder(first, second)
            self._authorize = panel
        return self._authorize

    @property
    def live(self) -> LiveRoom:
        """Everything live (token, Try it, Probe), built the first time the user goes live.

        A session that never does imports none of it, nor any network module.
        """
        if self._live is None:
            from scope_picker.ui.live.room import LiveRoom  # deferred: see above
            from scope_picker.ui.live.session import TokenInputs

            def inputs() -> TokenInputs | None:
                typed = self.authorize.token_inputs()
                return TokenInputs(*typed) if typed is not None else None

            room = LiveRoom(
                self.catalogue,
                inputs,
                lambda scopes: self.adapter.selection.set_selected(scopes, True),
                self,
            )
            room.session.message.connect(self.show_message)
            self._live = room
        return self._live

    def get_token(self) -> None:
        """Get token: show the token panel on the Authorization URL page and start."""
        self.authorize.show_live_panel(self.live.token_panel)
        self.live.get_token()

    def try_endpoint(self, endpoint_id: str) -> None:
        """Open an endpoint's request panel (Try it)."""
        self.authorize.show_live_panel(self.live.token_panel)
        self.live.try_endpoint(endpoint_id)

    @property
    def picker(self) -> EndpointPicker:
        """The "Pick endpoints" page, built when its tab is first shown, a search starts or it
        is asked for.

        Until then nothing is picked: the plan is empty, so the scope list flags nothing and
        the details explain nothing. The page with its models and imports cost every start
        about 6 ms of CPU (tests/benchmarks/bench.py measures cold starts).
        """
        if self._picker is None:
            from scope_picker.ui.picker.endpoint_picker import EndpointPicker  # deferred: see above

            undo_keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            picker = EndpointPicker(self.adapter, self.plan, undo_keys)
            picker.undo_requested.connect(self.edits.undo)
            if self.search.query:
                picker.set_search(self.search.query)
            picker.status_message.connect(self.show_message)
            picker.try_it_action.requested.connect(self.try_endpoint)
            picker.model.plan_changed.connect(self._show_plan)
            self._replace_picker_placeholder(picker)
            for first, second in pairwise(
                [self.consent, picker.view, picker.reasons, picker.clear_button, self.scope_string]
            ):
                QWidget.setTabOrder(first, second)
            self._picker = picker
        return self._picker

    def _replace_picker_placeholder(self, picker: EndpointPicker) -> None:
        """Put the picker in its tab, in the placeholder's place, showing if that was."""
        tabs = self.right_tabs
        index = tabs.indexOf(self._picker_placeholder)
        showing = tabs.currentIndex() == index
        was_blocked = tabs.blockSignals(True)  # the same page, to whoever is listening
        try:
            tabs.insertTab(index, picker, tabs.tabText(index))
            tabs.removeTab(index + 1)
            if showing:
                tabs.setCurrentIndex(index)
        finally:
            tabs.blockSignals(was_blocked)
        self._picker_placeholder.deleteLater()

    def _build_tab_when_shown(self, index: int) -> None:
        page = self.right_tabs.widget(index)
        if page is self._authorize_area:
            self.authorize  # noqa: B018 (builds the panel)
        elif page is self._picker_placeholder:
            self.picker  # noqa: B018 (builds the page)

    def _set_tab_order(self) -> None:
        """Tab follows the window top to bottom, left to right, and wraps from the copy
        format to the search field: every focusable widget outside this chain comes after
        it, and none of them is visible. The tab widget itself is in the chain because Tab
        reaching it would land on its tab bar (its focus proxy) from the wrong side."""
        chain = [
            self.search.field,
            *tab_stops(self.import_report),
            *tab_stops(self.drift_notice),
            self.scope_tree,
            self.details,
            self.right_tabs,
            self.right_tabs.tabBar(),
            self.endpoints.show_public,
            self.endpoints.view,
            self.consent,
            self.scope_string,
            self.copy_button,
            self.copy_format,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- behaviour ------------------------------------------------------------------------

    def _reserve_status_bar(self) -> None:
        """The status bar from the start, one line tall: a message (or a menu's status tip,
        such as a preset's description) then appears without moving anything above it."""
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        bar.setSizeGripEnabled(False)
        bar.setFixedHeight(bar.fontMetrics().height() + 2 * self._frame_width() + 4)

    def _frame_width(self) -> int:
        """The style's frame width, as drawn around the scope tree. Asking the style for it by
        name (``QStyle.PixelMetric``) would make PySide6 build QStyle's eleven Python enums,
        566 members and about 5 ms of every start, for a number the first window has."""
        return self.scope_tree.frameWidth()

    @property
    def app_mode(self) -> AppMode:
        """The quota mode the window answers for (View > App Mode)."""
        return self.adapter.selection.mode

    def set_app_mode(self, mode: AppMode) -> None:
        """Answer for another quota mode: coverage, picks and their scopes follow."""
        if mode is self.app_mode:
            return
        self.mode_actions[mode].setChecked(True)
        self.adapter.selection.set_mode(mode)
        if self._picker is not None:
            self._picker.model.set_mode(mode)  # re-picks: the plan's scopes replace the ticks
        else:
            self.plan.set_mode(mode)
        self._refresh_details()  # the details mark what the mode removed
        self.show_message(f"Answering for {mode.display_name}")

    def show_message(self, message: str) -> None:
        """Say something in the status bar for a few seconds."""
        self.statusBar().showMessage(message, MESSAGE_TIMEOUT_MS)

    def _name_copy_format(self) -> None:
        """The menu item and what a screen reader hears of the button say the format when it
        is not the plain string. The button itself stays "Copy": the box beside it shows the
        format ("Copy as [tekore]"), and a long name on the button squeezed the scope string
        at 800 px."""
        fmt = self.copy_format.current_format()
        shape = "" if fmt is CopyFormat.SPACE else f" as {fmt.short_label}"
        self.copy_button.setAccessibleName("Copy scope string" + shape)
        self.copy_action.setText("&Copy Scope String" + shape)

    def _show_history_state(self) -> None:
        self.undo_action.setEnabled(self.edits.history.can_undo)
        self.redo_action.setEnabled(self.edits.history.can_redo)

    def _open_documentation(self, url: str) -> None:
        self.show_message(open_documentation(url))

    def show_scope(self, name: str) -> None:
        """Make the named scope the current row, ending a search that hides it."""
        index = self.scope_proxy.mapFromSource(self.scope_model.index_of_scope(name))
        if not index.isValid():
            self.search.clear()
            index = self.scope_proxy.mapFromSource(self.scope_model.index_of_scope(name))
        self.scope_tree.setCurrentIndex(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches the window when the focused control has no use for it.
        if event.key() == Qt.Key.Key_Escape and self.search.query:
            event.accept()
            self.search.clear()
            return
        super().keyPressEvent(event)

    def focus_search(self) -> None:
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def _search(self, query: str) -> None:
        self.scope_proxy.set_search(query)
        self.scope_tree.expandAll()
        self._fit_scope_names()
        self.picker.set_search(query)  # the first search builds the page: it counts the matches
        self.search.show_counts(
            self.scope_proxy.visible_leaf_count(), self.picker.proxy.visible_leaf_count()
        )

    def _show_plan(self) -> None:
        self.scope_model.show_plan(self.plan)
        self._show_drift()
        self._fit_scope_names()
        self._refresh_details()

    def _refresh_flags(self) -> None:
        """The details of the current scope, the name column when a ⚠ came or went, and
        whether the ticks and the picks disagree."""
        self._refresh_details()
        self._show_drift()
        if self.scope_model.unneeded() != self._flagged:
            self._fit_scope_names()

    def _show_drift(self) -> None:
        ticked = self.adapter.selection.scopes
        missing = [scope for scope in self.plan.scopes if scope not in ticked]
        self.drift_notice.show_drift(len(self.plan.picked), self.plan.unneeded(ticked), missing)

    def _fit_scope_names(self) -> None:
        """Names as wide as the rows shown need, a warning icon beside one included."""
        self._flagged = self.scope_model.unneeded()
        self.scope_tree.resizeColumnToContents(SCOPE_NAME_COLUMN)

    def _refresh_details(self) -> None:
        self._show_details(self.scope_tree.currentIndex(), QModelIndex())

    def _show_scope_string(self, coverage: Coverage) -> None:
        self.scope_string.setText(coverage.scope_string)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.show_placeholder()
            return
        source = self.scope_proxy.mapToSource(current)
        scope = self.scope_model.scope_at(source)
        if scope is None:
            self.details.show_category(self.scope_model.category_at(source))
        else:
            self.details.show_scope(
                scope,
                self.plan.explain(scope.name),
                flagged=self.scope_model.is_unneeded(scope.name),
                mode=self.app_mode,
            )

    # --- settings -------------------------------------------------------------------------

    def save_settings(self) -> None:
        """Remember geometry, pane sizes, the ticks, the endpoint picks and the public toggle."""
        save_window_settings(self, self._settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._live is not None:
            self._live.shutdown()
        self.save_settings()
        super().closeEvent(event)

    def _restore_settings(self) -> None:
        """Restore what the last run saved; name whatever had to be ignored."""
        self._resize_to_default()
        self._size_panes_to_default()
        ignored = restore_window_settings(self, self._settings)
        self._name_copy_format()
        if self.plan.picked:
            self._show_plan()
        if ignored:
            self.statusBar().showMessage("Ignored saved settings: " + "; ".join(ignored))

    def _size_panes_to_default(self) -> None:
        """Scopes get what their names need, short of scrolling a tab title out of sight;
        endpoints, with the longest rows, the rest."""
        width = self.width()
        left = min(DEFAULT_SCOPES_WIDTH, round(width * SMALL_SCOPES_SHARE))
        # The tab titles stay whole (no scroll buttons) while the scopes can spare the room.
        margins = self._central_layout.contentsMargins()
        chrome = margins.left() + margins.right() + self.main_splitter.handleWidth()
        tabs = self.right_tabs.tabBar().sizeHint().width()
        smallest = self.left_splitter.minimumSizeHint().width()
        left = max(smallest, min(left, width - chrome - tabs))
        self.main_splitter.setSizes([left, width - left])

    def _resize_to_default(self) -> None:
        """The default size, or the screen's free space less room for the window manager's
        frame (title bar and borders), centred there: the frame is not known before the
        window is shown, so a generous allowance stands in for it."""
        available = self.screen().availableGeometry()
        border = self._frame_width() + 2
        title = 2 * self.fontMetrics().height()
        self.resize(
            min(DEFAULT_SIZE[0], available.width() - 2 * border),
            min(DEFAULT_SIZE[1], available.height() - title - border),
        )
        # Centred by the size the window took, which its minimum may have made larger than
        # asked. With no room to spare the window manager places it: Qt's xcb platform would
        # take a position given at a scale factor for the client's corner, not the frame's,
        # and put the title bar above the screen.
        left = (available.width() - self.width()) // 2 - border
        top = (available.height() - self.height() - title - border) // 2
        if left > 0 and top > 0:
            self.move(available.x() + left, available.y() + top)
