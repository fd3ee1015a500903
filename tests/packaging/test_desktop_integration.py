"""The archive's share/ tree and the rendered icons: what a desktop shows of the app."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from built_apps import (
    CLI_EXECUTABLE,
    EXECUTABLE,
    ROOT,
    StandaloneBuild,
    desktop_entry,
    project_version,
)
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from scope_picker import APP_ID
from scope_picker.core.catalogue import Catalogue

pytestmark = pytest.mark.slow

HICOLOR_SIZES = {16, 24, 32, 48, 64, 128, 256, 512}


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


# What `appstreamcli validate --pedantic` (AppStream 0.16, Debian 12) still says, and why it
# stays: the id's capitals are the reverse-DNS style Flathub and GNOME use, and the same id
# names the .desktop file and the app's desktopFileName (Wayland's app id), so changing it
# would orphan every installed menu entry; <developer> is AppStream 1.0's replacement for the
# deprecated <developer_name>, which 0.16 does not know yet (1.0 validates it cleanly).
EXPLAINED_APPSTREAM_HINTS = {"cid-contains-uppercase-letter", "unknown-tag developer"}


def test_metainfo_passes_pedantic_appstream_validation(standalone_build: StandaloneBuild) -> None:
    tool = validator("appstreamcli", "appstream")
    path = standalone_build.prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [tool, "validate", "--pedantic", "--no-net", "--format=yaml", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    said = set()
    for issue in result.stdout.split("\n- tag: ")[1:]:
        tag = issue.split()[0]
        hint = re.search(r"^\s+hint: (.*)$", issue, re.MULTILINE)
        said.add(f"{tag} {hint.group(1)}" if tag == "unknown-tag" and hint else tag)
    assert said <= EXPLAINED_APPSTREAM_HINTS, result.stdout


def test_desktop_entry_launches_and_shows_what_the_archive_ships(
    standalone_build: StandaloneBuild,
) -> None:
    entry = desktop_entry(standalone_build)
    assert entry["Exec"].split()[0] == EXECUTABLE
    assert (standalone_build.prefix / "bin" / entry["Exec"].split()[0]).is_file()
    assert entry["Icon"] == APP_ID


def test_metainfo_names_this_app_its_commands_and_its_current_release(
    standalone_build: StandaloneBuild, catalogue: Catalogue
) -> None:
    root = metainfo(standalone_build)
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == EXECUTABLE
    assert [binary.text for binary in root.findall("provides/binary")] == [
        EXECUTABLE,
        CLI_EXECUTABLE,
    ]
    for binary in (EXECUTABLE, CLI_EXECUTABLE):
        assert (standalone_build.prefix / "bin" / binary).is_file()
    newest_release = root.find("releases/release")
    assert newest_release is not None
    assert newest_release.get("version") == project_version()
    year, month, day = catalogue.version.split(".")
    assert newest_release.get("date") == f"{year}-{month}-{day}"


def test_metainfo_shows_the_readmes_screenshots_and_links_home(
    standalone_build: StandaloneBuild,
) -> None:
    root = metainfo(standalone_build)
    assert root.findtext("url[@type='homepage']", "").startswith("https://")
    assert root.find("content_rating[@type='oars-1.1']") is not None
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = root.findall("screenshots/screenshot/image")
    assert len(images) == 2
    for image in images:
        url = image.text or ""
        tag, _, repository_path = url.partition(f"/v{project_version()}/")
        assert tag.startswith("https://"), url
        assert f"]({repository_path})" in readme  # the README shows the same picture
        picture = QImage(str(ROOT / repository_path))
        assert (picture.width(), picture.height()) == (
            int(image.get("width", 0)),
            int(image.get("height", 0)),
        )


def test_hicolor_icons_are_rendered_at_their_sizes(standalone_build: StandaloneBuild) -> None:
    hicolor = standalone_build.prefix / "share" / "icons" / "hicolor"
    rendered = {int(path.parts[-3].split("x")[0]): path for path in hicolor.glob("*/apps/*.png")}
    assert set(rendered) == HICOLOR_SIZES
    for size, path in rendered.items():
        assert path.name == f"{APP_ID}.png"
        assert_square_icons(read_images(path), [size])
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


@pytest.fixture(scope="module")
def rendered_icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``python packaging/icons.py OUT_DIR`` fills, as the workflow runs it."""
    out_dir = tmp_path_factory.mktemp("icons")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "icons.py"), str(out_dir)],
        check=True,
        timeout=120,
    )
    return out_dir


def test_windows_icon_holds_every_size_windows_asks_for(rendered_icons: Path) -> None:
    images = read_images(rendered_icons / "scope-picker.ico")
    assert_square_icons(images, [16, 20, 24, 32, 40, 48, 64, 256])


def test_macos_icon_holds_standard_and_retina_sizes(rendered_icons: Path) -> None:
    images = read_images(rendered_icons / "scope-picker.icns")
    assert_square_icons(images, [16, 32, 32, 64, 64, 128, 256, 256, 512, 512, 1024])
