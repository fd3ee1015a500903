"""A JSON answer as a foldable tree: objects and arrays are rows that open, values are text."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel

# A huge answer stays responsive: deeper or longer parts are summarised, the text has them all.
MAX_ROWS = 5000
HEADERS = ("Key", "Value")


def json_model(data: Any) -> QStandardItemModel:
    """Rows for ``data``; a container's value column says how many entries it holds."""
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(list(HEADERS))
    budget = [MAX_ROWS]
    root = model.invisibleRootItem()
    if isinstance(data, dict | list):
        _add_children(root, data, budget)
    else:
        root.appendRow(_row("value", data, budget))
    return model


def _row(key: str, value: Any, budget: list[int]) -> list[QStandardItem]:
    budget[0] -= 1
    key_item = QStandardItem(key)
    key_item.setEditable(False)
    if isinstance(value, dict):
        summary = f"{{{len(value)} {'entry' if len(value) == 1 else 'entries'}}}"
    elif isinstance(value, list):
        summary = f"[{len(value)} {'item' if len(value) == 1 else 'items'}]"
    else:
        summary = json.dumps(value, ensure_ascii=False)
    value_item = QStandardItem(summary)
    value_item.setEditable(False)
    if isinstance(value, dict | list):
        _add_children(key_item, value, budget)
    return [key_item, value_item]


def _add_children(
    parent: QStandardItem, value: dict[str, Any] | list[Any], budget: list[int]
) -> None:
    entries = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in entries:
        if budget[0] <= 0:
            more = QStandardItem("…")
            more.setEditable(False)
            note = QStandardItem("too long to list here: see Copy body")
            note.setEditable(False)
            parent.appendRow([more, note])
            return
        parent.appendRow(_row(str(key), child, budget))
