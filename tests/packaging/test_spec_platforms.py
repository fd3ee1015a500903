"""The PyInstaller spec's per-platform branches, evaluated here for Linux, Windows and macOS.

Only the Linux build can run on this machine; the others run in the GitHub workflow. This
evaluates the real spec file as PyInstaller would, with ``sys.platform`` set to each platform
and PyInstaller's build steps (Analysis, PYZ, EXE, COLLECT, BUNDLE) replaced by recorders, so
the icon, version resource, console flags and app bundle each platform gets are checked.
"""

from __future__ import annotations

import ast
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from built_apps import ROOT, project_version
from PySide6.QtGui import QImageReader

from scope_picker import APP_ID

SPEC = ROOT / "packaging" / "scope-picker.spec"
GUI, CLI = "spotify-scope-picker", "scope-picker"


@dataclass
class Step:
    """One call of a PyInstaller build step: which, with what."""

    kind: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    binaries: list[Any] = field(default_factory=list)
    datas: list[Any] = field(default_factory=list)
    pure: list[Any] = field(default_factory=list)
    scripts: list[Any] = field(default_factory=list)


@dataclass
class SpecRun:
    steps: list[Step]
    work_dir: Path

    def of(self, kind: str) -> list[Step]:
        return [step for step in self.steps if step.kind == kind]

    def exe(self, name: str) -> Step:
        (step,) = [step for step in self.of("EXE") if step.kwargs["name"] == name]
        return step


def evaluate_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, *options: str
) -> SpecRun:
    """Run the spec as PyInstaller does on ``platform``, recording each build step."""
    steps: list[Step] = []

    def recorder(kind: str) -> type:
        def record(*args: Any, **kwargs: Any) -> Step:
            step = Step(kind, args, kwargs)
            steps.append(step)
            return step

        return record  # type: ignore[return-value]

    api = types.ModuleType("PyInstaller.building.api")
    api.PYZ, api.EXE, api.COLLECT = recorder("PYZ"), recorder("EXE"), recorder("COLLECT")  # type: ignore[attr-defined]
    build_main = types.ModuleType("PyInstaller.building.build_main")
    build_main.Analysis = recorder("Analysis")  # type: ignore[attr-defined]
    osx = types.ModuleType("PyInstaller.building.osx")
    osx.BUNDLE = recorder("BUNDLE")  # type: ignore[attr-defined]
    for name, module in (
        ("PyInstaller.building.api", api),
        ("PyInstaller.building.build_main", build_main),
        ("PyInstaller.building.osx", osx),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "argv", [str(SPEC), *options])
    monkeypatch.setattr(sys, "path", list(sys.path))
    work_dir = tmp_path / "work"
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, {"__name__": "__main__", "workpath": str(work_dir)})
    return SpecRun(steps, work_dir)


def version_strings(path: str) -> dict[str, str]:
    """The StringStruct pairs of a version file, read as the Python expression it is."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), mode="eval")
    return {
        node.args[0].value: node.args[1].value  # type: ignore[attr-defined]
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }


def test_linux_gets_two_stripped_executables_without_an_icon_or_app_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = evaluate_spec(monkeypatch, tmp_path, "linux")
    assert [step.kwargs["name"] for step in run.of("EXE")] == [GUI, CLI]
    for name, console in ((GUI, False), (CLI, True)):
        exe = run.exe(name)
        assert (exe.kwargs["console"], exe.kwargs["strip"]) == (console, True)
        assert (exe.kwargs["icon"], exe.kwargs["version"]) == (None, None)
    (collect,) = run.of("COLLECT")
    assert collect.kwargs["name"] == GUI
    assert run.exe(GUI) in collect.args
    assert run.exe(CLI) in collect.args
    assert run.of("BUNDLE") == []


def test_windows_gets_ico_icons_and_version_resources_unstripped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = evaluate_spec(monkeypatch, tmp_path, "win32")
    for name, console in ((GUI, False), (CLI, True)):
        exe = run.exe(name)
        assert (exe.kwargs["console"], exe.kwargs["strip"]) == (console, False)
        icon = Path(exe.kwargs["icon"])
        assert icon.suffix == ".ico"
        assert QImageReader(str(icon)).imageCount() == 8
        strings = version_strings(exe.kwargs["version"])
        assert strings["OriginalFilename"] == f"{name}.exe"
        assert strings["FileVersion"] == strings["ProductVersion"] == project_version()
        assert strings["ProductName"] == "Scope Picker"
    assert len(run.of("COLLECT")) == 1
    assert run.of("BUNDLE") == []


def test_macos_gets_an_app_bundle_with_icns_started_by_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = evaluate_spec(monkeypatch, tmp_path, "darwin")
    (bundle,) = run.of("BUNDLE")
    assert bundle.args[0] is run.exe(GUI)  # the first executable is the one the app starts
    assert bundle.args[1] is run.of("COLLECT")[0]
    assert bundle.kwargs["name"] == "Scope Picker.app"
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["version"] == project_version()
    assert bundle.kwargs["info_plist"]["CFBundleShortVersionString"] == project_version()
    icon = Path(bundle.kwargs["icon"])
    assert icon.suffix == ".icns"
    assert QImageReader(str(icon)).imageCount() == 11
    assert run.exe(GUI).kwargs["icon"] == bundle.kwargs["icon"]
    assert run.exe(CLI).kwargs["console"] is True


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_every_platform_freezes_the_app_with_https_and_the_cli_without_qt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str
) -> None:
    run = evaluate_spec(monkeypatch, tmp_path, platform)
    gui, cli = run.of("Analysis")
    assert Path(gui.args[0][0]).name == "entry_point.py"
    assert {"ssl", "http.client"} <= set(gui.kwargs["hiddenimports"])
    assert "PySide6.QtNetwork" in gui.kwargs["excludes"]
    assert [Path(hook).name for hook in gui.kwargs["runtime_hooks"]] == ["ca_certificates.py"]
    assert Path(cli.args[0][0]).name == "cli_entry_point.py"
    assert {"PySide6", "shiboken6"} <= set(cli.kwargs["excludes"])


def test_single_file_mode_makes_two_self_contained_executables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run = evaluate_spec(monkeypatch, tmp_path, "win32", "--onefile")
    assert [step.kwargs["name"] for step in run.of("EXE")] == [GUI, CLI]
    assert run.of("COLLECT") == []
