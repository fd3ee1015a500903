"""Every component the archive ships comes with its licence, found here independently.

The build sorts libraries into components by where it copied them from; these tests sort the
unpacked bundle's libraries by their place in the bundle and, for system libraries, by asking
``ldconfig`` and ``dpkg`` which Debian package installed a library of that name, then check
that component's licence text is in the archive.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from built_apps import ROOT, StandaloneBuild

from scope_picker.core.third_party import RUNTIME_COMPONENTS, read_components

pytestmark = pytest.mark.slow

LGPL_3_TITLE = "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3"
GPL_3_TITLE = "GNU GENERAL PUBLIC LICENSE\n                       Version 3"
PSF_TITLE = "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2"


def host_library_packages() -> dict[str, Path]:
    """Each library name ``ldconfig`` knows, with the file it resolves to."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, Path] = {}
    for line in listing.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        found.setdefault(name.split(" (")[0], Path(path))
    return found


def debian_package_of(path: Path) -> str:
    """The package ``dpkg -S`` names for a file, under either spelling of a merged /usr."""
    real = str(path.resolve())
    for spelling in (real, real.removeprefix("/usr"), "/usr" + real):
        result = subprocess.run(["dpkg", "-S", spelling], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0]
    raise AssertionError(f"no Debian package installed {path}")


def licence_text(build: StandaloneBuild, name: str) -> str:
    path = build.internal / "licenses" / name
    assert path.is_file(), f"{name} is missing from the bundle's licenses/"
    return path.read_text(encoding="utf-8")


def test_the_apps_licence_is_at_the_top_of_the_archive(standalone_build: StandaloneBuild) -> None:
    shipped = standalone_build.prefix / "LICENSE"
    assert shipped.read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert (standalone_build.prefix / "licenses" / "README.txt").is_file()


def test_every_bundled_library_has_its_components_licence(
    standalone_build: StandaloneBuild,
) -> None:
    if shutil.which("dpkg") is None:
        pytest.skip("the build host's system libraries are told apart by dpkg (Debian)")
    internal = standalone_build.internal
    host = host_library_packages()
    index = licence_text(standalone_build, "README.txt")
    libraries = [
        path for path in sorted(internal.rglob("*.so*")) if path.is_file() and not path.is_symlink()
    ]
    assert len(libraries) > 50, libraries
    checked: dict[str, str] = {}
    for library in libraries:
        place = library.relative_to(internal)
        if place.parts[0] in {"PySide6", "shiboken6"} and library.name.startswith("libicu"):
            assert "ICU" in licence_text(standalone_build, "ICU.txt")
            checked[str(place)] = "ICU"
        elif place.parts[0] in {"PySide6", "shiboken6"}:
            assert licence_text(standalone_build, "LGPL-3.0.txt").lstrip().startswith(LGPL_3_TITLE)
            assert licence_text(standalone_build, "GPL-3.0.txt").lstrip().startswith(GPL_3_TITLE)
            checked[str(place)] = "Qt"
        elif place.parts[0].startswith("python3") or library.name.startswith("libpython"):
            assert PSF_TITLE in licence_text(standalone_build, "Python.txt")
            checked[str(place)] = "Python"
        else:
            package = debian_package_of(host[library.name])
            copyright_file = Path("/usr/share/doc") / package / "copyright"
            shipped = licence_text(standalone_build, f"debian/{package}.txt")
            assert shipped == copyright_file.read_text(encoding="utf-8")
            checked[str(place)] = package
        assert place.as_posix() in index, f"README.txt does not list {place}"
    # Qt and Python stand behind most of the bundle; the rest are Debian's libraries.
    assert {"Qt", "ICU", "Python"} <= set(checked.values())
    assert len(set(checked.values())) > 20


def test_qt_notice_says_how_to_replace_the_qt_libraries(
    standalone_build: StandaloneBuild,
) -> None:
    notice = licence_text(standalone_build, "Qt-NOTICE.txt")
    assert "GNU Lesser General Public License version 3" in notice
    assert "replace the files of the same names" in notice
    for folder in ("PySide6/Qt/lib", "PySide6/Qt/plugins", "shiboken6"):
        assert folder in notice
        assert (standalone_build.internal / folder).is_dir()
    assert "download.qt.io" in notice  # where the source is


def test_executables_credit_pyinstallers_bootloader(standalone_build: StandaloneBuild) -> None:
    text = licence_text(standalone_build, "PyInstaller.txt")
    assert "Bootloader Exception" in text
    index = licence_text(standalone_build, "README.txt")
    assert "PyInstaller bootloader: GPL-2.0-or-later WITH Bootloader-exception" in index


def test_about_reads_the_bundles_index_of_components(standalone_build: StandaloneBuild) -> None:
    """The app lists in Help > About what the build indexed, read by the app's own reader."""
    components = read_components(standalone_build.internal / "licenses")
    names = [component.name for component in components]
    assert len(names) > 20
    assert "Qt, PySide6 and Shiboken6" in names
    assert "Python" in names
    assert components != RUNTIME_COMPONENTS
