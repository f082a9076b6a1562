"""The example FHIR resources of docs/fhir/: a hospital discharge office's referral as
a ServiceRequest, what NutriPlat stores and serves back (ServiceRequest and Task, after
the dietitian accepted it), the OperationOutcome an invalid one gets, and the handover
Bundle written when the client, weighed twice, is transferred to hospital. Made by the
running service on a scratch SQLite database, at a fixed time, so they are reproducible:

    python -m tools.fhir_examples docs/fhir
"""
from __future__ import annotations

import base64
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nutriplat import migrate
from nutriplat.app import create_app
from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM
from nutriplat.clock import clock_set_to
from nutriplat.config import Config
from nutriplat.db import UnitOfWork
from nutriplat.referrals.fhir.reading import CONSENT_EXTENSION

AT = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
PASSWORD = "fhir-examples-only-2026"
LETTER = b"Ontslagbrief AZ Delta: heupfractuur, 8 % gewichtsverlies in 3 weken, dysfagie (IDDSI 5)."


def service_request(provider_id: int) -> dict[str, Any]:
    """What AZ Delta's discharge office sends."""
    return {
        "resourceType": "ServiceRequest",
        "contained": [
            {"resourceType": "Patient", "id": "patient",
             "name": [{"family": "Vermeulen", "given": ["Jozef"]}], "gender": "male",
             "birthDate": "1941-11-02", "telecom": [{"system": "phone", "value": "+32 51 22 33 44"}],
             "address": [{"line": ["Stationsstraat 12"], "postalCode": "8800", "city": "Roeselare"}]},
            {"resourceType": "DocumentReference", "id": "letter", "status": "current",
             "content": [{"attachment": {"contentType": "text/plain", "title": "Ontslagbrief",
                                         "data": base64.b64encode(LETTER).decode()}}]},
        ],
        "extension": [{"url": CONSENT_EXTENSION, "valueBoolean": True}],
        "status": "active", "intent": "order", "priority": "urgent",
        "subject": {"reference": "#patient"},
        "performer": [{"reference": f"Organization/{provider_id}"}],
        "reasonCode": [{"text": "Discharged after hip fracture; lost 8 % in 3 weeks."}],
        "note": [{"text": "Dysphagia, IDDSI 5 minced and moist."}],
        "supportingInfo": [{"reference": "#letter"}],
    }


def invalid(provider_id: int) -> dict[str, Any]:
    """The same, with two problems fhir.resources names: a date as people write it, and no
    subject. (The referral's own rules, such as the consent, are checked once it is valid FHIR.)"""
    resource = service_request(provider_id)
    resource["contained"][0]["birthDate"] = "02/11/1941"
    del resource["subject"]
    return resource


def examples() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/examples.sqlite3"
        migrate.upgrade(url)
        app = create_app(Config(DATABASE_URL=url, PASSWORD_TIME_COST=1, PASSWORD_MEMORY_COST_KIB=256))
        uow = UnitOfWork(app.extensions["nutriplat"].session_factory)
        passwords = app.extensions["nutriplat"].passwords
        provider = auth_services.create_organisation(uow, "Provider A", "provider", SYSTEM).id
        auth_services.create_organisation(uow, "AZ Delta", "referrer", SYSTEM)
        for username, role, organisation in (("ontslag", "referrer", "AZ Delta"),
                                             ("dietist", "dietitian", "Provider A")):
            auth_services.create_user(uow, passwords, SYSTEM, username, PASSWORD, role, organisation)
        http = app.test_client()
        sent = service_request(provider)
        # authoredOn reads AT to the second; the tokens are minted at AT too, so that whatever the
        # hour the examples are made, a token is still valid when it is used
        with clock_set_to(AT):
            token = {name: {"Authorization": "Bearer " + http.post("/api/v1/auth/token", json={
                "username": name, "password": PASSWORD}).json["access_token"]} for name in ("ontslag", "dietist")}
            stored = http.post("/fhir/ServiceRequest", data=json.dumps(sent), headers=token["ontslag"],
                               content_type="application/fhir+json").json
        refused = http.post("/fhir/ServiceRequest", data=json.dumps(invalid(provider)),
                            headers=token["ontslag"], content_type="application/fhir+json").json
        accepted = http.post(f"/api/v1/referrals/{stored['id']}/accept", json={}, headers=token["dietist"]).json
        bundle = handover(http, token["dietist"], accepted["client_id"])
        served = http.get(f"/fhir/ServiceRequest/{stored['id']}", headers=token["ontslag"]).json
        task = http.get(f"/fhir/Task/{stored['id']}", headers=token["ontslag"]).json
        app.extensions["nutriplat"].engine.dispose()
    return {"service-request.json": sent, "service-request-stored.json": served,
            "task-accepted.json": task, "operation-outcome-invalid.json": refused,
            "handover-bundle.json": bundle}


def handover(http: Any, headers: dict[str, str], client_id: int) -> dict[str, Any]:
    """Jozef, weighed twice at home, goes back to hospital: the handover's FHIR Bundle."""
    client = f"/api/v1/clients/{client_id}"
    http.patch(client, json={"iddsi_food_level": "5", "iddsi_drink_level": "1"}, headers=headers)
    for kg, when in ((71.0, "2026-11-02"), (68.4, "2026-12-01")):
        http.post(f"{client}/measurements", headers=headers,
                  json={"type": "weight_kg", "value": kg, "measured_at": f"{when}T09:00:00+01:00"})
    with clock_set_to(AT):  # the Bundle's timestamp
        http.post(f"{client}/care-setting-transfers", headers=headers, json={
            "to_setting": "hospital", "transferred_on": "2026-12-07", "reason": "fall at home"})
    return http.get(f"{client}/handovers", headers=headers).json[0]["fhir_bundle"]  # type: ignore[no-any-return]


def main(folder: str) -> None:
    for name, resource in examples().items():
        (Path(folder) / name).write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/fhir")
