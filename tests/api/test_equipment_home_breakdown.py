"""A breakdown reported from home (issue 20, equipment gaps): the client's caregiver with
a 'record' mandate reports the freezer standing with the client; anyone else, or an asset
standing elsewhere, is refused before a repair job is opened."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nutriplat.clients.models import CaregiverMandate
from nutriplat.equipment.models import RepairJob
from tests.api.equipment_world import asset, installed


def test_a_caregiver_reports_the_broken_freezer_at_home(http, world, shop, today):
    freezer, other_freezer = shop.freezers
    client, neighbour = shop.clients[0], shop.clients[1]
    installed(http, shop, freezer["id"], client, today)
    installed(http, shop, other_freezer["id"], neighbour, today)
    carer, viewer = (world.person(name, "caregiver", organisation=None) for name in ("greet", "vik"))
    with shop.uow() as uow:
        uow.session.add_all([CaregiverMandate(client_id=client, caregiver_id=carer.id, scopes=["view", "record"]),
                             CaregiverMandate(client_id=client, caregiver_id=viewer.id, scopes=["view"])])
        uow.commit()
    url = f"/api/v1/clients/{client}/equipment/breakdowns"

    elsewhere = http.post(url, headers=carer.headers, json={"asset_id": other_freezer["id"], "description": "Stuk"})
    unmandated = http.post(url, headers=viewer.headers, json={"asset_id": freezer["id"], "description": "Stuk"})
    empty = http.post(url, headers=carer.headers, json={"asset_id": freezer["id"], "description": ""})
    staff = world.person("els", "cofinancer", organisation="Zorgfonds")
    stranger = http.post(url, headers=staff.headers, json={"asset_id": freezer["id"], "description": "Stuk"})
    reported = http.post(url, headers=carer.headers, json={"asset_id": freezer["id"], "description": "Koelt niet"})

    assert elsewhere.status_code == 404 and unmandated.status_code == 403 and stranger.status_code == 403
    assert empty.status_code == 422 and "description" in empty.json["errors"]
    assert reported.status_code == 201, reported.json
    assert reported.json["reported_by"] == "client" and reported.json["stock_at_risk"] is True
    assert asset(http, shop, freezer["id"])["state"] == "in_repair"
    assert asset(http, shop, other_freezer["id"])["state"] == "installed"
    with shop.uow() as uow:
        assert list(uow.session.scalars(select(RepairJob.asset_id))) == [freezer["id"]]
    fetch = http.get("/api/v1/asset-tasks", headers=shop.h, query_string={"asset_id": freezer["id"]}).json
    assert [(t["kind"], t["status"], t["due_on"]) for t in fetch if t["status"] == "planned"] == [
        ("fetch", "planned", (today + timedelta(days=1)).isoformat())]  # no replacement: fetched for repair
    planned = next(t for t in fetch if t["status"] == "planned")
    done = http.post(f"/api/v1/asset-tasks/{planned['id']}/confirmation", headers=shop.h,
                     json={"outcome": "delivered"})
    assert done.status_code == 409  # not before its day
