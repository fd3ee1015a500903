"""The main window: tick scopes, see what they unlock and what users are asked, copy the string."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from scope_picker import APP_NAME
from scope_picker.core.catalogue import SCOPES_PAGE_URL, Catalogue
from scope_picker.core.coverage import Coverage
from scope_picker.core.endpoint_plan import EndpointPlan
from scope_picker.core.presets import Preset, presets
from scope_picker.core.saved_selection import (
    CHOICES,
    OPTIONAL,
    PICKED,
    restore_plan,
    restore_scopes,
    saved_plan,
    saved_value,
)
from scope_picker.core.scope_string import CopyFormat, format_scopes, parse_scopes
from scope_picker.core.selection import Selection
from scope_picker.core.selection_history import SelectionHistory
from scope_picker.ui.consent.consent_view import ConsentView
from scope_picker.ui.endpoints.endpoint_view import EndpointPanel
from scope_picker.ui.paste.scope_import import ImportReport, import_outcome
from scope_picker.ui.presets.presets_menu import presets_menu
from scope_picker.ui.scope_string.copy_format import CopyFormatBox
from scope_picker.ui.scopes.scope_details import ScopeDetails
from scope_picker.ui.scopes.scope_tree_model import (
    DESCRIPTION_COLUMN,
    NAME_COLUMN,
    SCOPE_NAME_ROLE,
    ScopeTreeModel,
)
from scope_picker.ui.search.search_bar import SearchBar, find_keys
from scope_picker.ui.shared.check_filter_proxy import CheckFilterProxy
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.doc_links import OpenDocumentationAction, open_documentation
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.widgets import describe, set_up_checklist
from scope_picker.ui.shared.wording import plural
from scope_picker.ui.theme.theme_menu import ThemeMenu

if TYPE_CHECKING:
    from scope_picker.ui.authorize.authorize_panel import AuthorizePanel
    from scope_picker.ui.paste.import_dialog import ImportDialog
    from scope_picker.ui.picker.endpoint_picker import EndpointPicker

GEOMETRY_KEY = "window/geometry"
SPLITTER_KEYS = ("window/mainSplitter", "window/leftSplitter", "window/rightSplitter")
SCOPES_KEY = "selection/scopes"
PLAN_KEYS = {PICKED: "picker/endpoints", CHOICES: "picker/choices", OPTIONAL: "picker/optional"}
"""Where the endpoint picks are saved, by the name ``saved_plan`` gives each text."""
SHOW_PUBLIC_KEY = "endpoints/showPublic"

COPY_SHORTCUT = QKeySequence("Ctrl+Shift+C")
AUTHORIZE_SHORTCUT = QKeySequence("Ctrl+U")
COVERAGE_SHORTCUT = QKeySequence("Ctrl+E")
PICKER_SHORTCUT = QKeySequence("Ctrl+K")
IMPORT_SHORTCUT = QKeySequence("Ctrl+Shift+V")
DEFAULT_SIZE = (1200, 760)
DEFAULT_SCOPES_WIDTH = 420
MESSAGE_TIMEOUT_MS = 8000
NOTHING_TO_COPY = "Nothing to copy: no scope is ticked"
NO_CLIPBOARD = "Could not copy: no clipboard is available; select the scope string instead"
NOTHING_TO_PASTE = "Nothing to paste: the clipboard holds no text"


class ScopeStringField(QLineEdit):
    """The read-only scope string; the standard Copy key copies all of it, like the button."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            event.accept()
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """Scope tree and details on the left, endpoints and consent preview on the right,
    the scope string with its Copy button along the bottom.

    Every pane listens to the one ``Selection``; nothing here computes coverage.
    Geometry, pane sizes and the ticked scopes are kept in ``settings``; anything stale or
    damaged there is ignored and named in the status bar.
    """

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
        self._catalogue = catalogue
        self._selection = selection
        self._settings = settings
        self.adapter = SelectionAdapter(selection, self)
        self.history = SelectionHistory(selection)

        self.undo_action, self.redo_action = self._make_history_actions()
        self.copy_action = self._make_copy_action()
        self.quit_action = self._make_quit_action()
        self.paste_action, self.import_action, self.find_action = self._make_import_actions()
        self.scope_model = ScopeTreeModel(self.adapter, self)
        self.scope_proxy = CheckFilterProxy(self.scope_model, self)
        self.scope_tree = self._make_scope_tree()
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
        self._plan = EndpointPlan(catalogue)
        self._picker: EndpointPicker | None = None
        self.search = SearchBar()
        self.import_report = ImportReport()
        self.scope_string = self._make_scope_string()
        self.copy_button = self._make_copy_button()
        self.copy_format = CopyFormatBox(settings)

        self.main_splitter, self.left_splitter, self.right_splitter = self._lay_out()
        self.show_coverage_action, self.show_authorize_action, self.show_picker_action = (
            self._make_tab_actions()
        )
        self._splitters: Mapping[str, QSplitter] = dict(
            zip(
                SPLITTER_KEYS,
                (self.main_splitter, self.left_splitter, self.right_splitter),
                strict=True,
            )
        )
        self.scope_documentation_action = self._make_scope_documentation_action()
        self.theme_menu = ThemeMenu(settings, self)
        self._make_menus()
        self._set_tab_order()
        for request in (
            self.scope_documentation_action.requested,
            self.details.documentation_requested,
            self.endpoints.open_documentation_action.requested,
        ):
            request.connect(self._open_documentation)
        self.scope_tree.setFocus()  # where a keyboard user starts, though search comes first

        self.adapter.changed.connect(self._show_scope_string)
        # With endpoints picked, a tick can flag the current scope in the details.
        self.adapter.changed.connect(
            lambda _coverage: self._refresh_details() if self._plan.picked else None
        )
        self.search.query_changed.connect(self._search)
        self.scope_model.show_plan(self._plan)
        self._show_scope_string(selection.coverage)
        self.history.subscribe(self._show_history_state)
        self._restore_settings()
        self.history.forget()  # the restored selection is where this session starts

    # --- building -------------------------------------------------------------------------

    def _make_history_actions(self) -> tuple[QAction, QAction]:
        """Edit > Undo and Redo: take back (or make again) the last change to the ticks.

        Text fields keep the same keys for their own text, as they keep Paste.
        """
        undo = QAction("&Undo", self)
        undo.setObjectName("undoAction")
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        undo.setStatusTip("Take back the last change to the ticked scopes")
        undo.triggered.connect(self.undo)
        redo = QAction("&Redo", self)
        redo.setObjectName("redoAction")
        redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        redo.setStatusTip("Make the last undone change to the ticked scopes again")
        redo.triggered.connect(self.redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(action.statusTip())
            action.setEnabled(False)
            self.addAction(action)
        return undo, redo

    def _make_copy_action(self) -> QAction:
        action = QAction("&Copy Scope String", self)
        action.setObjectName("copyScopeStringAction")
        action.setShortcut(COPY_SHORTCUT)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip("Copy the scope string to the clipboard")
        action.setStatusTip("Copy the scope string to the clipboard")
        action.triggered.connect(self.copy_scope_string)
        self.addAction(action)
        return action

    def _make_quit_action(self) -> QAction:
        action = QAction("&Quit", self)
        action.setObjectName("quitAction")
        # Windows has no standard Quit key; Ctrl+Q is what users of this app expect there too.
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        action.setShortcuts(keys)
        action.setToolTip("Quit Scope Picker")
        action.setStatusTip("Quit Scope Picker")
        action.triggered.connect(self.close)
        self.addAction(action)
        return action

    def _make_scope_documentation_action(self) -> OpenDocumentationAction:
        """Help > Scope Documentation (F1), also the scope list's context menu."""
        action = OpenDocumentationAction(
            "Scope &Documentation",
            self.scope_tree,
            self._scope_documentation_url,
            QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents),
            Qt.ShortcutContext.WindowShortcut,
        )
        action.setObjectName("scopeDocumentationAction")
        action.setStatusTip("Open the current scope on Spotify's Scopes page in your browser")
        return action

    def _scope_documentation_url(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The current scope's place on the Scopes page; the page itself for a category."""
        name = index.data(SCOPE_NAME_ROLE)  # a role, not scope_at: views may sort or filter
        return self._catalogue.scope(name).documentation_url if name else SCOPES_PAGE_URL

    def _make_import_actions(self) -> tuple[QAction, QAction, QAction]:
        """Paste (the standard key, when no text field takes it), Import… and Find."""
        paste = QAction("&Paste Scope String", self)
        paste.setObjectName("pasteScopeStringAction")
        paste.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))
        paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        paste.setToolTip("Select the scopes in the clipboard's text, replacing the ticked ones")
        paste.setStatusTip(paste.toolTip())
        paste.triggered.connect(self.paste_scope_string)
        imports = QAction("&Import Scope String…", self)
        imports.setObjectName("importScopeStringAction")
        imports.setShortcut(IMPORT_SHORTCUT)
        imports.setToolTip("Paste a scope string into a box, see what it holds, then select it")
        imports.setStatusTip(imports.toolTip())
        imports.triggered.connect(self.open_import_dialog)
        find = QAction("&Find…", self)
        find.setObjectName("findAction")
        find.setShortcut(find_keys())
        find.setToolTip("Search the scopes and endpoints")
        find.setStatusTip(find.toolTip())
        find.triggered.connect(self._focus_search)
        for action in (paste, imports, find):
            self.addAction(action)
        return paste, imports, find

    def _make_scope_tree(self) -> QTreeView:
        tree = QTreeView()
        describe(
            tree,
            "scopeTree",
            "Scopes",
            "Tick the scopes your app asks for (Space ticks the current row); "
            "ticking a category ticks all its scopes (while searching, those shown)",
        )
        tree.setModel(self.scope_proxy)
        set_up_checklist(tree)
        tree.expandAll()
        header = tree.header()
        header.setStretchLastSection(True)
        # Names never change, so the name column is sized to them once: in ResizeToContents
        # mode Qt would measure every row again on each tick (tests/benchmarks/bench.py).
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Interactive)
        tree.resizeColumnToContents(NAME_COLUMN)
        tree.selectionModel().currentChanged.connect(self._show_details)
        return tree

    def _make_scope_string(self) -> ScopeStringField:
        field = ScopeStringField()
        field.setObjectName("scopeString")
        field.setAccessibleName("Scope string")
        field.setReadOnly(True)
        field.setPlaceholderText("Tick scopes to build the scope string")
        field.setToolTip(
            "The scope parameter for Spotify's authorize URL: single spaces, catalogue order. "
            f"{self._shortcut_text()} or the Copy key copies all of it"
        )
        field.copy_requested.connect(self.copy_scope_string)
        return field

    def _make_copy_button(self) -> QPushButton:
        button = QPushButton("&Copy")
        describe(
            button,
            "copyScopeStringButton",
            "Copy scope string",
            f"Copy the scope string to the clipboard ({self._shortcut_text()})",
        )
        button.clicked.connect(self.copy_scope_string)
        return button

    def _shortcut_text(self) -> str:
        return self.copy_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _lay_out(self) -> tuple[QSplitter, QSplitter, QSplitter]:
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("leftSplitter")
        left.addWidget(_pane("&Scopes", self.scope_tree))
        left.addWidget(_pane("&Details", self.details))
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(_pane("End&points", self.endpoints, buddy=self.endpoints.view))
        right.addWidget(_pane("C&onsent screen preview", self.consent))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)

        authorize = QScrollArea()
        authorize.setObjectName("authorizeScrollArea")
        authorize.setWidgetResizable(True)
        authorize.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        authorize.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes straight to the panel's fields; the area scrolls to whichever has focus.
        authorize.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.right_tabs = QTabWidget()
        describe(
            self.right_tabs,
            "rightTabs",
            "Coverage, authorization URL and endpoint picker",
            f"What the scopes unlock ({COVERAGE_SHORTCUT.toString()}), the authorization "
            f"URL built from them ({AUTHORIZE_SHORTCUT.toString()}) and the endpoints your "
            f"app calls, to pick the scopes from ({PICKER_SHORTCUT.toString()})",
        )
        self.right_tabs.addTab(right, "Endpoints and consent")
        self.right_tabs.addTab(authorize, "Authorization URL")
        self._authorize_area = authorize
        # An empty page stands in for the picker until it is built (see ``picker``).
        self._picker_placeholder = QWidget()
        self._picker_placeholder.setObjectName("endpointPickerPlaceholder")
        self.right_tabs.currentChanged.connect(self._build_tab_when_shown)
        self.right_tabs.addTab(self._picker_placeholder, "Pick endpoints")
        # Three tabs in a narrow window: shorten their titles rather than hide one.
        self.right_tabs.setElideMode(Qt.TextElideMode.ElideRight)
        tab_bar = self.right_tabs.tabBar()
        describe(
            tab_bar,
            "rightTabBar",
            "Right-hand pages",
            self.right_tabs.toolTip(),
        )

        main = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(left)
        main.addWidget(self.right_tabs)
        main.setStretchFactor(0, 0)  # a wider window widens the endpoint columns
        main.setStretchFactor(1, 1)
        for splitter in (left, right, main):
            splitter.setChildrenCollapsible(False)

        string_label = QLabel("Scope st&ring:")
        string_label.setBuddy(self.scope_string)
        strip = QHBoxLayout()
        strip.addWidget(string_label)
        strip.addWidget(self.scope_string, 1)
        strip.addWidget(self.copy_button)
        format_label = QLabel("as")
        format_label.setBuddy(self.copy_format)
        strip.addWidget(format_label)
        strip.addWidget(self.copy_format)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.import_report)
        layout.addWidget(main, 1)
        layout.addLayout(strip)
        self.setCentralWidget(central)
        return main, left, right

    def _make_tab_actions(self) -> tuple[QAction, QAction, QAction]:
        actions = []
        for index, (text, name, shortcut) in enumerate(
            [
                ("&Endpoints and Consent", "showCoverageAction", COVERAGE_SHORTCUT),
                ("&Authorization URL", "showAuthorizeAction", AUTHORIZE_SHORTCUT),
                ("&Pick Endpoints", "showPickerAction", PICKER_SHORTCUT),
            ]
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(shortcut)
            action.setStatusTip(f"Show {text.replace('&', '').lower()}")
            action.triggered.connect(lambda _=False, tab=index: self._show_tab(tab))
            self.addAction(action)
            actions.append(action)
        return actions[0], actions[1], actions[2]

    def _show_tab(self, index: int) -> None:
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
            from scope_picker.ui.authorize.authorize_panel import (
                AuthorizePanel,  # deferred: see above
            )

            panel = AuthorizePanel(self._settings)
            panel.set_scopes(self._selection.scopes)
            self.adapter.changed.connect(lambda coverage: panel.set_scopes(coverage.scopes))
            panel.status_message.connect(
                lambda message: self.statusBar().showMessage(message, MESSAGE_TIMEOUT_MS)
            )
            self._authorize_area.setWidget(panel)
            self._authorize = panel
        return self._authorize

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

            picker = EndpointPicker(self.adapter, self._plan)
            if self.search.query:
                picker.set_search(self.search.query)
            picker.status_message.connect(
                lambda message: self.statusBar().showMessage(message, MESSAGE_TIMEOUT_MS)
            )
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

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.paste_action)
        edit_menu.addAction(self.import_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self.show_coverage_action)
        view_menu.addAction(self.show_authorize_action)
        view_menu.addAction(self.show_picker_action)
        view_menu.addSeparator()
        view_menu.addMenu(self.theme_menu)
        self.presets_menu = presets_menu(
            "Prese&ts", presets(self._catalogue), self.apply_preset, self
        )
        self.menuBar().addMenu(self.presets_menu)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.scope_documentation_action)
        help_menu.addSeparator()
        about = help_menu.addAction("&About Scope Picker")
        about.setObjectName("aboutAction")
        about.setStatusTip("Versions, the catalogue's sources and dates, licence")
        about.triggered.connect(self._show_about)
        about_qt = help_menu.addAction("About &Qt")
        about_qt.setObjectName("aboutQtAction")
        about_qt.setStatusTip("The Qt version Scope Picker runs on")
        about_qt.triggered.connect(QApplication.aboutQt)

    def _show_about(self) -> None:
        from scope_picker.ui.about.about import show_about  # deferred: only this menu item uses it

        show_about(self, self._catalogue)

    def _set_tab_order(self) -> None:
        chain = [
            self.search.field,
            self.scope_tree,
            self.details,
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

    def copy_scope_string(self) -> None:
        """Copy the ticked scopes in the chosen format and say so in the status bar."""
        scopes = self._selection.scopes
        if not scopes:
            self.statusBar().showMessage(NOTHING_TO_COPY, MESSAGE_TIMEOUT_MS)
            return
        fmt = self.copy_format.current_format()
        if copy_text(format_scopes(scopes, fmt)):
            shape = "" if fmt is CopyFormat.SPACE else f" as {fmt.label}"
            self.statusBar().showMessage(
                f"Copied {plural(len(scopes), 'scope')}{shape}", MESSAGE_TIMEOUT_MS
            )
        else:
            self.statusBar().showMessage(NO_CLIPBOARD, MESSAGE_TIMEOUT_MS)

    def _open_documentation(self, url: str) -> None:
        self.statusBar().showMessage(open_documentation(url), MESSAGE_TIMEOUT_MS)

    def paste_scope_string(self) -> None:
        """Select the scopes in the clipboard's text (the Paste key outside text fields)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(NOTHING_TO_PASTE, MESSAGE_TIMEOUT_MS)
            return
        self.import_scope_text(text, "clipboard")

    def open_import_dialog(self) -> ImportDialog:
        """Open the Import box; accepting it selects what it holds."""
        from scope_picker.ui.paste.import_dialog import ImportDialog  # deferred: see import_dialog

        dialog = ImportDialog(self._catalogue, self)
        dialog.accepted.connect(lambda: self.import_scope_text(dialog.text(), "imported text"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def import_scope_text(self, text: str, source: str) -> None:
        """Replace the selection with the known scopes in ``text``; report every problem."""
        parsed = parse_scopes(self._catalogue, text)
        if parsed.known:
            self._selection.replace(parsed.known)
        headline, problems = import_outcome(parsed, source)
        self.statusBar().showMessage(headline, MESSAGE_TIMEOUT_MS)
        if problems:
            self.import_report.show_report(headline, problems)
        else:
            self.import_report.dismiss()

    def undo(self) -> None:
        """Go back to the ticks before the last change, and say where that leaves them."""
        if self.history.undo():
            self._show_ticked("Undone")

    def redo(self) -> None:
        """Make the last undone change again."""
        if self.history.redo():
            self._show_ticked("Redone")

    def _show_ticked(self, what: str) -> None:
        count = plural(len(self._selection.scopes), "scope")
        self.statusBar().showMessage(f"{what}: {count} ticked", MESSAGE_TIMEOUT_MS)

    def _show_history_state(self) -> None:
        self.undo_action.setEnabled(self.history.can_undo)
        self.redo_action.setEnabled(self.history.can_redo)

    def apply_preset(self, preset: Preset) -> None:
        """Replace the selection with a preset's scopes, as one change."""
        self._selection.replace(preset.scopes)
        self.statusBar().showMessage(
            f"Preset {preset.name}: {plural(len(preset.scopes), 'scope')} ticked, "
            "replacing the previous selection",
            MESSAGE_TIMEOUT_MS,
        )

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

    def _focus_search(self) -> None:
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def _search(self, query: str) -> None:
        self.scope_proxy.set_search(query)
        self.scope_tree.expandAll()
        self.picker.set_search(query)  # the first search builds the page: it counts the matches
        self.search.show_counts(
            self.scope_proxy.visible_leaf_count(), self.picker.proxy.visible_leaf_count()
        )

    def _show_plan(self) -> None:
        self.scope_model.show_plan(self._plan)
        self._refresh_details()

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
                self._plan.explain(scope.name),
                flagged=self.scope_model.is_unneeded(scope.name),
            )

    # --- settings -------------------------------------------------------------------------

    def save_settings(self) -> None:
        """Remember geometry, pane sizes, the ticks, the endpoint picks and the public toggle."""
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        for key, splitter in self._splitters.items():
            self._settings.setValue(key, splitter.saveState())
        self._settings.setValue(SCOPES_KEY, saved_value(self._selection.scopes))
        for name, text in saved_plan(self._plan).items():
            self._settings.setValue(PLAN_KEYS[name], text)
        self._settings.setValue(SHOW_PUBLIC_KEY, self.endpoints.show_public.isChecked())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    def _restore_settings(self) -> None:
        """Restore what the last run saved; name whatever had to be ignored."""
        ignored: list[str] = []
        self._resize_to_default()
        self._size_panes_to_default()
        if not _restore_bytes(self._settings.value(GEOMETRY_KEY), self.restoreGeometry):
            ignored.append("the window size and position")
        unrestored_panes = [
            key
            for key, splitter in self._splitters.items()
            if not _restore_bytes(self._settings.value(key), splitter.restoreState)
        ]
        if unrestored_panes:
            ignored.append("the pane sizes")
        if self.theme_menu.ignored_saved_theme:
            ignored.append("the theme")
        copy_format_note = self.copy_format.restore()
        if copy_format_note:
            ignored.append(copy_format_note)
        show_public = _saved_flag(self._settings.value(SHOW_PUBLIC_KEY, False))
        if show_public is None:
            ignored.append("whether to show the endpoints that need no scope")
        else:
            self.endpoints.show_public.setChecked(show_public)
        stored_scopes = self._settings.value(SCOPES_KEY)
        if stored_scopes is not None:
            restored = restore_scopes(self._catalogue, stored_scopes)
            self._selection.replace(restored.scopes)
            if restored.ignored:
                ignored.append(restored.ignored)
        # The picks come back as they were left, without replacing the ticks restored above:
        # scopes ticked by hand after picking stay ticked (and flagged if nothing needs them).
        stored_plan = {name: self._settings.value(key) for name, key in PLAN_KEYS.items()}
        plan_note = restore_plan(self._plan, stored_plan)
        if plan_note:
            ignored.append(plan_note)
        if self._plan.picked:
            self._show_plan()
        # An INI file is parsed section by section as keys are looked up, so a damaged file
        # can look fine to the reads above; listing every key parses all of it.
        self._settings.allKeys()
        if self._settings.status() is not QSettings.Status.NoError:
            ignored.append("the settings file (damaged or unreadable)")
        if ignored:
            self.statusBar().showMessage("Ignored saved settings: " + "; ".join(ignored))

    def _size_panes_to_default(self) -> None:
        """Scopes get what their names need; endpoints, with the longest rows, the rest."""
        width = self.width()
        left = min(DEFAULT_SCOPES_WIDTH, round(width * 0.42))
        self.main_splitter.setSizes([left, width - left])

    def _resize_to_default(self) -> None:
        available = self.screen().availableGeometry()
        width, height = DEFAULT_SIZE
        self.resize(min(width, available.width()), min(height, available.height()))


def _saved_flag(value: object) -> bool | None:
    """A saved yes or no: INI files give back ``"true"`` or ``"false"``; None for else."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    return None


def _restore_bytes(value: object, restore: Callable[[QByteArray], bool]) -> bool:
    """Hand saved Qt state to ``restore``; False when it is not bytes or Qt rejects it.

    Nothing saved (None) counts as restored: a first run has nothing to complain about.
    """
    if value is None:
        return True
    if isinstance(value, bytes):
        value = QByteArray(value)
    return isinstance(value, QByteArray) and restore(value)


def _pane(heading: str, widget: QWidget, buddy: QWidget | None = None) -> QWidget:
    """A heading over a widget; the heading's mnemonic moves focus to ``buddy`` (or the widget)."""
    label = QLabel(heading)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy or widget)
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget)
    return pane
