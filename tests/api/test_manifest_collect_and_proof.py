"""The printed manifest (issue 20, items 3 and 4): what a stop takes back stands in its own
"Collect" column with a box to tick (a freezer collected, a broken one fetched for repair,
a recall's units with their lot code), apart from what it brings; once the driver
confirmed the stop, the proof of delivery is printed under it. The API prints in nl-BE;
the page built from data alone (the last test) in English."""
from __future__ import annotations

import re
from datetime import UTC, datetime

from nutriplat.clock import BRUSSELS
from nutriplat.delivery.planning.manifest import manifest_html
from tests.api.equipment_world import installed


def rows(html: str) -> dict[str, tuple[str, str]]:
    """Per client name: the stop's row and the proof row under it ("" when none)."""
    found = re.findall(r"<tr>(.*?)</tr>\s*(?:<tr class=\"proof\">(.*?)</tr>)?", html.split("<tbody>")[1], re.S)
    return {re.search(r"<strong>(.*?)</strong>", row).group(1): (row, proof) for row, proof in found}


def cells(row: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)


def test_a_collected_freezer_stands_in_the_collect_column_and_the_proof_under_the_confirmed_stop(http, shop, today):
    collected, brought = shop.clients[3], shop.clients[0]
    installed(http, shop, shop.freezers[1]["id"], collected, today)
    collect = http.post(f"/api/v1/assets/{shop.freezers[1]['id']}/collect", headers=shop.h,
                        json={"due_on": today.isoformat()})
    assert collect.status_code == 201, collect.json
    install = http.post(f"/api/v1/assets/{shop.freezers[0]['id']}/install", headers=shop.h,
                        json={"client_id": brought, "due_on": today.isoformat()})
    assert install.status_code == 201, install.json
    plan = http.post("/api/v1/route-plans", headers=shop.h, json={
        "depot_id": shop.warehouse, "date": today.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    published = http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=shop.h,
                          json={"version": plan["version"]})
    assert published.status_code == 200, published.json
    stop = next(s for r in plan["result"]["routes"] for s in r["stops"] if s["client_id"] == collected)
    route = next(r for r in plan["result"]["routes"] if stop in r["stops"])
    base = f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}"
    sheet = http.get(f"{base}/manifest", headers=shop.h).json
    names = {s["client_id"]: s["name"] for s in sheet["stops"]}

    page = http.get(f"{base}/manifest.html", headers=shop.h).get_data(as_text=True)

    assert "<th>Ophalen</th>" in page
    row, proof = rows(page)[names[collected]]
    deliver, takes_back = cells(row)[3:5]
    assert "☐ <strong>Ophalen:</strong> diepvries FRZ-002 (Liebherr GP 1376)" in takes_back
    assert "FRZ-002" not in deliver and "×" in deliver and proof == ""
    if brought in names:  # on the same van: the install is brought, nothing taken back
        other = cells(rows(page)[names[brought]][0])
        assert "<strong>Plaatsen:</strong> diepvries FRZ-001" in other[3] and other[4].strip() == "—"

    item = next(i for i in sheet["stops"][[s["id"] for s in sheet["stops"]].index(stop["id"])]["items"]
                if i["quantity"] > 1)
    confirmed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation", headers=shop.h, json={
        "outcome": "delivered", "received_by": "Zoon Pieter", "chilled_c": 9.0, "frozen_c": -18.0,
        "refused": [{"order_id": item["order_id"], "variant_id": item["variant_id"], "units": 1,
                     "reason": "Te veel"}]})
    assert confirmed.status_code == 200, confirmed.json
    at = datetime.fromisoformat(confirmed.json["proof"]["recorded_at"]).astimezone(BRUSSELS)

    _, proof = rows(http.get(f"{base}/manifest.html", headers=shop.h).get_data(as_text=True))[names[collected]]

    assert "Bewijs van levering" in proof and at.strftime("%H:%M") in proof and "Ontvangen door Zoon Pieter" in proof
    assert "gekoeld 9.0 °C" in proof and "te warm bij overhandiging: gekoeld" in proof
    assert f"Geweigerd aan de deur:</span> 1 × {item['dish']} (Te veel)" in proof
    assert "Foto van de levering" not in proof  # handed to a person: no photo


def test_a_fetch_for_repair_and_a_recalls_lines_are_collect_lines_and_a_local_time_is_printed():
    """The page from the manifest's data alone: a broken oven is fetched, a recall's units
    named with their lot; the proof's time is on the Brussels clock."""
    stop = {"eta": datetime(2026, 12, 7, 10, 5), "window": {"start": datetime(2026, 12, 7, 9),
                                                               "end": datetime(2026, 12, 7, 12)},
            "name": "Maria Peeters", "address": {"street": "Noordstraat 1", "postal_code": "8800", "city": "Roeselare"},
            "phone": None, "location": {"lat": 50.95, "lon": 3.12}, "items": [], "crates": [], "texture": {},
            "allergies": [], "allergens_on_board": [], "access_notes": None, "frozen_litres": 0.0,
            "chilled_litres": 0.0, "outcome": "delivered",
            "equipment": [{"task_id": 1, "kind": "fetch", "asset_kind": "regeneration_oven", "serial_number": "OVN-9",
                           "model": "Rational"}],
            "collect": [{"pickup_id": 2, "recall_id": 7, "units": 3, "dish": "Rijstpap", "lot": "LOT-42",
                         "status": "done"}],
            "proof": {"id": 5, "recorded_at": datetime(2026, 12, 7, 9, 30, tzinfo=UTC), "received_by": None,
                      "left_at": "Garage", "photo_ref": "proof-photos/x.jpg", "chilled_c": None, "frozen_c": None,
                      "cold_chain_alarms": [], "refused": []}}
    data = {"plan_id": 1, "date": datetime(2026, 12, 7).date(), "published": True,
            "depot": {"lat": 50.94, "lon": 3.12, "id": 1},
            "route": {"van_name": "Bestelwagen 1", "driver_name": "Luc", "start": None, "end": None,
                      "distance_m": 12000, "frozen_litres": 0.0, "chilled_litres": 0.0, "breaks": [],
                      "freezer_capacity_litres": 200, "chilled_capacity_litres": 100},
            "stops": [stop]}

    row, proof = rows(manifest_html(data, photo_link=lambda proof_id: f"/somewhere/{proof_id}"))["Maria Peeters"]

    deliver, takes_back = cells(row)[3:5]
    assert deliver.strip().startswith("—")
    assert "☐ <strong>Fetch for repair:</strong> regeneration oven OVN-9 (Rational)" in takes_back
    assert "☐ <strong class=\"flag\">Collect (recall):</strong> 3 × Rijstpap" in takes_back
    assert "lot LOT-42 · recall #7" in takes_back
    assert "10:30" in proof and "Left at Garage" in proof  # 09:30 UTC is 10:30 in Roeselare in December
    assert '<a href="/somewhere/5">Photo of the delivery</a>' in proof
