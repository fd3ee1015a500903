"""The main window's kinds of widgets, laid out as the app lays them out, with no app code.

bench.py starts it next to the app and the bare window to split the app's cold start into
what Qt and PySide6 cost for these widgets (menus, two item views over C++ models with about
as many rows, two text browsers, tabs, splitters, line edits, a combo box, a status bar) and
what the app's own code adds: its imports, its catalogue, its Python models and settings.
The texts are stand-ins of about the app's lengths; nothing here reads the catalogue.
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

CATEGORIES, SCOPES_EACH, ACTIONS_EACH = 9, 3, 4
MENUS = ("&File", "&Edit", "&View", "Prese&ts", "&Help")
TABS = ("Endpoints and consent", "Authorization URL", "Pick endpoints")


def scope_tree() -> QTreeView:
    """Categories of checkable scopes with a description column, all expanded."""
    view = QTreeView()
    model = QStandardItemModel(view)
    for category in range(CATEGORIES):
        group = QStandardItem(f"Category {category}")
        for scope in range(SCOPES_EACH):
            name = QStandardItem(f"scope-name-{category}-{scope}")
            name.setCheckable(True)
            group.appendRow([name, QStandardItem("What the scope lets an app read or change")])
        model.appendRow([group, QStandardItem("")])
    view.setModel(model)
    view.expandAll()
    return view


def column(*widgets: QWidget) -> QWidget:
    """The widgets stacked top to bottom."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


def splitter(orientation: Qt.Orientation, *widgets: QWidget) -> QSplitter:
    """The widgets side by side (or stacked) in a splitter."""
    split = QSplitter(orientation)
    for widget in widgets:
        split.addWidget(widget)
    return split


def main() -> int:
    """Show the window and run until killed (bench.py kills it after its first flush)."""
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Scope Picker")
    for title in MENUS:
        menu = window.menuBar().addMenu(title)
        for number in range(ACTIONS_EACH):
            menu.addAction(QAction(f"Action {number}", window))
    search = QLineEdit()
    search.setPlaceholderText("Search scopes, consent wording and endpoints")
    details = QTextBrowser()
    details.setHtml("<p>Select a scope to see its description, notes and endpoints.</p>")
    left = column(search, splitter(Qt.Orientation.Vertical, scope_tree(), details))
    endpoints = QTreeView()
    endpoints.setModel(QStandardItemModel(0, 3, endpoints))
    consent = QTextBrowser()
    consent.setHtml("<p>No scope is ticked: a token without scopes reads only public data.</p>")
    page = column(
        QLabel("0 endpoints covered"), QCheckBox("Show endpoints that need no scope"), endpoints
    )
    tabs = QTabWidget()
    tabs.addTab(splitter(Qt.Orientation.Vertical, page, consent), TABS[0])
    for title in TABS[1:]:
        tabs.addTab(QWidget(), title)
    scope_string = QLineEdit()
    scope_string.setReadOnly(True)
    bottom = QWidget()
    row = QHBoxLayout(bottom)
    for widget in (QLabel("Scope string:"), scope_string, QComboBox(), QPushButton("Copy")):
        row.addWidget(widget)
    window.setCentralWidget(column(splitter(Qt.Orientation.Horizontal, left, tabs), bottom))
    window.statusBar().showMessage("Ready")
    window.resize(800, 760)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
