"""/clients/{id}/deliveries: a client's deliveries with the proof of delivery, and the
photo taken at a stop (/stop-proofs/{id}/photo)."""
from __future__ import annotations

from pathlib import Path

from flask import Response, current_app, send_file
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery.deliveries import client_deliveries
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.proof_photos import KINDS, proof_photo, stored_photo
from nutriplat.delivery.schemas.deliveries import ClientDeliverySchema
from nutriplat.errors import NotFound
from nutriplat.list_views import paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("client_deliveries", __name__, url_prefix="/api/v1", description="A client's deliveries")


@blp.route("/clients/<int:client_id>/deliveries")
class ClientDeliveries(MethodView):
    @roles_required(*POLICY.roles("client_deliveries"))
    @blp.response(200, ClientDeliverySchema(many=True))
    @paginated(blp)
    def get(self, client_id, pagination_parameters):
        """The client's deliveries, newest first: outcome, what came, and the proof of delivery"""
        found, pagination_parameters.item_count = client_deliveries(
            uow(), actor(), client_id, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/stop-proofs/<int:proof_id>/photo")
class ProofPhoto(MethodView):
    @roles_required(*POLICY.roles("proof_photo"))
    @blp.doc(responses={
        "200": {"description": "The photo taken at the stop",
                "content": {media: {"schema": {"type": "string", "format": "binary"}} for media in KINDS}},
        "404": {"description": "No such proof, no photo, or another organisation's"}})
    def get(self, proof_id):
        """The photo of a stop's proof of delivery (where it was left, who took it); audited"""
        return photo_response(proof_photo(uow(), actor(), proof_id), proof_id)


def photo_response(ref: str, proof_id: int) -> Response:
    """The stored file with its own media type, never cached (it shows a person's door)."""
    found = stored_photo(Path(current_app.instance_path), ref)
    if found is None:
        raise NotFound(f"No photo for stop proof {proof_id}.")
    path, media = found
    response = send_file(path, mimetype=media, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
