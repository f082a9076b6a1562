"""/fhir: referrals as FHIR R4 resources (docs/fhir/README.md). The same bearer tokens and
policy table as /api/v1; every error here is an OperationOutcome, never the API's shape."""
from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from flask import Response, request
from flask.blueprints import BlueprintSetupState
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import HTTPException

from nutriplat.errors import DomainError
from nutriplat.referrals.fhir import service_requests
from nutriplat.referrals.fhir.outcome import InvalidResource, Issue, issues_of_errors, operation_outcome
from nutriplat.referrals.policy import POLICY
from nutriplat.web import actor, roles_required, uow

FHIR_JSON = "application/fhir+json"
# Also taken: a client that sends FHIR as plain JSON means the same resource.
ACCEPTED_TYPES = (FHIR_JSON, "application/json")

blp = Blueprint("fhir", __name__, url_prefix="/fhir",
                description="Referrals as FHIR R4 ServiceRequest and Task (application/fhir+json); "
                            "every error is an OperationOutcome (docs/fhir/README.md)")


def _resource(name: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {FHIR_JSON: {"schema": {
        "type": "object", "description": f"A FHIR R4 {name} resource."}}}}


OUTCOME = _resource("OperationOutcome", "Refused: an OperationOutcome, one issue per problem.")
# Every refusal under /fhir, in place of the API's error shape.
REFUSALS = {"401": OUTCOME, "403": OUTCOME, "default": OUTCOME}


def fhir_response(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers, mimetype=FHIR_JSON)


def outcome_response(status: int, issues: list[Issue]) -> Response:
    return fhir_response(operation_outcome(status, issues), status)


@blp.errorhandler(InvalidResource)
def invalid_resource(error: InvalidResource) -> Response:
    return outcome_response(422, error.issues)


@blp.errorhandler(DomainError)
def domain_error(error: DomainError) -> Response:
    response = outcome_response(error.status, issues_of_errors(error.message, error.errors))
    if error.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


@blp.errorhandler(HTTPException)
def http_error(error: HTTPException) -> Response:
    return unrouted(error.code or 500, error.description or HTTPStatus(error.code or 500).phrase)


def unrouted(status: int, description: str | None) -> Response:
    """An unknown path or method under /fhir never reaches a view: an OperationOutcome too."""
    return outcome_response(status, [Issue(description or HTTPStatus(status).phrase)])


@blp.record_once
def _outcome_for_unrouted_paths(state: BlueprintSetupState) -> None:
    state.app.extensions.setdefault("html_error_pages", {})[blp.url_prefix] = unrouted


@blp.route("/ServiceRequest")
class ServiceRequests(MethodView):
    @roles_required(*POLICY.roles("refer"))
    @blp.doc(requestBody={"required": True, "content": {FHIR_JSON: {"schema": {
        "type": "object", "description": "A FHIR R4 ServiceRequest (docs/fhir/service-request.json)."}}}},
        responses={"201": _resource("ServiceRequest", "Stored; Location names it."), "422": OUTCOME}
        | REFUSALS)
    def post(self):
        """Send a referral as a FHIR R4 ServiceRequest (Patient contained); 201 with the stored resource"""
        if request.mimetype not in ACCEPTED_TYPES:
            return outcome_response(415, [Issue(f"Send the resource as {FHIR_JSON}.")])
        raw = request.get_json(silent=True, force=True)
        if raw is None:
            return outcome_response(400, [Issue("The body is not JSON.")])
        referral = service_requests.receive(uow(), actor(), raw)
        body = service_requests.service_request(uow(), actor(), referral.id)
        return fhir_response(body, 201, {"Location": f"/fhir/ServiceRequest/{referral.id}"})


@blp.route("/ServiceRequest/<int:referral_id>")
class ServiceRequestById(MethodView):
    @roles_required(*POLICY.roles("get_referral"))
    @blp.doc(responses={"200": _resource("ServiceRequest", "The referral."), "404": OUTCOME} | REFUSALS)
    def get(self, referral_id):
        """A referral as a ServiceRequest, its status mapped (docs/fhir/README.md)"""
        return fhir_response(service_requests.service_request(uow(), actor(), referral_id))


@blp.route("/Task/<int:referral_id>")
class TaskById(MethodView):
    @roles_required(*POLICY.roles("get_referral"))
    @blp.doc(responses={"200": _resource("Task", "How far the referral is."), "404": OUTCOME} | REFUSALS)
    def get(self, referral_id):
        """How far the provider has taken a referral, as a FHIR Task"""
        return fhir_response(service_requests.task(uow(), actor(), referral_id))
