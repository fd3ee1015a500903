"""Changes to the ticks that do not come from ticking: a paste, the Import dialog, a preset,
Undo and Redo; and the copy of the scope string out to the clipboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from scope_picker.core.catalogue import Catalogue
from scope_picker.core.presets import Preset
from scope_picker.core.scope_string import CopyFormat, format_scopes, parse_scopes
from scope_picker.core.selection import Selection
from scope_picker.core.selection_history import SelectionHistory
from scope_picker.ui.paste.scope_import import ImportReport, import_outcome
from scope_picker.ui.scope_string.copy_format import CopyFormatBox
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.wording import plural

if TYPE_CHECKING:
    from scope_picker.ui.paste.import_dialog import ImportDialog

NOTHING_TO_COPY = "Nothing to copy: no scope is ticked"
NO_CLIPBOARD = "Could not copy: no clipboard is available; select the scope string instead"
NOTHING_TO_PASTE = "Nothing to paste: the clipboard holds no text"


class SelectionEdits(QObject):
    """Paste, import, presets, undo and redo over the one ``Selection``, and Copy.

    Emits ``message`` with what each did, for the status bar. ``history`` records every change
    to the selection, whoever made it, so that Undo takes back ticks as well.
    """

    message = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        selection: Selection,
        copy_format: CopyFormatBox,
        import_report: ImportReport,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._selection = selection
        self._copy_format = copy_format
        self._import_report = import_report
        self._dialog_parent = parent
        self.history = SelectionHistory(selection)

    def copy_scope_string(self) -> None:
        """Copy the ticked scopes in the chosen format and say so in the status bar."""
        scopes = self._selection.scopes
        if not scopes:
            self.message.emit(NOTHING_TO_COPY)
            return
        fmt = self._copy_format.current_format()
        if copy_text(format_scopes(scopes, fmt)):
            shape = "" if fmt is CopyFormat.SPACE else f" as {fmt.label}"
            self.message.emit(f"Copied {plural(len(scopes), 'scope')}{shape}")
        else:
            self.message.emit(NO_CLIPBOARD)

    def paste_scope_string(self) -> None:
        """Select the scopes in the clipboard's text (the Paste key outside text fields)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.message.emit(NOTHING_TO_PASTE)
            return
        self.import_scope_text(text, "clipboard")

    def open_import_dialog(self) -> ImportDialog:
        """Open the Import box; accepting it selects what it holds."""
        from scope_picker.ui.paste.import_dialog import ImportDialog  # deferred: see import_dialog

        dialog = ImportDialog(self._catalogue, self._dialog_parent)
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
        self.message.emit(headline)
        if problems:
            self._import_report.show_report(headline, problems)
        else:
            self._import_report.dismiss()

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
        self.message.emit(f"{what}: {count} ticked")

    def apply_preset(self, preset: Preset) -> None:
        """Replace the selection with a preset's scopes, as one change."""
        self._selection.replace(preset.scopes)
        self.message.emit(
            f"Preset {preset.name}: {plural(len(preset.scopes), 'scope')} ticked, "
            "replacing the previous selection"
        )
