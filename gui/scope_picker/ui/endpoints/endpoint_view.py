"""The endpoints pane: a count, the "need no scope" switch, and the grouped endpoint list."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimerEvent,
)
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.catalogue import Endpoint
from scope_picker.ui.endpoints.endpoint_model import (
    COLUMNS,
    NAME_COLUMN,
    NOTES_COLUMN,
    REQUEST_COLUMN,
    EndpointGroup,
    EndpointModel,
)
from scope_picker.ui.shared.doc_links import OpenDocumentationAction
from scope_picker.ui.shared.selection_adapter import SelectionAdapter
from scope_picker.ui.shared.try_it_action import TRY_IT_SHORTCUT, TryItAction
from scope_picker.ui.shared.two_level_model import ROOT
from scope_picker.ui.shared.widgets import describe, let_shrink_to_lines

TextKey = tuple[int, bool, bool, str]
"""What decides a cell's width: column, group row or not, deprecated or not, its text."""


class EndpointList(QTreeView):
    """The grouped endpoint list; each column fits its widest text, measured once per text.

    Left to itself, a ResizeToContents column asks the delegate for the size of every row on
    each reset, a dozen ``data()`` calls per cell, and the model resets on every tick. Here
    each distinct text is measured once by that same delegate and a column is as wide as the
    widest text among the rows shown (expanded groups); a new font or style measures afresh.
    Each group's widest texts are kept while the model keeps that group (it rebuilds only
    the groups a change touches), so a tick measures only what it changed. The header asks
    for every column several times per reset (once per layout pass), so each column's width
    is also kept until the rows shown change: a reset, an expand or a collapse.
    """

    def __init__(self, model: EndpointModel) -> None:
        super().__init__()
        self._model = model
        self._text_widths: dict[TextKey, int] = {}
        self._group_widths: dict[str, tuple[EndpointGroup, tuple[int, ...]]] = {}
        self._column_widths: dict[int, int] = {}
        self.setModel(model)
        let_shrink_to_lines(self)
        for rows_shown_change in (
            model.modelAboutToBeReset,
            model.modelReset,
            self.expanded,
            self.collapsed,
        ):
            rows_shown_change.connect(self._column_widths.clear)

    def sizeHintForColumn(self, column: int) -> int:
        width = self._column_widths.get(column)
        if width is None:
            width = self._column_widths[column] = self._widest_text(column)
        return width

    def _widest_text(self, column: int) -> int:
        """The width the column needs for the widest of its texts in the rows shown."""
        model = self._model
        if not model.groups:
            return -1  # what QTreeView answers for no rows: the header alone decides
        # Column 0 is indented as deep as the row sits, as QTreeView measures it.
        group_indent = self.indentation() if self.rootIsDecorated() else 0
        row_indent = group_indent + self.indentation()
        if column != NAME_COLUMN:
            group_indent = row_indent = 0
        widest = 0
        for group_row, group in enumerate(model.groups):
            key = (column, True, False, model.group_text(group, column))
            widest = max(widest, self._text_width(key, group_row, ROOT) + group_indent)
            if self.isExpanded(model.index(group_row, 0)):
                widest = max(widest, self._widest_rows(group_row, group)[column] + row_indent)
        return widest

    def _widest_rows(self, group_row: int, group: EndpointGroup) -> tuple[int, ...]:
        """Per column, the widest text of the group's endpoint rows, measured once per group."""
        kept = self._group_widths.get(group.name)
        if kept is not None and kept[0] is group:
            return kept[1]
        group_index = self._model.index(group_row, 0)
        texts = self._model.shown_texts(group_row)
        widths = tuple(
            max(
                self._text_width(
                    (column, False, row.endpoint.deprecated, row_texts[column]),
                    row_number,
                    group_index,
                )
                for row_number, (row, row_texts) in enumerate(zip(group.rows, texts, strict=True))
            )
            for column in COLUMNS
        )
        self._group_widths[group.name] = (group, widths)
        return widths

    def _text_width(self, key: TextKey, row: int, parent: QModelIndex) -> int:
        """The delegate's width for a cell of this text and kind of row (fonts differ)."""
        width = self._text_widths.get(key)
        if width is None:
            width = self.sizeHintForIndex(self._model.index(row, key[0], parent)).width()
            self._text_widths[key] = width
        return width

    def lay_out_now(self) -> None:
        """Lay out the rows and size the columns now, after a reset and its expansions.

        Left to Qt, each waits for a zero timer: the rows' layout, then the header's resize
        to contents, then (for a column that changed width) the view's own fix-up of its
        scroll bars and repaint of the columns right of it; each lands after the next paint,
        and the window paints the list again for each. Done here, before that paint, the
        one paint after a change shows the final list.
        """
        self.executeDelayedItemsLayout()
        self.header().sectionSize(NAME_COLUMN)  # carries out the header's pending resize
        dispatcher = QAbstractEventDispatcher.instance()
        for timer in dispatcher.registeredTimers(self) if dispatcher else ():
            if timer.interval == 0:  # work the view left for the event loop's next pass
                QCoreApplication.sendEvent(self, QTimerEvent(timer.timerId))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._text_widths.clear()
            self._group_widths.clear()
            self._column_widths.clear()
        elif event.type() == QEvent.Type.PaletteChange:
            self._model.follow_palette()
        super().changeEvent(event)


class TextChangeBoundary(QWidget):
    """Holds one word-wrapped label, so that a new text relayouts the window only when it
    changes the label's height.

    A label asks its parent's layout to recompute on every ``setText``; that request climbs
    to the window, and the tab widget on its way repaints all of its page. This holder has
    no layout: it keeps the label filling it and passes a request on only when the label
    needs another height for the current width (a new line, one fewer).
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())

    def sizeHint(self) -> QSize:
        return self._label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self._label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self._label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._label.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.LayoutRequest
            and self.heightForWidth(self.width()) != self.height()
        ):
            self.updateGeometry()
        return super().event(event)


class EndpointPanel(QWidget):
    """Shows the ``EndpointModel`` with every group expanded except those the user folded.

    The model resets on each tick; the groups the user collapsed stay collapsed.
    """

    def __init__(self, adapter: SelectionAdapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EndpointModel(adapter, self)
        self._collapsed: set[str] = set()

        self.summary = QLabel()
        self.summary.setObjectName("endpointSummary")
        self.summary.setWordWrap(True)

        self.show_public = QCheckBox("Show endpoints that need &no scope")
        describe(
            self.show_public,
            "showPublicEndpoints",
            "Show endpoints that need no scope",
            "Also list the endpoints any access token can call, with or without scopes",
        )
        self.show_public.toggled.connect(self.model.set_show_public)

        self.view = EndpointList(self.model)
        describe(
            self.view,
            "endpointList",
            "Covered endpoints",
            "Endpoints the ticked scopes concern, by reference group; "
            "greyed rows are blocked until another scope is ticked. "
            "Enter or a double click opens the endpoint's reference page; "
            f"{TRY_IT_SHORTCUT.toString()} tries it with a live token",
        )
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a cut path keeps both ends
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        # Every column as wide as its longest text: a narrow window scrolls sideways
        # instead of cutting notes such as "blocked: also needs ..." short.
        header.setStretchLastSection(False)
        for column in (NAME_COLUMN, REQUEST_COLUMN, NOTES_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.collapsed.connect(self._remember_collapsed)
        self.view.expanded.connect(self._forget_collapsed)
        self.model.modelReset.connect(self._refresh)
        self.open_documentation_action = OpenDocumentationAction(
            "Open Reference &Documentation",
            self.view,
            self._documentation_url_at,
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
        )
        self.open_documentation_action.setObjectName("openEndpointDocumentationAction")
        self.open_documentation_action.setStatusTip(
            "Open the current endpoint's page in Spotify's documentation in your browser"
        )
        self.view.doubleClicked.connect(self.open_documentation_action.open_at)
        self.try_it_action = TryItAction(
            self.view, self._endpoint_at, self.open_documentation_action.context_menu
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(TextChangeBoundary(self.summary))
        layout.addWidget(self.show_public)
        layout.addWidget(self.view)
        self._refresh()

    def _refresh(self) -> None:
        self.summary.setText(self.model.summary())
        for row, group in enumerate(self.model.groups):
            if group.name not in self._collapsed:
                self.view.expand(self.model.index(row, 0))
        self.view.lay_out_now()

    def _endpoint_at(self, index: QModelIndex | QPersistentModelIndex) -> Endpoint | None:
        row = self.model.row_at(index) if index.isValid() else None
        return row.endpoint if row is not None else None

    def _documentation_url_at(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        row = self.model.row_at(index) if index.isValid() else None
        return row.endpoint.documentation_url if row is not None else None

    def _remember_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.add(self.model.groups[index.row()].name)

    def _forget_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.discard(self.model.groups[index.row()].name)
