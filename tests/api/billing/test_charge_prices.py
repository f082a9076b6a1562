"""Issue 14, hole 8: a charge is priced from the price list; a different price is an
admin's exception, with a reason that is stored and audited."""
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry

MEAL = {"charged_on": "2026-11-20", "kind": "extra_meal", "quantity": 2}


def test_logistics_cannot_set_a_price_and_bills_at_the_list_price(http, world, client_id, dish_variant):
    lou = world.person("lou", "logistics")
    url, meal = f"/api/v1/clients/{client_id}/charges", MEAL | {"variant_id": dish_variant["variant"]}
    cheap = http.post(url, headers=lou.headers, json=meal | {"unit_price": "0.01"})
    assert cheap.status_code == 403 and "unit_price" in cheap.json["errors"]
    cheap = http.post(url, headers=lou.headers, json=meal | {"unit_price": "0.01", "price_reason": "friend"})
    assert cheap.status_code == 403
    listed = http.post(url, headers=lou.headers, json=meal)
    assert listed.status_code == 201 and listed.json["unit_price"] == "8.75"
    assert listed.json["price_reason"] is None


def test_an_admins_exceptional_price_needs_a_reason_that_is_kept(http, admin, uow, client_id, dish_variant):
    url, meal = f"/api/v1/clients/{client_id}/charges", MEAL | {"variant_id": dish_variant["variant"]}
    bare = http.post(url, headers=admin.headers, json=meal | {"unit_price": "5.00"})
    assert bare.status_code == 422 and "price_reason" in bare.json["errors"]
    stray = http.post(url, headers=admin.headers, json=meal | {"price_reason": "why not"})
    assert stray.status_code == 422 and "price_reason" in stray.json["errors"]
    made = http.post(url, headers=admin.headers, json=meal | {"unit_price": "5.00", "price_reason": "damaged box"})
    assert made.status_code == 201 and made.json["unit_price"] == "5.00"
    assert made.json["price_reason"] == "damaged box"
    with uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.resource == "charge", AuditEntry.resource_id == str(made.json["id"])))
        assert entry.detail == {"unit_price": "5.00", "price_reason": "damaged box"}
