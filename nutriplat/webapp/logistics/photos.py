"""Photos taken at a stop as proof of delivery: kept under the instance folder, named at
random; the stop's proof keeps the reference (``proof-photos/<name>``). Shown again on
the printed manifest through the same use case as the API's (``proof_photos``)."""
from __future__ import annotations

import uuid
from pathlib import Path

from flask import Blueprint, current_app
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import FileStorage

from nutriplat.delivery.api.deliveries import photo_response
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.proof_photos import FOLDER, KINDS, proof_photo
from nutriplat.errors import InvalidInput
from nutriplat.web import actor, uow
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_photos", __name__, url_prefix="/logistics/stop-proofs")

MAX_BYTES = 8 * 1024 * 1024  # a phone photo; larger is refused rather than half-stored


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


@bp.get("/<int:proof_id>/photo")
@login_required(*POLICY.roles("proof_photo"))
def photo(proof_id: int) -> ResponseReturnValue:
    return photo_response(proof_photo(uow(), actor(), proof_id), proof_id)
