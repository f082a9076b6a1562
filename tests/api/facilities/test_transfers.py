"""Issue 16 item 7: supply follows a client across the care chain at once, not only at
night. The week: Monday 7 December 2026; De Vlasbloem's ward Lelie gets Thursday's crate
(cut-off Wednesday 14:00), made by Monday's nightly run."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import DeliverySchedule
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def crate_residents(served) -> set[int]:
    with served["uow"]() as uow:
        order = uow.session.scalars(select(DeliveryOrder).where(
            DeliveryOrder.ward_id == served["ward"], DeliveryOrder.delivery_date == THURSDAY)).one()
        return {line.client_id for line in order.lines}


def test_an_admission_puts_the_resident_on_the_next_crate_at_once(http, dora, maria, served, planned):
    served["run"](MONDAY)
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "status": "active", "referral": {"date": "2026-01-05"}, "iddsi_food_level": "5"}))
    planned(client["id"])
    setup(http.post(f"/api/v1/clients/{client['id']}/care-setting-transfers", headers=dora.headers, json={
        "transferred_on": MONDAY.isoformat(), "to_setting": "nursing_home", "ward_id": served["ward"],
        "room": "101", "reason": "admission"}))
    assert crate_residents(served) == {*served["residents"], client["id"]}  # no nightly run in between


def test_a_texture_change_before_the_cutoff_changes_the_crate_at_once(http, dora, served):
    served["run"](MONDAY)
    resident = served["residents"][0]  # IDDSI 4, planned level-4 dishes
    setup(http.patch(f"/api/v1/clients/{resident}", headers=dora.headers, json={"iddsi_food_level": "3"}))
    assert resident not in crate_residents(served)  # level-4 trays are no longer for them


def test_a_discharge_home_brings_the_first_meals_on_the_day_of_arrival(http, dora, served):
    served["run"](MONDAY)
    resident = served["residents"][1]
    with served["uow"]() as uow:
        uow.session.add(DeliverySchedule(client_id=resident, weekdays=["thu"], warehouse_id=served["warehouse"]))
        uow.commit()
    for _ in range(2):  # the same day's discharge recorded once; the order is made once
        http.post(f"/api/v1/clients/{resident}/care-setting-transfers", headers=dora.headers, json={
            "transferred_on": MONDAY.isoformat(), "to_setting": "home", "reason": "discharge"})
    with served["uow"]() as uow:
        orders = list(uow.session.scalars(select(DeliveryOrder).where(DeliveryOrder.client_id == resident)))
        assert [(o.origin, o.delivery_date, o.covers_until, o.warehouse_id) for o in orders] == [
            ("discharge", MONDAY, date(2026, 12, 9), served["warehouse"])]  # until Thursday's delivery
        assert orders[0].lines and {ln.use_by for ln in orders[0].lines} == {date(2026, 12, 9)}
    assert resident not in crate_residents(served)  # off the ward's Thursday crate at once
