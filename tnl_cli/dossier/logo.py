"""The collectivity's logo for the candidacy's cover (`dossier.logo` in the answers file).

Read once, next to the answers file, checked by its first bytes (not its name), bounded in
size, and carried in the view model as bytes: the HTML embeds it as a data URI (the file
stays self-contained), the ODT as a picture of the package; Markdown has no place for it.
"""

from __future__ import annotations

import base64
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from tnl_cli.errors import TnlError

MAX_BYTES = 2 * 1024 * 1024  # a logo, not a poster
_SVG_SIZE = re.compile(rb"<svg\b[^>]*?\bviewBox\s*=\s*[\"']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+"
                       rb"([\d.]+)[\s,]+([\d.]+)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Logo:
    mime: str  # image/png, image/jpeg, image/svg+xml
    data: bytes
    ratio: float  # width / height, 1.0 when the file does not say

    @property
    def extension(self) -> str:
        return {"image/png": ".png", "image/jpeg": ".jpg"}.get(self.mime, ".svg")

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def _png_ratio(data: bytes) -> float | None:
    if len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width / height if width and height else None
    return None


def _jpeg_ratio(data: bytes) -> float | None:
    """Width / height from the first start-of-frame marker."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width / height if width and height else None
        i += 2 + length
    return None


def _svg_ratio(data: bytes) -> float | None:
    found = _SVG_SIZE.search(data[:4096])
    if not found:
        return None
    width, height = float(found.group(1)), float(found.group(2))
    return width / height if width and height else None


def read(path_text: str, answers_file: Path) -> Logo:
    """The logo named in the answers, relative to the answers file; a clear error (exit 2)
    naming the file when it is missing, too big or not a PNG, JPEG or SVG image."""
    path = answers_file.parent / path_text
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TnlError.of("dossier.logo_unreadable", file=str(path),
                          reason=exc.strerror or str(exc)) from exc
    if len(data) > MAX_BYTES:
        raise TnlError.of("dossier.logo_too_big", file=str(path), limit=MAX_BYTES // 1024)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        mime, ratio = "image/png", _png_ratio(data)
    elif data.startswith(b"\xff\xd8\xff"):
        mime, ratio = "image/jpeg", _jpeg_ratio(data)
    elif b"<svg" in data[:4096].lower():
        mime, ratio = "image/svg+xml", _svg_ratio(data)
    else:
        raise TnlError.of("dossier.logo_not_image", file=str(path))
    return Logo(mime, data, ratio if ratio and 0.1 <= ratio <= 10 else 1.0)
