"""What every snapshot file shares: where its source came from, and one way to write JSON."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def source_record(kind: str, url: str, retrieved: str, raw: bytes) -> dict[str, Any]:
    """The header of a snapshot: the kind of source, its URL, the day it was read, its sha256."""
    return {
        "kind": kind,
        "url": url,
        "retrieved": retrieved,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }


def render(data: object) -> str:
    """The one JSON layout of every file the tool writes, so a rebuild is byte-identical."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
