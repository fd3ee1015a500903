"""The archive's share/ tree and the rendered icons: what a desktop shows of the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from built_apps import EXECUTABLE, StandaloneBuild, project_version
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from scope_picker import APP_ID

pytestmark = pytest.mark.slow

HICOLOR_SIZES = {16, 24, 32, 48, 64, 128, 256, 512}


def desktop_entry(build: StandaloneBuild) -> configparser.SectionProxy:
    """The [Desktop Entry] group of the shipped .desktop file, keys case kept."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(build.prefix / "share" / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo(build: StandaloneBuild) -> ET.Element:
    """The root of the shipped AppStream metainfo."""
    return ET.parse(build.prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()


def read_images(path: Path) -> list[QImage]:
    """Every image Qt reads from a file, in file order: an independent reader of the icons."""
    reader = QImageReader(str(path))
    images = []
    for index in range(reader.imageCount()):
        if index:  # single-image formats such as PNG cannot jump, not even to image 0
            assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path} image {index}: {reader.errorString()}"
        images.append(image)
    return images


def assert_square_icons(images: list[QImage], sides: list[int]) -> None:
    """The images have these sizes, and each shows the icon's opaque tile in its middle."""
    assert [image.size() for image in images] == [QSize(side, side) for side in sides]
    for image in images:
        assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255


def validator(name: str, package: str) -> str:
    """Path of a validation tool, or skip: it is a desktop tool, not a Python package."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}); .ci/run installs it")
    return path


def test_desktop_entry_passes_desktop_file_validate(standalone_build: StandaloneBuild) -> None:
    tool = validator("desktop-file-validate", "desktop-file-utils")
    entry = standalone_build.prefix / "share" / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


def test_metainfo_passes_appstream_validation(standalone_build: StandaloneBuild) -> None:
    tool = validator("appstreamcli", "appstream")
    path = standalone_build.prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [tool, "validate", "--no-net", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_desktop_entry_launches_and_shows_what_the_archive_ships(
    standalone_build: StandaloneBuild,
) -> None:
    entry = desktop_entry(standalone_build)
    assert entry["Exec"].split()[0] == EXECUTABLE
    assert (standalone_build.prefix / "bin" / entry["Exec"].split()[0]).is_file()
    assert entry["Icon"] == APP_ID


def test_metainfo_names_this_app_and_its_current_version(
    standalone_build: StandaloneBuild,
) -> None:
    root = metainfo(standalone_build)
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == EXECUTABLE
    newest_release = root.find("releases/release")
    assert newest_release is not None
    assert newest_release.get("version") == project_version()


def test_hicolor_icons_are_rendered_at_their_sizes(standalone_build: StandaloneBuild) -> None:
    hicolor = standalone_build.prefix / "share" / "icons" / "hicolor"
    rendered = {int(path.parts[-3].split("x")[0]): path for path in hicolor.glob("*/apps/*.png")}
    assert set(rendered) == HICOLOR_SIZES
    for size, path in rendered.items():
        assert path.name == f"{APP_ID}.png"
        assert_square_icons(read_images(path), [size])
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_windows_icon_holds_every_size_windows_asks_for(standalone_build: StandaloneBuild) -> None:
    images = read_images(standalone_build.work_dir / "icons" / "scope-picker.ico")
    assert_square_icons(images, [16, 20, 24, 32, 40, 48, 64, 256])


def test_macos_icon_holds_standard_and_retina_sizes(standalone_build: StandaloneBuild) -> None:
    images = read_images(standalone_build.work_dir / "icons" / "scope-picker.icns")
    assert_square_icons(images, [16, 32, 32, 64, 64, 128, 256, 256, 512, 512, 1024])
