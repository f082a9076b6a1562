"""Issue 16 item 4: a changed allergy reaches the ward's crate at once, as a changed
texture does. Before the delivery day's cut-off the ward order is re-versioned (audited)
without the dishes the allergy now excludes; after it the crate is left as packed and
one kitchen task says what it should hold. The same allergies again change nothing."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from nutriplat.auth.models import AuditEntry
from nutriplat.catalogue.models import DishVariant
from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.models import DeliveryOrder, KitchenTask
from tests.conftest import TEST_PASSWORD
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def milk_trays(served, resident):
    """The resident's trays on the ward's crate whose dish contains milk, and the order."""
    with served["uow"]() as uow:
        order = uow.session.scalars(select(DeliveryOrder).where(DeliveryOrder.ward_id == served["ward"])).one()
        milky = {v.id for v in uow.session.scalars(select(DishVariant)) if "milk" in (v.allergens or [])}
        return [ln for ln in order.lines if ln.client_id == resident and ln.variant_id in milky], order


def set_allergies(http, headers, client_id, allergies):
    record = setup(http.get(f"/api/v1/clients/{client_id}", headers=headers))
    return setup(http.patch(f"/api/v1/clients/{client_id}", headers=headers,
                            json={"allergies": allergies, "expected_version": record["version"]}))


def test_a_new_allergy_before_the_cutoff_re_versions_the_crate_at_once_audited(http, dora, served):
    served["run"](MONDAY)
    resident = served["residents"][0]
    before, order = milk_trays(served, resident)
    assert before and order.version == 1  # the level-4 resident's plan holds dishes with milk
    set_allergies(http, dora.headers, resident, ["milk"])
    after, order = milk_trays(served, resident)
    assert after == [] and order.version == 2  # without waiting for the nightly run
    assert {ln.client_id for ln in order.lines} == set(served["residents"])  # their other trays stay
    with served["uow"]() as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.resource == "delivery_order", AuditEntry.resource_id == str(order.id))
            .order_by(AuditEntry.id)).all()
    assert actions == ["create", "update"]
    assert served["run"](MONDAY)["unchanged"] == 1  # the night agrees


def test_the_same_allergies_again_change_nothing(http, dora, served):
    served["run"](MONDAY)
    resident = served["residents"][1]  # allergic to milk already
    set_allergies(http, dora.headers, resident, ["milk"])
    assert milk_trays(served, resident)[1].version == 1


def test_a_new_allergy_after_the_cutoff_raises_one_kitchen_task_and_leaves_the_crate(http, served):
    served["run"](MONDAY)
    resident = served["residents"][0]
    with clock_set_to(datetime(2026, 12, 10, 6, 0, tzinfo=BRUSSELS)):  # Wednesday 14:00 has passed
        token = http.post("/api/v1/auth/token", json={"username": "dora", "password": TEST_PASSWORD}).json
        set_allergies(http, {"Authorization": f"Bearer {token['access_token']}"}, resident, ["milk"])
    trays, order = milk_trays(served, resident)
    assert trays and order.version == 1  # the packed crate is not changed behind the kitchen's back
    with served["uow"]() as uow:
        (task,) = uow.session.scalars(select(KitchenTask).where(KitchenTask.order_id == order.id)).all()
        milky = {v.id for v in uow.session.scalars(select(DishVariant)) if "milk" in (v.allergens or [])}
        assert task.delivery_date == THURSDAY and "after its cut-off" in task.reason
        assert not [line for line in task.wanted if line[0] == resident and line[3] in milky]
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.resource == "kitchen_task")) == 1


def test_ward_staff_of_another_facility_get_404_for_the_residents_meals(http, facilities, served):
    served["run"](MONDAY)
    resident = served["residents"][0]
    other = facilities["azdelta"]["staff"]
    assert http.get(f"/api/v1/clients/{resident}/meals?date={THURSDAY}", headers=other.headers).status_code == 404
    own = facilities["vlasbloem"]["staff"]
    assert http.get(f"/api/v1/clients/{resident}/meals?date={THURSDAY}", headers=own.headers).status_code == 200
