"""The demo simulation's facility step (issue 16 item 9), on the facilities test world:
an admission from home to De Vlasbloem on the fourth day and a discharge home from AZ Delta
on the ninth, each once (the night's ward ordering is the scheduler's job: test_ward_orders_job)."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.clients.models import Client
from nutriplat.delivery.models import DeliveryOrder
from tests.facilities_world import MONDAY
from tests.setup_calls import setup
from tools.demo import simulate_wards
from tools.demo.population import people

pytestmark = pytest.mark.business_day("2026-12-07")


def test_the_step_admits_and_discharges(http, world, dora, maria, facilities, served, place,
                                                              planned, app):
    world.person(people.DIETITIANS[0], "dietitian")
    at_home = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "status": "active", "referral": {"date": "2026-01-05"}}))["id"]
    in_hospital = place("hospital", facilities["azdelta"]["ward"], "12")
    planned(at_home, in_hospital)
    factory, counts = app.extensions["nutriplat"].session_factory, Counter()
    for offset in (simulate_wards.ADMIT_ON, simulate_wards.ADMIT_ON, simulate_wards.DISCHARGE_ON):
        simulate_wards.simulate(factory, MONDAY - timedelta(days=offset), MONDAY, counts)
    assert counts["wards", "admission: client moved to nursing home"] == 1  # once, the second run skips it
    assert counts["wards", "discharge: client moved to home"] == 1
    assert counts["wards", "discharge: first home delivery ordered"] == 1
    with served["uow"]() as uow:
        moved = {c.id: (c.care_setting, c.ward_id) for c in uow.session.scalars(
            select(Client).where(Client.id.in_((at_home, in_hospital))))}
        assert moved == {at_home: ("nursing_home", served["ward"]), in_hospital: ("home", None)}
        assert uow.session.scalar(select(DeliveryOrder.origin).where(DeliveryOrder.client_id == in_hospital)) \
            == "discharge"
