"""The Scopes list: the view that shows the scope tree, checkable, with its columns sized once."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QHeaderView, QTreeView

from scope_picker.ui.scopes.scope_tree_model import DESCRIPTION_COLUMN, NAME_COLUMN
from scope_picker.ui.shared.widgets import describe, set_up_checklist


def make_scope_tree(model: QAbstractItemModel) -> QTreeView:
    """The Scopes list: a checkable tree over ``model`` (the scope tree, maybe filtered)."""
    tree = QTreeView()
    describe(
        tree,
        "scopeTree",
        "Scopes",
        "Tick the scopes your app asks for (Space ticks the current row); "
        "ticking a category ticks all its scopes (while searching, those shown)",
    )
    tree.setModel(model)
    set_up_checklist(tree)
    tree.expandAll()
    header = tree.header()
    header.setStretchLastSection(True)
    # Names never change, so the name column is sized to them once: in ResizeToContents
    # mode Qt would measure every row again on each tick (tests/benchmarks/bench.py).
    header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Interactive)
    tree.resizeColumnToContents(NAME_COLUMN)
    return tree
