"""Where the app's cold start goes, phase by phase, and what PySide6 builds on the way.

    .venv/bin/python tests/benchmarks/startup_profile.py [--json PATH]

bench.py times whole starts; this splits one. It takes the app's start-up steps in a fresh
interpreter started as bench.py starts the app (bytecode cached by a first, silent run), in
``scope_picker.app.main``'s order, and times each up to the first flush of the window. For
every phase it counts the Python enums PySide6 creates for the Qt classes first used there
(members and milliseconds spent in ``enum``) and the dataclasses defined: costs that come
with a name in the code, not with a line of it, so a profiler's call tree hides them. One
phase is not the app's own order: the first font lookup is made right after the
QApplication, so that Qt's font database, which every window that shows text loads and the
bare window (which shows none) never does, shows as a phase of its own.

One run, offscreen unless QT_QPA_PLATFORM says otherwise, settings in an empty folder; its
figures move by a few milliseconds between runs. bench.py remains the measure of record.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cold_start import QT_PAINTING_LOG, child_env, is_flush

PAINTING_CATEGORY = "qt.widgets.painting"
PAINT_TIMEOUT_MS = 60_000
EXIT_NOT_PAINTED = 2
MEASURED_CHILD = "SCOPE_PICKER_PROFILE_CHILD"
"""Set in the environment of the run that measures; the command itself starts that run."""


@dataclasses.dataclass
class Phase:
    """One step of the start: its wall time and what was built during it."""

    name: str
    ms: float = 0.0
    enums: int = 0
    enum_members: int = 0
    enum_ms: float = 0.0
    dataclasses: int = 0
    dataclass_ms: float = 0.0


class StartupProfile:
    """Times phases and counts the enums and dataclasses created in each.

    It wraps ``enum.EnumType._create_`` (PySide6 makes every Qt enum through it) and
    ``dataclasses._process_class`` for its own lifetime: ``hooks`` puts both back.
    """

    def __init__(self) -> None:
        self.phases: list[Phase] = []
        self._current = Phase("(before the first phase)")

    @contextmanager
    def hooks(self) -> Iterator[None]:
        """Count enum and dataclass creation while the block runs."""
        create_enum = enum.EnumType._create_  # type: ignore[attr-defined]
        process_class = dataclasses._process_class  # type: ignore[attr-defined]

        def counted_enum(cls: type, class_name: str, names: Any, **options: Any) -> Any:
            started = time.perf_counter()
            try:
                return create_enum(cls, class_name, names, **options)
            finally:
                self._current.enums += 1
                self._current.enum_members += len(names) if hasattr(names, "__len__") else 0
                self._current.enum_ms += (time.perf_counter() - started) * 1000

        def counted_dataclass(*args: Any, **options: Any) -> Any:
            started = time.perf_counter()
            try:
                return process_class(*args, **options)
            finally:
                self._current.dataclasses += 1
                self._current.dataclass_ms += (time.perf_counter() - started) * 1000

        enum.EnumType._create_ = counted_enum  # type: ignore[attr-defined]
        dataclasses._process_class = counted_dataclass  # type: ignore[attr-defined]
        try:
            yield
        finally:
            enum.EnumType._create_ = create_enum  # type: ignore[attr-defined]
            dataclasses._process_class = process_class  # type: ignore[attr-defined]

    def start(self, name: str) -> Callable[[], None]:
        """Begin phase ``name``; call what this returns when it ends."""
        phase = Phase(name)
        self.phases.append(phase)
        self._current = phase
        started = time.perf_counter()

        def end() -> None:
            phase.ms = (time.perf_counter() - started) * 1000

        return end

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """A phase that is one block of code."""
        end = self.start(name)
        try:
            yield
        finally:
            end()


def profile_start(profile: StartupProfile) -> bool:
    """The app's start, phase by phase, until its window's first flush; False if it never came."""
    with profile.phase("import PySide6 (the bare window pays this too)"):
        from PySide6 import QtCore, QtGui, QtWidgets
    with profile.phase("import the app (its modules, the Qt classes they name)"):
        from scope_picker import app as app_module
        from scope_picker.core.catalogue import load_catalogue
    end_of_paint: list[Callable[[], None]] = []

    def on_message(_mode: Any, context: Any, message: str) -> None:
        """Keep the painting log off the terminal; end the last phase at the first flush."""
        if context.category != PAINTING_CATEGORY:
            print(message, file=sys.stderr)
        elif end_of_paint and is_flush(f"{context.category}: {message}"):
            end_of_paint.pop()()
            QtCore.QTimer.singleShot(0, app.quit)

    QtCore.qInstallMessageHandler(on_message)
    with profile.phase("QApplication"):
        app_module.paint_on_one_thread()
        app = QtWidgets.QApplication([sys.argv[0]])
    with profile.phase("first font lookup (Qt's font database)"):
        QtGui.QFontMetrics(QtGui.QFont()).height()
    with profile.phase("window icon"):
        app.setWindowIcon(app_module.app_icon())
    with profile.phase("catalogue"):
        catalogue = load_catalogue()
    with profile.phase("main window"):
        window = app_module.create_window(catalogue, QtCore.QSettings())
    end_of_paint.append(profile.start("show, lay out and paint, to the first flush"))
    QtCore.QTimer.singleShot(PAINT_TIMEOUT_MS, app.quit)
    window.show()
    app.exec()
    window.close()
    return not end_of_paint


def table(phases: Sequence[Phase]) -> str:
    """The phases as a Markdown table with a total line."""
    lines = [
        "| phase | ms | enums (members) | in enum | dataclasses | in dataclasses |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = Phase(
        "total",
        ms=sum(phase.ms for phase in phases),
        enums=sum(phase.enums for phase in phases),
        enum_members=sum(phase.enum_members for phase in phases),
        enum_ms=sum(phase.enum_ms for phase in phases),
        dataclasses=sum(phase.dataclasses for phase in phases),
        dataclass_ms=sum(phase.dataclass_ms for phase in phases),
    )
    for phase in [*phases, total]:
        lines.append(
            f"| {phase.name} | {phase.ms:.1f} | {phase.enums} ({phase.enum_members}) "
            f"| {phase.enum_ms:.1f} ms | {phase.dataclasses} | {phase.dataclass_ms:.1f} ms |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the phases as JSON here")
    args = parser.parse_args(argv)
    if os.environ.get(MEASURED_CHILD):
        return profile_here(args.json)
    return profile_in_children(argv)


def profile_in_children(argv: Sequence[str]) -> int:
    """Profile in a fresh interpreter with the environment bench.py gives the app: a first,
    silent run compiles the bytecode into a scratch cache, as installing the app does; the
    second is measured and printed."""
    with tempfile.TemporaryDirectory(prefix="scope-picker-profile-") as scratch:
        env = {**child_env(Path(scratch)), MEASURED_CHILD: "1"}
        command = [sys.executable, str(Path(__file__).resolve()), *argv]
        warm_up = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if warm_up.returncode != 0:
            sys.stderr.write(warm_up.stdout + warm_up.stderr)
            return warm_up.returncode
        return subprocess.run(command, env=env, check=False).returncode


def profile_here(json_path: Path | None) -> int:
    """Profile this process's start: print the table, write the JSON if asked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.update(QT_PAINTING_LOG)
    profile = StartupProfile()
    with tempfile.TemporaryDirectory() as settings_home, profile.hooks():
        os.environ["XDG_CONFIG_HOME"] = settings_home  # a first run's empty settings
        painted = profile_start(profile)
    print(table(profile.phases))
    if not painted:
        print(f"the window was not painted within {PAINT_TIMEOUT_MS} ms", file=sys.stderr)
        return EXIT_NOT_PAINTED
    if json_path:
        phases = [dataclasses.asdict(phase) for phase in profile.phases]
        json_path.write_text(json.dumps({"phases": phases}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
