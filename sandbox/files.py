"""Files kept in memory, with ids shaped like Telegram's, and placeholder media for users."""

from __future__ import annotations

import base64
import os
import secrets
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from sandbox.errors import bad_request

# Telegram's file ids start with a few bytes that encode the file type.
_ID_PREFIX = {
    "photo": "AgACAgIAAxkBAA",
    "document": "BQACAgIAAxkBAA",
    "voice": "AwACAgIAAxkBAA",
    "sticker": "CAACAgIAAxkBAA",
}
_FOLDER = {"photo": "photos", "document": "documents", "voice": "voice", "sticker": "stickers"}
_EXTENSION = {"photo": "jpg", "voice": "oga", "sticker": "webp", "document": "bin"}
PHOTO_SIDES = (90, 320, 800, 1280)


def _token(size: int) -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(size)).decode().rstrip("=")


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_path: str
    mime_type: str | None = None
    file_name: str | None = None
    photo_sizes: list[dict[str, Any]] | None = None  # every size of the photo it belongs to

    def as_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def describe(self) -> dict[str, Any]:
        """The media object of a message: Document, Voice..., without the kind-specific parts."""
        info: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.mime_type:
            info["mime_type"] = self.mime_type
        if self.file_name:
            info["file_name"] = self.file_name
        return info


class FileStore:
    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._next_number = 1

    def add(
        self, kind: str, data: bytes, mime_type: str | None = None, file_name: str | None = None
    ) -> StoredFile:
        number = self._next_number
        self._next_number += 1
        extension = _extension(kind, file_name)
        stored = StoredFile(
            file_id=_ID_PREFIX[kind] + _token(45),
            file_unique_id="AQAD" + _token(9),
            kind=kind,
            data=data,
            file_path=f"{_FOLDER[kind]}/file_{number}.{extension}",
            mime_type=mime_type,
            file_name=file_name,
        )
        self.by_id[stored.file_id] = stored
        self.by_path[stored.file_path] = stored
        return stored

    def add_photo(self, data: bytes) -> list[dict[str, Any]]:
        """Telegram keeps several sizes of each photo; here they all share the uploaded bytes."""
        width, height = image_size(data)
        sizes: list[dict[str, Any]] = []
        for side in [s for s in PHOTO_SIDES if s < max(width, height)] + [max(width, height)]:
            scale = side / max(width, height)
            stored = self.add("photo", data, "image/jpeg")
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": len(data),
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                }
            )
        for size in sizes:
            self.by_id[size["file_id"]].photo_sizes = sizes
        return sizes

    def get(self, file_id: str) -> StoredFile:
        stored = self.by_id.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        return stored


def _extension(kind: str, file_name: str | None) -> str:
    if kind == "document" and file_name and "." in file_name:
        return file_name.rsplit(".", 1)[1].lower()[:8]
    return _EXTENSION[kind]


PHONE_PHOTO_SIZE = (1280, 960)


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG; a usual phone photo size for anything else."""
    size: tuple[int, int] | None = None
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        size = int(width), int(height)
    elif data.startswith(b"\xff\xd8"):
        size = _jpeg_size(data)
    if size is None or not all(0 < side <= 20000 for side in size):
        return PHONE_PHOTO_SIZE
    return size


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + length
    return None


def placeholder_png(
    width: int = 640, height: int = 480, rgb: tuple[int, int, int] = (80, 140, 200)
) -> bytes:
    """A plain-colour PNG, so a simulated user can send a photo without any file at hand."""
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def placeholder_bytes(kind: str) -> bytes:
    """Bytes that start like the real format (Ogg for voice, WebP for stickers)."""
    if kind == "photo":
        return placeholder_png()
    body = os.urandom(2048)
    if kind == "voice":
        return b"OggS\x00\x02" + body
    if kind == "sticker":
        return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body
    return b"%PDF-1.4\n% sandbox placeholder\n" + body
