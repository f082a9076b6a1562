"""Photos taken at a stop as proof of delivery: kept under the instance folder, named at
random; the stop's proof keeps the reference (``proof-photos/<name>``)."""
from __future__ import annotations

import uuid
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage

from nutriplat.errors import InvalidInput

KINDS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_BYTES = 8 * 1024 * 1024  # a phone photo; larger is refused rather than half-stored
FOLDER = "proof-photos"


def save_photo(photo: FileStorage) -> str:
    suffix = KINDS.get(photo.mimetype)
    if suffix is None:
        raise InvalidInput("The photo must be a JPEG, PNG or WebP image.", {"photo_ref": ["Not an image."]})
    data = photo.stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput("The photo is larger than 8 MB.", {"photo_ref": ["Too large."]})
    folder = Path(current_app.instance_path) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.{suffix}"
    (folder / name).write_bytes(data)
    return f"{FOLDER}/{name}"


def discard_photo(ref: str | None) -> None:
    if ref and ref.startswith(f"{FOLDER}/"):
        (Path(current_app.instance_path) / ref).unlink(missing_ok=True)
