"""The photo taken at a stop (issue 20, item 4): shown to the planners and admins of the
organisation that delivered and to the client's dietitian, with its own media type, never
cached; every look is audited; another organisation gets 404, as for a proof without one."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import CaregiverMandate
from nutriplat.delivery.models import StopProof
from tests.api.delivery_world import published
from tools.demo.simulate_rounds import HANDOVER

PNG = b"\x89PNG\r\n\x1a\n" + b"a door in Roeselare"


@pytest.fixture
def photo(app):
    """A photo as the driver's page stores it (``webapp.logistics.photos``); removed after."""
    folder = Path(app.instance_path) / "proof-photos"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.png"
    (folder / name).write_bytes(PNG)
    yield f"proof-photos/{name}"
    (folder / name).unlink(missing_ok=True)


def left_with_photo(http, day, photo):
    plan, route, stop, url = published(http, day)
    confirmed = http.post(url, headers=day.h, json={"outcome": "delivered", "left_at": "Achterdeur, koelbox",
                                                    "photo_ref": photo, "chilled_c": 4.0, "frozen_c": -18.0})
    assert confirmed.status_code == 200, confirmed.json
    return plan, route, stop, confirmed.json["proof"]


def test_the_planner_and_the_clients_dietitian_see_the_photo_and_each_look_is_audited(http, day, world, photo):
    plan, route, stop, proof = left_with_photo(http, day, photo)
    dietitian = world.person("dora", "dietitian")  # the provider of the day's clients

    assert proof["photo_url"] == f"/api/v1/stop-proofs/{proof['id']}/photo"
    for headers in (day.h, day.admin, dietitian.headers):
        shown = http.get(proof["photo_url"], headers=headers)
        assert shown.status_code == 200, shown.json
        assert shown.mimetype == "image/png" and shown.data == PNG
        assert "no-store" in shown.headers["Cache-Control"]
    with day.uow() as uow:
        looks = uow.session.scalars(select(AuditEntry).where(AuditEntry.resource == "stop_proof_photo")).all()
    assert len(looks) == 3 and {e.client_id for e in looks} == {stop["client_id"]}
    assert dietitian.id in {e.user_id for e in looks} and {e.organisation_id for e in looks} == {day.organisation}
    deliveries = http.get(f"/api/v1/clients/{stop['client_id']}/deliveries", headers=dietitian.headers).json
    assert proof["photo_url"] in {d["proof"]["photo_url"] for d in deliveries if d["proof"]}
    sheet = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=day.h).json
    assert sheet["stops"][0]["proof"]["photo_url"] == proof["photo_url"]


def test_another_organisation_a_caregiver_and_a_proof_without_photo_get_no_photo(http, day, world, photo):
    _, _, stop, proof = left_with_photo(http, day, photo)
    elsewhere = world.person("olga", "logistics", organisation="Provider B")
    carer = world.person("carla", "caregiver", organisation=None)
    with day.uow() as uow:
        uow.session.add(CaregiverMandate(client_id=stop["client_id"], caregiver_id=carer.id, scopes=["view"]))
        uow.commit()

    assert http.get(proof["photo_url"], headers=elsewhere.headers).status_code == 404
    assert http.get(proof["photo_url"], headers=carer.headers).status_code == 403
    missing = http.get("/api/v1/stop-proofs/987654/photo", headers=day.h)
    assert missing.status_code == 404 and missing.json["message"] == "No photo for stop proof 987654."
    with day.uow() as uow:
        refusals = uow.session.scalar(select(AuditEntry.id).where(
            AuditEntry.user_id == elsewhere.id, AuditEntry.action == "refuse",
            AuditEntry.resource_id == str(stop["client_id"])))
    assert refusals is not None  # the attempt across organisations is on record


def test_a_proof_without_a_photo_or_whose_file_is_gone_is_404(http, day, photo, app):
    plan, _, _, proof = left_with_photo(http, day, photo)
    (Path(app.instance_path) / photo).unlink()
    assert http.get(proof["photo_url"], headers=day.h).status_code == 404
    with day.uow() as uow:  # a reference that points outside the folder is never read
        row = uow.session.get_one(StopProof, proof["id"])
        row.photo_ref = "proof-photos/../nutriplat.sqlite3"
        uow.commit()
    assert http.get(proof["photo_url"], headers=day.h).status_code == 404
    other = next(s for r in plan["result"]["routes"] for s in r["stops"][1:2])
    confirmed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{other['id']}/confirmation", headers=day.h,
                          json={"outcome": "delivered", **HANDOVER})
    assert confirmed.status_code == 200 and confirmed.json["proof"]["photo_url"] is None
    assert http.get(f"/api/v1/stop-proofs/{confirmed.json['proof']['id']}/photo", headers=day.h).status_code == 404
