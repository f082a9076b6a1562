"""Issue 17 item 2: the client's side orders — an extra meal or a skipped delivery before
the cut-off (14:00 the day before), with the reorder engine's allergen and texture checks;
a caregiver needs the 'order' mandate. The reference day is Monday 2026-12-07."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat.delivery.models import DeliveryOrder
from tests.api.portal.home_world import suitable
from tests.setup_calls import setup

TUESDAY, THURSDAY = date(2026, 12, 8), date(2026, 12, 10)


def extra(http, home, headers, day, variant_id, quantity=2):
    return http.post(f"/api/v1/clients/{home['client']}/extra-orders", headers=headers, json={
        "delivery_date": day.isoformat(), "lines": [{"variant_id": variant_id, "quantity": quantity}]})


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_caregiver_with_order_adds_an_extra_meal_before_the_cut_off(http, home, caregiver):
    anna = caregiver("anna", "view", "order")
    answer = extra(http, home, anna.headers, TUESDAY, suitable(home).variant_id)
    assert answer.status_code == 201, answer.json
    assert answer.json["client_id"] == home["client"] and answer.json["delivery_date"] == TUESDAY.isoformat()
    assert answer.json["origin"] == "extra" and answer.json["status"] == "planned"
    assert [(line["variant_id"], line["quantity"]) for line in answer.json["lines"]] == \
        [(suitable(home).variant_id, 2)]


@pytest.mark.business_day("2026-12-07T15:00")
def test_after_the_cut_off_the_extra_meal_is_refused(http, home, caregiver):
    anna = caregiver("anna", "view", "order")
    late = extra(http, home, anna.headers, TUESDAY, suitable(home).variant_id)
    assert late.status_code == 409 and "delivery_date" in late.json["errors"]
    assert extra(http, home, anna.headers, THURSDAY, suitable(home).variant_id).status_code == 201


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_caregiver_with_only_view_is_refused(http, home, caregiver):
    bart = caregiver("bart", "view")
    assert extra(http, home, bart.headers, TUESDAY, suitable(home).variant_id).status_code == 403


@pytest.mark.business_day("2026-12-07T10:00")
def test_the_client_and_logistics_order_too_and_meals_of_one_day_go_on_one_order(http, home, client_account):
    first = extra(http, home, client_account, THURSDAY, suitable(home).variant_id)
    second = extra(http, home, home["people"]["logistics"].headers, THURSDAY, suitable(home).variant_id, 1)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json["id"] == first.json["id"] and second.json["lines"][0]["quantity"] == 3


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_meal_with_an_allergen_or_the_wrong_texture_is_refused_naming_the_line(http, home, client_account):
    milk = next(p for p in home["products"] if p.texture == "food:4" and "milk" in p.allergens)
    regular = next(p for p in home["products"] if p.texture == "food:7" and not p.allergens)
    answer = http.post(f"/api/v1/clients/{home['client']}/extra-orders", headers=client_account, json={
        "delivery_date": TUESDAY.isoformat(), "lines": [{"variant_id": milk.variant_id, "quantity": 1},
                                                        {"variant_id": regular.variant_id, "quantity": 1}]})
    assert answer.status_code == 422
    assert set(answer.json["errors"]) == {"lines.0.variant_id", "lines.1.variant_id"}


@pytest.mark.business_day("2026-12-07T10:00")
def test_a_planned_delivery_is_skipped_before_its_cut_off_only(http, home, caregiver, uow):
    anna = caregiver("anna", "view", "order")
    order = setup(extra(http, home, anna.headers, THURSDAY, suitable(home).variant_id))
    skipped = http.post(f"/api/v1/clients/{home['client']}/skipped-deliveries", headers=anna.headers,
                        json={"delivery_date": THURSDAY.isoformat()})
    assert skipped.status_code == 201 and skipped.json["cancelled_order_ids"] == [order["id"]]
    with uow:
        assert uow.session.scalar(select(DeliveryOrder.status).where(DeliveryOrder.id == order["id"])) == "cancelled"
    nothing = http.post(f"/api/v1/clients/{home['client']}/skipped-deliveries", headers=anna.headers,
                        json={"delivery_date": THURSDAY.isoformat()})
    assert nothing.status_code == 409
