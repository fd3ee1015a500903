"""Probe's results as they arrive: per endpoint what the catalogue predicted and what Spotify
answered, the differences first in the report to copy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scope_picker.core.live.probe import ProbeResult, Verdict, probe_report
from scope_picker.ui.live.background import BackgroundTask
from scope_picker.ui.live.session import LiveSession
from scope_picker.ui.shared.clipboard import copy_text
from scope_picker.ui.shared.widgets import describe

COLUMNS = ("Endpoint", "Catalogue predicted", "Spotify answered", "Verdict")


class ProbeDialog(QDialog):
    """Runs Probe once and lists the results; Copy report puts the differences on the clipboard."""

    def __init__(self, session: LiveSession, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("probeDialog")
        self.setWindowTitle("Probe")
        self._session = session
        self.results: list[ProbeResult] = []
        self.summary_label = QLabel()
        self.summary_label.setObjectName("probeSummary")
        self.summary_label.setWordWrap(True)
        self.results_view = QTreeWidget()
        describe(
            self.results_view,
            "probeResults",
            "Probe results",
            "Each GET the token's scopes cover: the catalogue's prediction and Spotify's answer.",
        )
        self.results_view.setHeaderLabels(list(COLUMNS))
        self.results_view.setRootIsDecorated(False)
        self.stop_button = QPushButton("&Stop")
        describe(self.stop_button, "stopProbeButton", "Stop", "Stop probing.")
        self.copy_button = QPushButton("&Copy report")
        describe(
            self.copy_button,
            "copyProbeReportButton",
            "Copy report",
            "Copy the differences as a report for the catalogue's maintainers.",
        )
        self.copy_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.results_view, 1)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self._copy_report)
        self.resize(760, 480)
        self._task: BackgroundTask | None = session.probe()
        if self._task is None:
            self.summary_label.setText("Get a token first.")
            self.stop_button.setEnabled(False)
            return
        self.stop_button.clicked.connect(self._task.cancel)
        self._task.progressed.connect(self._add)
        self._task.finished.connect(self._done)
        self._task.failed.connect(self.summary_label.setText)
        self.summary_label.setText("Probing…")
        self._task.start()

    def _add(self, result: object) -> None:
        assert isinstance(result, ProbeResult)
        self.results.append(result)
        item = QTreeWidgetItem(
            [result.endpoint.label, result.predicted, result.answered, result.verdict.value]
        )
        if result.note:
            for column in range(len(COLUMNS)):
                item.setToolTip(column, result.note)
        if result.verdict is Verdict.DIFFERS:
            font = item.font(0)
            font.setBold(True)
            for column in range(len(COLUMNS)):
                item.setFont(column, font)
        self.results_view.addTopLevelItem(item)
        self.summary_label.setText(f"Probing… {len(self.results)} answered")

    def _done(self) -> None:
        differences = sum(result.verdict is Verdict.DIFFERS for result in self.results)
        self.summary_label.setText(
            f"{len(self.results)} endpoints probed; {differences} differ from the catalogue."
        )
        self.stop_button.setEnabled(False)
        self.copy_button.setEnabled(bool(self.results))

    def report(self) -> str:
        token = self._session.token
        if token is None:
            return ""
        return probe_report(self.results, token, self._session.catalogue)

    def _copy_report(self) -> None:
        if copy_text(self.report()):
            self.summary_label.setText("Copied the report.")

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(result)
