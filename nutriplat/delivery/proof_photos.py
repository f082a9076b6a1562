"""The photo taken at a stop as proof of delivery (issue 20, item 4): kept under the
instance folder (``proof-photos/<random name>``), shown only to the planners and admins
of the organisation that delivered and to the client's dietitian, each look audited."""
from __future__ import annotations

from pathlib import Path

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import PlannedStop, RoutePlan, StopProof
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import NotFound

FOLDER = "proof-photos"
KINDS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}  # media type → file suffix
MEDIA_TYPES = {suffix: media for media, suffix in KINDS.items()}
RESOURCE = "stop_proof_photo"


def proof_photo(uow: UnitOfWork, actor: Actor, proof_id: int) -> str:
    """The photo's reference, once the actor may see it; 404 alike for a proof that does
    not exist, has no photo or belongs to another organisation (we do not say which)."""
    POLICY.check(actor, "proof_photo")
    missing = NotFound(f"No photo for stop proof {proof_id}.")
    with uow:
        session = uow.session
        proof = session.get(StopProof, proof_id)
        if proof is None or not proof.photo_ref:
            raise missing
        try:
            holder = _holder(uow, actor, proof)
        except NotFound:
            raise missing from None
        audit.record(session, actor, "read", RESOURCE, proof.id, proof.client_id,
                     detail={"stop_id": proof.stop_id}, organisation_id=holder)
        uow.commit()
        return proof.photo_ref


def _holder(uow: UnitOfWork, actor: Actor, proof: StopProof) -> int:
    """The organisation holding the photo: a client's stop is seen by whoever may see the
    client; a ward's stop (no client) by the organisation that planned the route."""
    if proof.client_id is not None:
        return load_client(uow.session, actor, proof.client_id).organisation_id
    stop = uow.session.get_one(PlannedStop, proof.stop_id)
    return load_owned(uow.session, RoutePlan, stop.plan_id, actor, "route plan").organisation_id


def stored_photo(instance: Path, ref: str) -> tuple[Path, str] | None:
    """The file of a reference and its media type; None when the reference is not one of
    ours (no path outside the folder is ever read) or the file is gone."""
    folder = (instance / FOLDER).resolve()
    path = (instance / ref).resolve()
    media = MEDIA_TYPES.get(path.suffix.lstrip("."))
    if path.parent != folder or media is None or not path.is_file():
        return None
    return path, media
