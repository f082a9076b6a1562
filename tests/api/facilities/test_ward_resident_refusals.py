"""Issue 20 follow-up, item 3: a refused line at a facility's stop may name the resident
who refused (``client_id``). It then comes off that resident's tray on the ward crate (not
another resident's line of the same dish), stays in the van, and shows on the resident's
timeline; without client_id it behaves as before (test_ward_refusals). A client_id that
is not a resident with that dish on the crate is a 422 naming the field, nothing written."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import clock_set_to
from nutriplat.delivery.models import DeliveryOrder, TrayRefusal
from tests.api.facilities.ward_world import THURSDAY_MORNING, confirm_at_the_door
from tests.facilities_world import THURSDAY

pytestmark = pytest.mark.business_day("2026-12-07")


def trays(served, order_id):
    """Units per (resident, variant) on the crate as it stands."""
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, order_id)
        got: Counter[tuple[int, int]] = Counter()
        for line in order.lines:
            got[(line.client_id, line.variant_id)] += line.quantity
        return order.status, got


def timeline_on_thursday(http, headers, client_id):
    """The client's Thursday as their dietitian reads it that day."""
    with clock_set_to(THURSDAY_MORNING):
        response = http.get(f"/api/v1/clients/{client_id}/timeline", headers=headers,
                            query_string={"from": THURSDAY.isoformat(), "to": THURSDAY.isoformat()})
    assert response.status_code == 200, response.json
    return response.json


def test_a_refusal_naming_the_resident_comes_off_their_tray_and_shows_on_their_timeline(
        http, world, served, crate, at_the_door):
    _, before = trays(served, crate["order"])
    (resident, variant), units = next(iter(sorted(before.items())))
    confirmed = confirm_at_the_door(http, at_the_door, [{"order_id": crate["order"], "variant_id": variant,
                                                    "units": units, "reason": "not hungry", "client_id": resident}])
    assert confirmed.status_code == 200, confirmed.json
    assert [(r["client_id"], r["units"]) for r in confirmed.json["proof"]["refused"]] == [(resident, units)]
    status, after = trays(served, crate["order"])
    assert status == "delivered" and after == before - Counter({(resident, variant): units})  # only their tray
    with served["uow"]() as uow:
        [kept] = uow.session.scalars(select(TrayRefusal).where(TrayRefusal.order_id == crate["order"])).all()
        assert (kept.client_id, kept.variant_id, kept.units, kept.reason, kept.delivery_date) == (
            resident, variant, units, "not hungry", THURSDAY)
        assert uow.session.scalar(select(AuditEntry.client_id).where(
            AuditEntry.resource == "tray_refusal", AuditEntry.resource_id == str(kept.id))) == resident
    with clock_set_to(THURSDAY_MORNING):  # a token of that day
        dietitian = world.person("dina", "dietitian").headers
    [entry] = [e for e in timeline_on_thursday(http, dietitian, resident) if e["kind"] == "tray_refusal"]
    assert entry["ref"] == {"order_id": crate["order"], "variant_id": variant, "units": units,
                                 "reason": "not hungry", "delivery_date": THURSDAY.isoformat()}
    assert entry["summary"].startswith(f"refused {units} × ") and entry["summary"].endswith(": not hungry")
    for other in {r for r, _ in before} - {resident}:
        assert not [e for e in timeline_on_thursday(http, dietitian, other) if e["kind"] == "tray_refusal"]


def test_a_client_id_not_on_the_crate_with_that_dish_is_a_422_naming_it_and_writes_nothing(
        http, served, crate, at_the_door):
    status, before = trays(served, crate["order"])
    (resident, variant), _units = next(iter(sorted(before.items())))
    not_on_crate = max(r for r, _ in before) + 1000
    response = confirm_at_the_door(http, at_the_door, [
        {"order_id": crate["order"], "variant_id": variant, "units": 1, "client_id": resident},
        {"order_id": crate["order"], "variant_id": variant, "units": 1, "client_id": not_on_crate}])
    assert response.status_code == 422 and list(response.json["errors"]) == ["refused.1.client_id"], response.json
    assert trays(served, crate["order"]) == (status, before)
    with served["uow"]() as uow:
        assert uow.session.scalars(select(TrayRefusal)).all() == []
