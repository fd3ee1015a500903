"""Gather the licence of every component a frozen bundle ships, from where the build host keeps it.

The PyInstaller spec hands over the shared libraries it is about to bundle, each with the file
it was copied from; that origin names the component:

- Qt, PySide6 and Shiboken6 (inside the PySide6 and shiboken6 packages): LGPL-3.0, whose text
  the repository keeps in licence_texts/ (the wheels carry none), with the GPL-3.0 it
  supplements and a notice of how to replace the Qt libraries;
- ICU, which the PySide6 wheel bundles for Qt on Linux: the copyright file of the system's ICU
  package, the same ICU licence;
- Python and its extension modules (under the interpreter's prefix): Python's LICENSE.txt;
- every other library on Linux: the Debian package that installed it (``dpkg -S``) and that
  package's ``/usr/share/doc/<package>/copyright``;
- the executables themselves: PyInstaller's bootloader, GPL with an exception that lets it be
  embedded in any program (its COPYING.txt).

A library whose component cannot be told, or whose licence text is missing, stops the build:
a bundle must not ship without it. :func:`write_licences` writes the texts, a README.txt that
indexes them with the libraries each covers, and ``components.json`` for the About box.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from scope_picker.core.third_party import (
    COMPONENTS_FILE,
    PYTHON_NAME,
    QT_NAME,
)

LICENCE_TEXTS = Path(__file__).resolve().parent / "licence_texts"
"""The FSF's texts, verbatim (as Debian's /usr/share/common-licenses has them): every platform."""
DEBIAN_DOCS = Path("/usr/share/doc")

ICU_NAME = "ICU (International Components for Unicode)"
PYINSTALLER_NAME = "PyInstaller bootloader"

QT_NOTICE = """\
Qt, PySide6 and Shiboken6 are used under the GNU Lesser General Public License version 3
(LGPL-3.0.txt, which supplements GPL-3.0.txt). They are unmodified, from the PySide6-Essentials
and shiboken6 {pyside_version} wheels.

Replacing them: the Qt, PySide6 and Shiboken6 libraries are separate shared libraries, loaded
when the app starts, never linked into its executables. To run the app with your own build of
them, build Qt {qt_version} and PySide6 {pyside_version} (or a binary-compatible version of the
same minor release), then replace the files of the same names in the bundle's contents folder:
the PySide6/ and shiboken6/ folders (PySide6/Qt/lib and PySide6/Qt/plugins hold Qt's own
libraries on Linux). Symbolic links at the top of that folder point into PySide6/Qt/lib and
need not change. The app's own Python code is in the executables' archive; it is MIT-licensed
and its source is published with this release.

Their source: https://download.qt.io/official_releases/qt/ (Qt) and
https://download.qt.io/official_releases/QtForPython/ (PySide6 and Shiboken6), or the
code.qt.io repositories qt/qtbase, qt/qtsvg and pyside/pyside-setup at the tags for these
versions.
"""


class LicenceError(Exception):
    """A bundled library's component or licence text cannot be found."""


@dataclass
class Component:
    """One licensed component: its licence texts (bundle name -> source) and its libraries."""

    name: str
    licence: str  # an SPDX expression, or "see <file>" for a distribution's copyright file
    texts: dict[str, Path]
    libraries: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HostLayout:
    """Where this build host keeps the packages and licence texts the components come from."""

    qt_package_dirs: tuple[Path, ...]
    python_prefixes: tuple[Path, ...]
    python_licence: Path | None
    pyside_version: str
    qt_version: str

    @classmethod
    def current(cls) -> HostLayout:
        """The layout of the interpreter running the build."""
        import PySide6  # only a build imports Qt here
        import shiboken6
        from PySide6.QtCore import qVersion

        prefixes = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
        candidates = [
            Path(sys.base_prefix) / "LICENSE.txt",  # Windows
            Path(sys.base_prefix)
            / "lib"
            / f"python{sys.version_info.major}.{sys.version_info.minor}"
            / "LICENSE.txt",
        ]
        return cls(
            qt_package_dirs=(
                Path(PySide6.__file__).resolve().parent,
                Path(shiboken6.__file__).resolve().parent,
            ),
            python_prefixes=tuple(sorted(prefixes)),
            python_licence=next((path for path in candidates if path.is_file()), None),
            pyside_version=PySide6.__version__,
            qt_version=qVersion(),
        )


def debian_package(path: Path) -> str | None:
    """The Debian package that installed ``path``, trying the /lib and /usr/lib spellings."""
    resolved = path.resolve()
    spellings = {str(path), str(resolved)}
    for spelling in list(spellings):
        if spelling.startswith("/usr/lib/"):
            spellings.add(spelling.removeprefix("/usr"))
        elif spelling.startswith("/lib/"):
            spellings.add("/usr" + spelling)
    for spelling in sorted(spellings):
        try:
            result = subprocess.run(
                ["dpkg", "-S", spelling], capture_output=True, text=True, check=False
            )
        except FileNotFoundError:  # not a Debian system
            return None
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def icu_copyright() -> Path:
    """The system ICU package's copyright file (ICU's licence), whichever ICU version it is."""
    found = sorted(DEBIAN_DOCS.glob("libicu[0-9]*/copyright"))
    if not found:
        raise LicenceError(
            "ICU's licence text was looked for in /usr/share/doc/libicuNN/copyright: install "
            "Debian's libicu package (appstream pulls it in; see .ci/run)"
        )
    return found[-1]


def pyinstaller_licence() -> Path:
    """PyInstaller's COPYING.txt (GPL with the bootloader exception), from its dist-info."""
    distribution = importlib.metadata.distribution("pyinstaller")
    for file in distribution.files or []:
        if file.name == "COPYING.txt":
            return Path(str(distribution.locate_file(file)))
    raise LicenceError("PyInstaller's COPYING.txt is not in its installed distribution")


class LicenceCollector:
    """Sorts bundled libraries into components and remembers which text covers each."""

    def __init__(self, host: HostLayout) -> None:
        self._host = host
        self._components: dict[str, Component] = {}
        self._unknown: list[str] = []

    def add(self, dest: str, source: Path) -> None:
        """File the library copied from ``source`` to ``dest`` under its component."""
        component = self._component_of(PurePath(dest).name, source)
        if component is None:
            self._unknown.append(f"{dest} (from {source})")
        else:
            library = PurePath(dest).as_posix()
            if library not in component.libraries:  # both executables may bring it
                component.libraries.append(library)

    def add_executable(self, name: str) -> None:
        """File one of the bundle's executables: PyInstaller's bootloader runs the app's code."""
        component = self._component(
            PYINSTALLER_NAME,
            "GPL-2.0-or-later WITH Bootloader-exception",
            {"PyInstaller.txt": pyinstaller_licence()},
        )
        component.libraries.append(name)

    def components(self) -> list[Component]:
        """Every component met, in name order; raises if a library had none."""
        if self._unknown:
            raise LicenceError(
                "no licence found for these bundled libraries: " + ", ".join(self._unknown)
            )
        return sorted(self._components.values(), key=lambda component: component.name.lower())

    def _component_of(self, name: str, source: Path) -> Component | None:
        resolved = source.resolve()
        if any(resolved.is_relative_to(folder) for folder in self._host.qt_package_dirs):
            if name.startswith("libicu"):
                return self._component(ICU_NAME, "ICU", {"ICU.txt": icu_copyright()})
            return self._qt()
        if any(resolved.is_relative_to(prefix) for prefix in self._host.python_prefixes):
            return self._python()
        package = debian_package(source)
        if package is None:
            return None
        copyright_file = DEBIAN_DOCS / package / "copyright"
        if not copyright_file.is_file():
            raise LicenceError(f"{source} comes from {package}, but {copyright_file} is missing")
        return self._component(
            f"{package} (Debian package)",
            f"see debian/{package}.txt",
            {f"debian/{package}.txt": copyright_file},
        )

    def _qt(self) -> Component:
        texts = {
            "LGPL-3.0.txt": LICENCE_TEXTS / "LGPL-3.0.txt",
            "GPL-3.0.txt": LICENCE_TEXTS / "GPL-3.0.txt",
        }
        return self._component(QT_NAME, "LGPL-3.0-only", texts)

    def _python(self) -> Component:
        if self._host.python_licence is None:
            raise LicenceError(f"Python's LICENSE.txt is not under {sys.base_prefix}")
        return self._component(PYTHON_NAME, "PSF-2.0", {"Python.txt": self._host.python_licence})

    def _component(self, name: str, licence: str, texts: dict[str, Path]) -> Component:
        component = self._components.get(name)
        if component is None:
            for text in texts.values():
                if not text.is_file():
                    raise LicenceError(f"the licence text of {name} is missing: {text}")
            component = Component(name, licence, texts)
            self._components[name] = component
        return component


def write_licences(components: list[Component], out_dir: Path, host: HostLayout) -> list[Path]:
    """Write every component's texts, README.txt and components.json into ``out_dir``."""
    written = []
    for component in components:
        for name, source in component.texts.items():
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            written.append(target)
    notice = out_dir / "Qt-NOTICE.txt"
    notice.write_text(
        QT_NOTICE.format(pyside_version=host.pyside_version, qt_version=host.qt_version),
        encoding="utf-8",
    )
    written.append(notice)
    index = out_dir / COMPONENTS_FILE
    document = [
        {
            "name": component.name,
            "licence": component.licence,
            "texts": sorted(component.texts),
            "libraries": sorted(component.libraries),
        }
        for component in components
    ]
    index.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    written.append(index)
    readme = out_dir / "README.txt"
    readme.write_text(_readme(components), encoding="utf-8")
    written.append(readme)
    return written


def _readme(components: list[Component]) -> str:
    lines = [
        "Third-party components bundled with Scope Picker, their licences and the libraries",
        "each covers. Scope Picker itself is under the MIT License (LICENSE at the top of the",
        "archive). How to replace the Qt libraries: Qt-NOTICE.txt.",
        "",
    ]
    for component in components:
        lines.append(f"{component.name}: {component.licence}")
        lines.append(f"  texts: {', '.join(sorted(component.texts))}")
        lines.append(f"  libraries: {', '.join(sorted(component.libraries))}")
        lines.append("")
    return "\n".join(lines)
