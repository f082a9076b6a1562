"""Issue 16 item 4: the nightly ward ordering turns the approved plans of each served
ward's residents into the ward's delivery order per delivery day before its cut-off. Ward
orders are delivery orders (``GET /delivery-orders?date=``); a change before the cut-off
re-versions the order, after it raises a kitchen task; a resident never gets a dish their
record excludes. The week: Monday 7 December 2026, deliveries on Monday and Thursday with
the cut-off at 14:00 the day before, lunch and dinner served."""
from __future__ import annotations

import threading
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.models import DeliveryOrder, KitchenTask
from nutriplat.food import IDDSI_FOOD_LEVELS
from tests.conftest import TEST_PASSWORD
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def listed(http, world, day):
    logistics = world.person(f"logistics-{day}", "logistics")
    response = http.get(f"/api/v1/delivery-orders?date={day}", headers=logistics.headers)
    assert response.status_code == 200, response.json
    return response.json


def test_the_nightly_run_makes_the_wards_order_for_the_next_delivery_day_before_its_cutoff(http, world, served):
    counts = served["run"](MONDAY)
    assert counts["orders"] == 1  # Thursday's; Monday's cut-off passed, next Monday has no plans yet
    orders = listed(http, world, THURSDAY)
    assert [(o["facility_id"], o["ward_id"], o["client_id"], o["origin"]) for o in orders] == [
        (served["facility"], served["ward"], None, "ward")]
    lines = orders[0]["lines"]
    assert {ln["client_id"] for ln in lines} == set(served["residents"])
    assert {ln["served_on"] for ln in lines} == {"2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"}
    assert {ln["meal_moment"] for ln in lines} == {"lunch", "dinner"}  # the agreement's moments, no snack


def test_a_second_run_changes_nothing(served):
    served["run"](MONDAY)
    again = served["run"](MONDAY)
    assert again["orders"] == 0 and again["unchanged"] == 1
    with served["uow"]() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DeliveryOrder)) == 1


def test_the_residents_meals_name_their_ward_order(http, facilities, served):
    served["run"](MONDAY)
    meals = http.get(f"/api/v1/clients/{served['residents'][0]}/meals?date={THURSDAY}",
                     headers=facilities["vlasbloem"]["staff"].headers).json
    sources = {(m["meal_moment"], m["source"]) for m in meals}
    assert sources == {("lunch", "ward_order"), ("dinner", "ward_order"), ("snack", "hospital_kitchen")}
    assert len({m["order_id"] for m in meals if m["source"] == "ward_order"}) == 1


def test_a_change_before_the_cutoff_re_versions_the_order_audited(http, dora, served):
    served["run"](MONDAY)
    resident = served["residents"][0]
    record = http.get(f"/api/v1/clients/{resident}", headers=dora.headers).json
    setup(http.patch(f"/api/v1/clients/{resident}", headers=dora.headers,
                     json={"iddsi_food_level": "5", "expected_version": record["version"]}))
    assert served["run"](MONDAY)["unchanged"] == 1  # re-versioned at once by the change itself (item 7)
    with served["uow"]() as uow:
        order = uow.session.scalars(select(DeliveryOrder)).one()
        assert order.version == 2
        assert {ln.client_id for ln in order.lines} == {served["residents"][1]}  # no level-4 dish for a level 5
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.resource == "delivery_order").order_by(AuditEntry.id)).all()
    assert actions == ["create", "update"]


def test_a_change_after_the_cutoff_raises_one_kitchen_task_and_leaves_the_crate(http, dora, served):
    served["run"](MONDAY)
    with clock_set_to(datetime(2026, 12, 10, 6, 0, tzinfo=BRUSSELS)):  # Wednesday 14:00 has passed
        token = http.post("/api/v1/auth/token", json={"username": "dora", "password": TEST_PASSWORD}).json
        setup(http.post(f"/api/v1/clients/{served['residents'][0]}/care-setting-transfers",
                        headers={"Authorization": f"Bearer {token['access_token']}"},
                        json={"transferred_on": THURSDAY.isoformat(), "to_setting": "home", "reason": "discharge"}))
    assert served["run"](THURSDAY)["kitchen_tasks_open"] == 1  # raised at once by the transfer (item 7)
    with served["uow"]() as uow:  # (the other order: the first meals at home after the discharge)
        order = uow.session.scalars(select(DeliveryOrder).where(DeliveryOrder.ward_id.is_not(None))).one()
        task = uow.session.scalars(select(KitchenTask)).one()
        assert order.version == 1 and {ln.client_id for ln in order.lines} == set(served["residents"])
        assert {line[0] for line in task.wanted} == {served["residents"][1]}


@pytest.mark.postgres_only
def test_two_concurrent_nightly_runs_make_one_order(served):
    barrier, failures, results = threading.Barrier(2), [], []

    def run() -> None:
        try:
            barrier.wait()
            results.append(served["run"](MONDAY))
        except Exception as error:  # noqa: BLE001 (the test reports any failure)
            failures.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with served["uow"]() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DeliveryOrder)) == 1
    assert sorted(r["orders"] for r in results) == [0, 1]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(levels=st.lists(st.sampled_from(IDDSI_FOOD_LEVELS[:-1]), min_size=1, max_size=4))
def test_a_resident_never_gets_a_tray_of_another_texture_than_their_record(http, dora, served, levels):
    """Whatever the texture changes between runs, each line's texture is the resident's level now."""
    resident = served["residents"][0]
    for level in levels:
        record = http.get(f"/api/v1/clients/{resident}", headers=dora.headers).json
        setup(http.patch(f"/api/v1/clients/{resident}", headers=dora.headers,
                         json={"iddsi_food_level": level, "expected_version": record["version"]}))
        served["run"](MONDAY)
        with served["uow"]() as uow:
            for order in uow.session.scalars(select(DeliveryOrder)):
                assert {ln.texture for ln in order.lines if ln.client_id == resident} <= {f"food:{level}"}
