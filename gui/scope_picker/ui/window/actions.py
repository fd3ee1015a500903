"""The main window's actions, their keys, and the menu bar that lists them.

Every action is added to the window, so its key works from any focus stop in the window
where the focused widget does not use that key itself; ``WindowKeysFirst`` keeps text fields
from taking the window's keys for line-editing bindings of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from scope_picker.core.catalogue import AppMode
from scope_picker.core.presets import presets
from scope_picker.ui.presets.presets_menu import presets_menu
from scope_picker.ui.search.search_bar import find_keys
from scope_picker.ui.shared.doc_links import OpenDocumentationAction

if TYPE_CHECKING:
    from scope_picker.ui.window.main_window import MainWindow

COPY_SHORTCUT = QKeySequence("Ctrl+Shift+C")
AUTHORIZE_SHORTCUT = QKeySequence("Ctrl+U")
COVERAGE_SHORTCUT = QKeySequence("Ctrl+E")
PICKER_SHORTCUT = QKeySequence("Ctrl+K")
IMPORT_SHORTCUT = QKeySequence("Ctrl+Shift+V")


class WindowKeysFirst(QObject):
    """The window's keys reach its actions from every control in it.

    On X11 (and KDE and GNOME) Qt gives text fields Emacs-style bindings: Ctrl+E moves to the
    end of the line, Ctrl+U deletes it, and a field that has one claims the key before any
    window shortcut sees it, so Ctrl+E and Ctrl+U did nothing from Search. The window's own
    keys come first; a field keeps the keys that edit its text (paste, undo), which are not
    among them.
    """

    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {
            key.toString(QKeySequence.SequenceFormat.PortableText)
            for action in actions
            for key in action.shortcuts()
        }
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs one
        app.focusChanged.connect(self._watch)

    def _watch(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._window.isAncestorOf(new):
            new.installEventFilter(self)  # once: installing again only moves it to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        del watched
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if pressed.toString(QKeySequence.SequenceFormat.PortableText) not in self._keys:
            return False
        event.ignore()  # not the field's: the shortcut goes to the window's action
        return True


def make_history_actions(window: MainWindow) -> tuple[QAction, QAction]:
    """Edit > Undo and Redo: take back (or make again) the last change to the ticks.

    Text fields keep the same keys for their own text, as they keep Paste.
    """
    undo = QAction("&Undo", window)
    undo.setObjectName("undoAction")
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    undo.setStatusTip("Take back the last change to the ticked scopes")
    undo.triggered.connect(window.edits.undo)
    redo = QAction("&Redo", window)
    redo.setObjectName("redoAction")
    redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    redo.setStatusTip("Make the last undone change to the ticked scopes again")
    redo.triggered.connect(window.edits.redo)
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(action.statusTip())
        action.setEnabled(False)
        window.addAction(action)
    return undo, redo


def make_copy_action(window: MainWindow) -> QAction:
    """Edit > Copy Scope String (Ctrl+Shift+C anywhere in the window)."""
    action = QAction("&Copy Scope String", window)
    action.setObjectName("copyScopeStringAction")
    action.setShortcut(COPY_SHORTCUT)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip("Copy the scope string to the clipboard")
    action.setStatusTip("Copy the scope string to the clipboard")
    action.triggered.connect(window.edits.copy_scope_string)
    window.addAction(action)
    return action


def make_quit_action(window: MainWindow) -> QAction:
    """File > Quit."""
    action = QAction("&Quit", window)
    action.setObjectName("quitAction")
    # Windows has no standard Quit key; Ctrl+Q is what users of this app expect there too.
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    action.setShortcuts(keys)
    action.setToolTip("Quit Scope Picker")
    action.setStatusTip("Quit Scope Picker")
    action.triggered.connect(window.close)
    window.addAction(action)
    return action


def make_scope_documentation_action(window: MainWindow) -> OpenDocumentationAction:
    """Help > Scope Documentation (F1), also the scope list's context menu."""
    action = OpenDocumentationAction(
        "Scope &Documentation",
        window.scope_tree,
        window.scope_documentation_url,
        QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents),
        Qt.ShortcutContext.WindowShortcut,
    )
    action.setObjectName("scopeDocumentationAction")
    action.setStatusTip("Open the current scope on Spotify's Scopes page in your browser")
    return action


def make_import_actions(window: MainWindow) -> tuple[QAction, QAction, QAction]:
    """Paste (the standard key, when no text field takes it), Import… and Find."""
    paste = QAction("&Paste Scope String", window)
    paste.setObjectName("pasteScopeStringAction")
    paste.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))
    paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    paste.setToolTip("Select the scopes in the clipboard's text, replacing the ticked ones")
    paste.setStatusTip(paste.toolTip())
    paste.triggered.connect(window.edits.paste_scope_string)
    imports = QAction("&Import Scope String…", window)
    imports.setObjectName("importScopeStringAction")
    imports.setShortcut(IMPORT_SHORTCUT)
    imports.setToolTip("Paste a scope string into a box, see what it holds, then select it")
    imports.setStatusTip(imports.toolTip())
    imports.triggered.connect(window.edits.open_import_dialog)
    find = QAction("&Find…", window)
    find.setObjectName("findAction")
    find.setShortcut(find_keys())
    find.setToolTip("Search the scopes and endpoints")
    find.setStatusTip(find.toolTip())
    find.triggered.connect(window.focus_search)
    for action in (paste, imports, find):
        window.addAction(action)
    return paste, imports, find


def make_tab_actions(window: MainWindow) -> tuple[QAction, QAction, QAction]:
    """View > Endpoints and Consent, Authorization URL, Pick Endpoints (Ctrl+E, U, K)."""
    actions = []
    for index, (text, name, shortcut) in enumerate(
        [
            ("&Endpoints and Consent", "showCoverageAction", COVERAGE_SHORTCUT),
            ("&Authorization URL", "showAuthorizeAction", AUTHORIZE_SHORTCUT),
            ("&Pick Endpoints", "showPickerAction", PICKER_SHORTCUT),
        ]
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.setStatusTip(f"Show {text.replace('&', '').lower()}")
        action.triggered.connect(lambda _=False, tab=index: window.show_tab(tab))
        window.addAction(action)
        actions.append(action)
    return actions[0], actions[1], actions[2]


def make_mode_actions(window: MainWindow) -> dict[AppMode, QAction]:
    """View > App Mode: Development mode (every new app starts there) or Extended quota."""
    group = QActionGroup(window)
    group.setExclusive(True)
    actions = {}
    for mode, tip in (
        (
            AppMode.DEVELOPMENT,
            "Endpoints Spotify removed for Development-mode apps are unavailable",
        ),
        (AppMode.EXTENDED, "Every endpoint, as for apps with Extended quota"),
    ):
        action = QAction(mode.display_name, window)
        action.setObjectName(f"appMode:{mode.value}")
        action.setCheckable(True)
        action.setChecked(mode is AppMode.DEVELOPMENT)
        action.setStatusTip(tip)
        action.toggled.connect(
            lambda checked, chosen=mode: window.set_app_mode(chosen) if checked else None
        )
        group.addAction(action)
        actions[mode] = action
    return actions


def make_menus(window: MainWindow) -> None:
    """File, Edit, View, Presets and Help; sets ``window.presets_menu``."""
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction(window.quit_action)
    edit_menu = window.menuBar().addMenu("&Edit")
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.copy_action)
    edit_menu.addAction(window.paste_action)
    edit_menu.addAction(window.import_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.find_action)
    view_menu = window.menuBar().addMenu("&View")
    view_menu.addAction(window.show_coverage_action)
    view_menu.addAction(window.show_authorize_action)
    view_menu.addAction(window.show_picker_action)
    view_menu.addSeparator()
    mode_menu = view_menu.addMenu("App &Mode")
    mode_menu.setObjectName("appModeMenu")
    for action in window.mode_actions.values():
        mode_menu.addAction(action)
    view_menu.addMenu(window.theme_menu)
    window.presets_menu = presets_menu(
        "Prese&ts", presets(window.catalogue), window.edits.apply_preset, window
    )
    window.menuBar().addMenu(window.presets_menu)
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(window.scope_documentation_action)
    help_menu.addSeparator()
    about = help_menu.addAction("&About Scope Picker")
    about.setObjectName("aboutAction")
    about.setStatusTip("Versions, the catalogue's sources and dates, licence")
    about.triggered.connect(lambda: _show_about(window))
    about_qt = help_menu.addAction("About &Qt")
    about_qt.setObjectName("aboutQtAction")
    about_qt.setStatusTip("The Qt version Scope Picker runs on")
    about_qt.triggered.connect(QApplication.aboutQt)


def _show_about(window: MainWindow) -> None:
    from scope_picker.ui.about.about import show_about  # deferred: only this menu item uses it

    show_about(window, window.catalogue)
