"""The format the Copy button copies in, remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QComboBox, QWidget

from scope_picker.core.scope_string import CopyFormat
from scope_picker.ui.shared.widgets import describe

COPY_FORMAT_KEY = "copy/format"
_NARROW_CHARS = 18


class CopyFormatBox(QComboBox):
    """Every ``CopyFormat``; each choice is saved at once, so a crash does not lose it."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        describe(
            self,
            "copyFormat",
            "Copy format",
            "What Copy puts on the clipboard: the space-separated string Spotify expects, "
            "or the same scopes ready for your code",
        )
        for fmt in CopyFormat:
            self.addItem(fmt.label, fmt.name)
        popup = self.view()
        describe(popup, "copyFormatList", "Copy formats", self.toolTip())
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._save)

    def minimumSizeHint(self) -> QSize:
        # Wide windows show the whole label; narrow ones may cut it short (the pop-up and the
        # tooltip always show it whole) rather than squeeze the scope string.
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().averageCharWidth() * _NARROW_CHARS), hint.height()
        )

    def current_format(self) -> CopyFormat:
        """The chosen format."""
        return list(CopyFormat)[self.currentIndex()]

    def set_format(self, fmt: CopyFormat) -> None:
        """Choose ``fmt`` (and remember it)."""
        self.setCurrentIndex(list(CopyFormat).index(fmt))

    def restore(self) -> str | None:
        """Choose the saved format; a value that names none is dropped and described."""
        saved = self._settings.value(COPY_FORMAT_KEY)
        if saved is None:
            return None
        fmt = CopyFormat.from_saved(saved)
        if fmt is None:
            self._settings.remove(COPY_FORMAT_KEY)
            return "the copy format (unknown)"
        self.set_format(fmt)
        return None

    def _save(self) -> None:
        self._settings.setValue(COPY_FORMAT_KEY, self.current_format().name)
