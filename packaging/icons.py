"""Render the app icon from resources/scope-picker.svg into what each desktop wants.

The SVG is the only icon in the repository; the build renders the rest, each size drawn from
the vector (crisper than downscaling one bitmap):

- Linux: hicolor PNGs plus the SVG itself, for the .desktop file's ``Icon=`` name;
- Windows: a multi-size .ico for the executable;
- macOS: an .icns for an app bundle.

Both containers hold PNG images, which Windows Vista+ and macOS 10.7+ read.

build.py does all three; for a Windows or macOS build by hand:

    python packaging/icons.py OUT_DIR   # writes OUT_DIR/scope-picker.ico and .icns
"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG_ICON = Path(__file__).resolve().parent.parent / "resources" / "scope-picker.svg"
ICON_BASENAME = "scope-picker"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# (OSType, pixel size): the PNG-capable types Apple's iconutil writes, @2x variants included.
ICNS_ENTRIES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


class IconRenderer:
    """Draws the SVG icon at any square size as PNG bytes."""

    def __init__(self) -> None:
        self._renderer = QSvgRenderer(str(SVG_ICON))
        if not self._renderer.isValid():
            raise ValueError(f"{SVG_ICON} is not an SVG image Qt can render")

    def png(self, size: int) -> bytes:
        """Return the icon drawn at ``size`` x ``size`` pixels, PNG-encoded."""
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # QImageWriter, as QImage.save's stubs and runtime disagree on the format's type.
        QImageWriter(buffer, QByteArray(b"png")).write(image)
        buffer.close()
        return bytes(data.data())

    def write_hicolor(self, icons_dir: Path, icon_name: str) -> list[Path]:
        """Lay out ``icons_dir/hicolor/<n>x<n>/apps/<icon_name>.png`` and the scalable SVG."""
        written = []
        for size in HICOLOR_SIZES:
            path = icons_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{icon_name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.png(size))
            written.append(path)
        scalable = icons_dir / "hicolor" / "scalable" / "apps" / f"{icon_name}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SVG_ICON, scalable)
        written.append(scalable)
        return written

    def write_ico(self, path: Path) -> None:
        """Write a Windows icon: ICONDIR, one 16-byte entry per size, then the PNGs."""
        images = [self.png(size) for size in ICO_SIZES]
        header = struct.pack("<HHH", 0, 1, len(images))
        offset = len(header) + 16 * len(images)
        entries = b""
        for size, image in zip(ICO_SIZES, images, strict=True):
            side = size if size < 256 else 0  # a byte each; 0 stands for 256
            entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
            offset += len(image)
        path.write_bytes(header + entries + b"".join(images))

    def write_icns(self, path: Path) -> None:
        """Write a macOS icon: 'icns' and its length, then (type, length, PNG) per entry."""
        body = b""
        for ostype, size in ICNS_ENTRIES:
            image = self.png(size)
            body += ostype + struct.pack(">I", 8 + len(image)) + image
        path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)

    def write_windows_and_macos_icons(self, out_dir: Path) -> None:
        """Write ``scope-picker.ico`` and ``scope-picker.icns`` into ``out_dir``."""
        out_dir.mkdir(parents=True, exist_ok=True)
        self.write_ico(out_dir / f"{ICON_BASENAME}.ico")
        self.write_icns(out_dir / f"{ICON_BASENAME}.icns")


def main(argv: list[str]) -> int:
    """Write the Windows and macOS icons to the folder named on the command line."""
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUT_DIR", file=sys.stderr)
        return 2
    IconRenderer().write_windows_and_macos_icons(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
