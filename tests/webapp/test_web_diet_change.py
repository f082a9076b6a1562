"""The dietitian's texture and allergy change: the preview names the plan items that no
longer fit and what replaces them, nothing is saved until it is confirmed; the saved
change is audited with its reason and the draft's unsuitable items are replaced. And the
client search by number, postcode and status."""
from __future__ import annotations

from datetime import date

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import Client
from nutriplat.mealplans.models import MealPlanItem


def _diet(uow, client_id: int) -> tuple[str, list[str], int]:
    with uow:
        client = uow.session.get(Client, client_id)
        return client.iddsi_food_level, list(client.allergies), client.version


def test_a_texture_change_is_previewed_then_saved_with_its_reason(web, lien, measured_client, draft_plan, uow):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/diet"
    level, _, version = _diet(uow, measured_client)
    assert level == "7" and 'value="7" selected' in browser.get(url).text
    change = {"iddsi_food_level": "4", "iddsi_drink_level": "0", "expected_version": str(version),
              "reason": "Slikproblemen na logopedisch onderzoek"}
    preview = browser.post(url, change)
    assert preview.status_code == 200
    assert "passen niet meer" in preview.text  # the unsuitable items, counted
    assert "Bevestig en bewaar" in preview.text  # the explicit confirmation
    assert _diet(uow, measured_client)[0] == "7"  # nothing saved by the preview
    saved = browser.post(url, change | {"confirm": "1"})
    assert saved.status_code == 302
    assert _diet(uow, measured_client)[0] == "4"
    with uow:
        entry = uow.session.query(AuditEntry).filter_by(resource="client", action="update").one()
        assert entry.detail["reason"] == "Slikproblemen na logopedisch onderzoek"
        levels = {row.variant.food_level for row in uow.session.query(MealPlanItem)
                  if row.variant.drink_level is None}
    assert levels <= {"3", "4"}  # every dish of the draft is now pureed (or finer)


def test_a_change_without_a_reason_is_refused_next_to_the_field(web, lien, measured_client, uow):
    browser = web(lien, lang="en-GB")
    response = browser.post(f"/app/dietitian/clients/{measured_client}/diet",
                            {"iddsi_food_level": "4", "iddsi_drink_level": "9", "confirm": "1"})
    assert response.status_code == 422
    assert 'id="f-reason-error-1"' in response.text and 'id="f-iddsi_drink_level-error-1"' in response.text
    assert _diet(uow, measured_client)[0] == "7"


def test_the_diet_page_is_refused_to_other_roles_and_organisations(world, web, measured_client):
    url = f"/app/dietitian/clients/{measured_client}/diet"
    assert web(world.person("lore", "logistics", "Provider A")).get(url).status_code == 403
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert other.get(url).status_code == 404
    assert other.post(url, {"iddsi_food_level": "4", "reason": "x", "confirm": "1"}).status_code == 404


def test_the_client_search_finds_by_number_postcode_and_status(web, lien, measured_client):
    browser = web(lien)
    for query in (f"search={measured_client}", "search=vandenb", "postal_code=8800", "status=active"):
        assert "Vandenberghe" in browser.get(f"/app/dietitian/clients?{query}").text, query
    for query in ("postal_code=9000", "status=ended", "search=99999"):
        assert "Vandenberghe" not in browser.get(f"/app/dietitian/clients?{query}").text, query
    wrong = browser.get("/app/dietitian/clients?status=gone")
    assert wrong.status_code == 422 and 'id="f-status-error-1"' in wrong.text


def test_the_preview_names_the_open_delivery_lines_picking_will_leave_out(web, lien, measured_client, uow):
    from nutriplat.catalogue.models import DishVariant
    from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
    from nutriplat.inventory.models.locations import Location

    with uow:
        regular = uow.session.query(DishVariant).filter_by(texture="food:7").order_by(DishVariant.id).first()
        warehouse = Location(organisation_id=lien.organisation_id, kind="warehouse", name="Centraal")
        uow.session.add(warehouse)
        uow.session.flush()
        uow.session.add(DeliveryOrder(
            organisation_id=lien.organisation_id, client_id=measured_client, delivery_date=date(2026, 12, 10),
            origin="manual", warehouse_id=warehouse.id, lines=[DeliveryOrderLine(
                variant_id=regular.id, dish_id=regular.dish_id, texture=regular.texture, quantity=2)]))
        name = regular.name
        uow.commit()
    preview = web(lien).post(f"/app/dietitian/clients/{measured_client}/diet",
                             {"iddsi_food_level": "4", "iddsi_drink_level": "0", "reason": "Slikproblemen"})
    assert preview.status_code == 200
    section = preview.text.split("Openstaande leveringen")[1]
    assert f"2 × {name}" in section and "10 dec 2026" in section
