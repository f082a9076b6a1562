"""Every endpoint for every role: who is let through and who gets 403."""
from datetime import date, timedelta

import pytest

from nutriplat.clock import business_today

ROLES = ("admin", "dietitian", "logistics", "cofinancer", "caregiver")
WEIGHT = {"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-20T08:00:00+01:00"}
INTAKE = {"date": "2026-11-20", "meal_slot": "lunch", "percent_eaten": 75}
MUST = {"instrument": "must", "performed_at": "2026-11-20T10:00:00+01:00",
        "answers": {"bmi": 21.0, "weight_loss_percent": 2.0, "acute_disease_no_intake_5_days": False}}
GLIM = {"method": "glim", "answers": {
    "weight_loss_percent": 6.0, "weight_loss_period": "within_6_months", "bmi": 21.0,
    "reduced_muscle_mass": "none", "reduced_intake": True, "inflammation": False}}
OVERRIDE = {"energy_kcal": {"value": 1900, "reason": "bedridden", "valid_from": "2026-11-01"}}
PLAN_WEEK = business_today() + timedelta(days=7 - business_today().weekday())  # next Monday
BUNDLE = {"meals_per_week": 14, "package_price": "180.00", "information_platform_price": "9.50",
          "coaching_tool_price": "14.50"}

# (method, path template, body, roles allowed)
MATRIX = [
    ("GET", "/api/v1/organisations", None, {"admin"}),
    ("POST", "/api/v1/organisations", {"name": "New", "type": "referrer"}, {"admin"}),
    ("GET", "/api/v1/users", None, {"admin"}),
    ("POST", "/api/v1/users", {"username": "newbie", "password": "long enough pw",
                               "role": "caregiver"}, {"admin"}),
    ("GET", "/api/v1/audit", None, {"admin"}),
    ("DELETE", "/api/v1/auth/token", None, set(ROLES)),
    ("GET", "/api/v1/clients", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("POST", "/api/v1/clients", "maria", {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("PATCH", "/api/v1/clients/{id}", {"dislikes": ["vis"]}, {"admin", "dietitian"}),
    ("POST", "/api/v1/clients/{id}/care-setting-transfers",
     {"transferred_on": "2026-11-20", "to_setting": "hospital", "reason": "admission"},
     {"admin", "dietitian"}),
    ("POST", "/api/v1/clients/{id}/status-changes",
     {"changed_on": "2026-11-20", "to_status": "active", "reason": "start"}, {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}/mandates", None, {"admin", "dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/mandates", {"caregiver_id": "{carer}", "scopes": ["view"]},
     {"admin", "dietitian"}),
    ("DELETE", "/api/v1/clients/{id}/mandates/{mandate}", None, {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}/consents", None, {"admin", "dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/consents", {"purpose": "research"}, {"admin", "dietitian"}),
    ("DELETE", "/api/v1/clients/{id}/consents/{consent}", None, {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}/measurements", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/measurements", WEIGHT, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/clients/{id}/intake", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/intake", INTAKE, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/clients/{id}/screenings", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/screenings", MUST, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/assessments", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/assessments", GLIM, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/targets", None, {"dietitian", "caregiver"}),
    ("PUT", "/api/v1/clients/{id}/targets", OVERRIDE, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/targets/overrides", None, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/screening-suggestion", None, {"dietitian"}),
    ("GET", "/api/v1/screenings/due?before=2026-12-31", None, {"dietitian"}),
    ("GET", "/api/v1/screening-tasks?mine=true&status=open", None, {"admin", "dietitian"}),
    ("GET", "/api/v1/screenings/{screening}", None, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/screenings/{screening}/fhir", None, {"dietitian"}),
    # billing (issue 7)
    ("GET", "/api/v1/billing/plans", None, {"admin", "dietitian"}),
    ("POST", "/api/v1/billing/plans", {"code": "plus", "name": "Plus", "version": {
        "effective_from": "2027-01-01", **BUNDLE}}, {"admin"}),
    ("POST", "/api/v1/billing/plans/{plan}/versions", {"effective_from": "2027-02-01", **BUNDLE}, {"admin"}),
    ("GET", "/api/v1/billing/tariffs", None, {"admin", "dietitian"}),
    ("POST", "/api/v1/billing/tariffs", {"code": "oven", "kind": "rental", "name": "Oven", "price": {
        "effective_from": "2027-01-01", "unit_price": "18.00"}}, {"admin"}),
    ("POST", "/api/v1/billing/tariffs/{tariff}/prices",
     {"effective_from": "2027-03-01", "unit_price": "13.00"}, {"admin"}),
    ("GET", "/api/v1/billing/rates", None, {"admin"}),
    ("POST", "/api/v1/billing/rates", {"key": "vat.rental", "value": "21.00", "effective_from": "2027-01-01"},
     {"admin"}),
    ("GET", "/api/v1/billing/segments", None, {"admin"}),
    ("POST", "/api/v1/billing/segments",
     {"code": "vt", "name": "VT", "attributes": ["increased_reimbursement"]}, {"admin"}),
    ("GET", "/api/v1/billing/cofinancing-agreements", None, {"admin"}),
    ("POST", "/api/v1/billing/cofinancing-agreements", {
        "cofinancer_id": "{cofinancer}", "segment_id": "{segment}", "name": "25 %",
        "share_kind": "percentage", "share_value": "25", "valid_from": "2027-01-01"}, {"admin"}),
    ("GET", "/api/v1/billing/referral-schemes", None, {"admin"}),
    ("POST", "/api/v1/billing/referral-schemes", {
        "name": "GP", "commission_kind": "fixed", "commission_amount": "50.00", "qualifying_days": 90,
        "valid_from": "2027-01-01"}, {"admin"}),
    ("GET", "/api/v1/billing/licensed-products", None, {"admin"}),
    ("POST", "/api/v1/billing/licensed-products", {
        "dish_id": "{dish}", "fund_id": "{fund}", "royalty_per_unit": "0.40", "valid_from": "2027-01-01"},
     {"admin"}),
    ("GET", "/api/v1/clients/{id}/subscriptions", None, {"admin", "dietitian", "caregiver"}),
    ("DELETE", "/api/v1/subscriptions/{subscription}/changes/{change}", None, {"admin", "dietitian"}),
    ("POST", "/api/v1/subscriptions/{subscription}/changes", {
        "kind": "set_rental", "appliance": "freezer", "quantity": 1, "effective_on": "2026-12-15"},
     {"admin", "dietitian"}),
    ("POST", "/api/v1/clients/{id}/subscriptions", {"plan_id": "{plan}", "start_date": "2027-03-01"},
     {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}/billing-attributes", None, {"admin", "dietitian"}),
    ("POST", "/api/v1/clients/{id}/billing-attributes",
     {"attribute": "low_income", "valid_from": "2026-01-01"}, {"admin", "dietitian"}),
    ("PATCH", "/api/v1/clients/{id}/billing-attributes/{attribute}", {"valid_until": "2027-06-30"},
     {"admin", "dietitian"}),
    ("GET", "/api/v1/clients/{id}/charges", None, {"admin", "logistics"}),
    ("POST", "/api/v1/clients/{id}/charges",
     {"charged_on": "2026-11-20", "kind": "addon", "tariff_code": "delivery", "quantity": 1},
     {"admin", "logistics"}),
    ("GET", "/api/v1/clients/{id}/healthcoins", None, {"admin", "dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/healthcoins/awards", {"coins": 10, "reason": "goal met"}, {"dietitian"}),
    ("POST", "/api/v1/clients/{id}/healthcoins/redemptions", {"coins": 5},
     {"admin", "dietitian", "caregiver"}),
    ("GET", "/api/v1/invoices?month=2026-10", None, {"admin", "caregiver"}),
    ("GET", "/api/v1/invoices/{invoice}", None, {"admin", "caregiver"}),
    ("GET", "/api/v1/invoices/{invoice}/csv", None, {"admin", "caregiver"}),
    ("GET", "/api/v1/invoices/{invoice}/print", None, {"admin", "caregiver"}),
    ("POST", "/api/v1/invoices/{invoice}/status-changes", {"to_status": "sent"}, {"admin"}),
    ("POST", "/api/v1/invoices/{invoice}/credit-notes", {"reason": "correction"}, {"admin"}),
    ("GET", "/api/v1/statements?month=2026-10", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/voucher-programmes", None, {"admin", "cofinancer"}),
    ("POST", "/api/v1/voucher-programmes", {
        "cofinancer_id": "{cofinancer}", "segment_id": "{segment}", "name": "Spring",
        "voucher_value": "20.00", "valid_from": "2027-03-01", "valid_until": "2027-05-31",
        "budget_cap": "100.00"}, {"admin"}),
    ("GET", "/api/v1/voucher-programmes/{programme}", None, {"admin", "cofinancer"}),
    ("POST", "/api/v1/voucher-programmes/{programme}/vouchers", {"client_id": "{id}"}, {"admin"}),
    # diet profiles and meal plans (issue 4): {meal_plan} is approved, {draft_plan} a draft
    ("GET", "/api/v1/clients/{id}/diet-profile", None, {"dietitian", "caregiver"}),
    ("PUT", "/api/v1/clients/{id}/diet-profile", {"appetite_factor": 1.0}, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/meal-plans", None, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/meal-plans/{meal_plan}", None, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/meal-plans/{meal_plan}/history", None, {"dietitian", "caregiver"}),
    ("GET", "/api/v1/meal-plans/{meal_plan}/fhir", None, {"dietitian"}),
    ("PATCH", "/api/v1/meal-plans/{draft_plan}/items/{item}", {"locked": True}, {"dietitian"}),
    ("POST", "/api/v1/meal-plans/{draft_plan}/items",
     {"date": PLAN_WEEK.isoformat(), "slot": "lunch", "variant_id": "{water}"}, {"dietitian"}),
    ("DELETE", "/api/v1/meal-plans/{draft_plan}/items/{item}", None, {"dietitian"}),
    ("POST", "/api/v1/meal-plans/{draft_plan}/reoptimise", None, {"dietitian"}),
    ("POST", "/api/v1/meal-plans/{draft_plan}/approve", {}, {"dietitian"}),
    ("POST", "/api/v1/meal-plans/{meal_plan}/revisions", None, {"dietitian"}),
    ("POST", "/api/v1/clients/{id}/meal-plans", {"week_start": PLAN_WEEK.isoformat()}, {"dietitian"}),
    # the catalogue (issue 4)
    ("GET", "/api/v1/dishes", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("POST", "/api/v1/dishes", {"name": "Rijstpap met saffraan", "kind": "ready_meal", "course": "dessert"},
     {"admin"}),
    ("GET", "/api/v1/dishes/{menu_dish}", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("PATCH", "/api/v1/dishes/{menu_dish}", {"description": "Huisbereid"}, {"admin"}),
    ("POST", "/api/v1/dishes/{spare_dish}/variants", {
        "food_level": "5", "slots": ["lunch"], "nutrients": dict.fromkeys(
            ("energy_kcal", "protein_g", "fat_g", "carbohydrate_g", "fibre_g", "fluid_ml", "sodium_mg"), 1),
        "price_eur": "2.00", "storage_class": "chilled", "volume_l": 0.2, "shelf_life_days": 5},
     {"admin"}),
    ("DELETE", "/api/v1/dishes/{spare_dish}", None, {"admin"}),
    ("GET", "/api/v1/dish-variants/{variant}", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("GET", "/api/v1/dish-variants/{variant}/versions", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("PATCH", "/api/v1/dish-variants/{variant}", {"price_eur": "9.99"}, {"admin"}),
    ("DELETE", "/api/v1/dish-variants/{water}", None, {"admin"}),
    ("GET", "/api/v1/catalogue-changes?status=pending", None, {"admin"}),
    ("GET", "/api/v1/catalogue-changes/{catalogue_change}", None, {"admin"}),
    ("POST", "/api/v1/catalogue-changes/{catalogue_change}/approve", None, {"admin"}),
    ("POST", "/api/v1/catalogue-changes/{spare_change}/reject", {"note": "not puree"}, {"admin"}),
    # monitoring, indicators and agreements (issue 8)
    ("GET", "/api/v1/alerts", None, {"admin", "dietitian"}),
    ("GET", "/api/v1/alerts/{alert}", None, {"admin", "dietitian"}),
    ("POST", "/api/v1/alerts/{alert}/acknowledge", {}, {"dietitian"}),
    ("POST", "/api/v1/alerts/{alert}/resolve", {"note": "seen"}, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/goals", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/goals", {"domain": "activity", "description": "Walk", "metric": "sessions",
                                           "target": 8, "starts_on": "2026-11-01", "ends_on": "2026-12-31"},
     {"dietitian"}),
    ("POST", "/api/v1/clients/{id}/goals/{goal}/progress", {"recorded_on": "2026-11-20"}, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/goals/{goal}/cancellation", None, {"dietitian"}),
    ("GET", "/api/v1/clients/{id}/experience-surveys", None, {"dietitian", "caregiver"}),
    ("POST", "/api/v1/clients/{id}/experience-surveys", {"period": "2026Q3", "answered_on": "2026-10-05", "answers": {
        "meals_enjoyed": 4, "texture_suits": 4, "own_pace": 3, "deliveries_reliable": 5, "feel_supported": 4}},
     {"dietitian", "caregiver"}),
    ("GET", "/api/v1/indicators", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/agreements", None, {"admin", "cofinancer"}),
    ("POST", "/api/v1/agreements", {"cofinancer_id": "{cofinancer}", "name": "Roles", "starts_on": "2026-04-01",
                                    "ends_on": "2027-03-31", "baseline_period": "2026Q2",
                                    "indicators": [{"code": "screening_coverage", "target": 80}]}, {"admin"}),
    ("GET", "/api/v1/agreements/{agreement}", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/agreements/{agreement}/snapshots", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/agreements/{agreement}/settlements", None, {"admin", "cofinancer"}),
    ("POST", "/api/v1/agreements/{agreement}/settlements", {"period": "2026Q3"}, {"admin", "cofinancer"}),
    ("GET", "/api/v1/settlements/{settlement}", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/settlements/{settlement}/verification", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/reports/indicators?agreement_id={agreement}&period=2026Q3", None, {"admin", "cofinancer"}),
    ("GET", "/api/v1/reports/indicators/trend.png?agreement_id={agreement}&indicator=screening_coverage"
            "&period=2026Q3", None, {"admin", "cofinancer"}),
    # stock, delivery orders and purchasing (issue 5)
    ("GET", "/api/v1/locations", None, {"admin", "logistics"}),
    ("POST", "/api/v1/locations", {"kind": "vehicle", "name": "Bestelwagen 3"}, {"admin", "logistics"}),
    ("GET", "/api/v1/locations/{van}", None, {"admin", "logistics"}),
    ("PATCH", "/api/v1/locations/{van}", {"name": "Bestelwagen 1 (koel)"}, {"admin", "logistics"}),
    ("GET", "/api/v1/clients/{id}/delivery-schedule", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("PUT", "/api/v1/clients/{id}/delivery-schedule", {"weekdays": ["mon"], "warehouse_id": "{warehouse}"},
     {"admin", "logistics"}),
    ("GET", "/api/v1/stock?location={warehouse}", None, {"admin", "logistics"}),
    ("GET", "/api/v1/stock/moves", None, {"admin", "logistics"}),
    ("POST", "/api/v1/stock/moves", {"kind": "receipt", "lot_id": "{lot}", "to_location_id": "{warehouse}",
                                     "quantity": 1}, {"admin", "logistics"}),
    ("POST", "/api/v1/stock/counts", {"location_id": "{warehouse}", "lot_id": "{lot}", "counted": 7},
     {"admin", "logistics"}),
    ("GET", "/api/v1/clients/{id}/stock", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("GET", "/api/v1/clients/{id}/lots", None, {"admin", "dietitian", "logistics", "caregiver"}),
    ("GET", "/api/v1/lots", None, {"admin", "logistics"}),
    ("POST", "/api/v1/lots", {"variant_id": "{stock_variant}", "supplier_lot_code": "R-1",
                              "production_date": "2026-11-01", "expiry_date": "2027-05-01"}, {"admin", "logistics"}),
    ("GET", "/api/v1/lots/{lot}", None, {"admin", "logistics"}),
    ("GET", "/api/v1/lots/{lot}/recipients", None, {"admin", "logistics"}),
    ("GET", "/api/v1/delivery-orders?date=2030-01-07", None, {"admin", "logistics"}),
    ("POST", "/api/v1/delivery-orders", {"client_id": "{stock_client}", "delivery_date": "2030-01-08",
                                         "lines": [{"variant_id": "{stock_variant}", "quantity": 1}]},
     {"admin", "logistics"}),
    ("GET", "/api/v1/delivery-orders/{order}", None, {"admin", "logistics"}),
    ("POST", "/api/v1/delivery-orders/{order}/pick", {"vehicle_id": "{van}"}, {"admin", "logistics"}),
    ("POST", "/api/v1/delivery-orders/{spare_order}/cancel", {}, {"admin", "logistics"}),
    ("GET", "/api/v1/reorder-rules", None, {"admin", "logistics"}),
    ("POST", "/api/v1/reorder-rules", {"warehouse_id": "{warehouse}", "variant_id": "{spare_variant}", "minimum": 1,
                                       "maximum": 5, "supplier_id": "{supplier}"}, {"admin", "logistics"}),
    ("PATCH", "/api/v1/reorder-rules/{rule}", {"maximum": 300}, {"admin", "logistics"}),
    ("GET", "/api/v1/purchase-orders", None, {"admin", "logistics"}),
    ("POST", "/api/v1/purchase-orders", {"supplier_id": "{supplier}", "warehouse_id": "{warehouse}",
                                         "expected_on": "2030-01-10",
                                         "lines": [{"variant_id": "{stock_variant}", "quantity": 12}]},
     {"admin", "logistics"}),
    ("GET", "/api/v1/purchase-orders/{po}", None, {"admin", "logistics"}),
    ("PATCH", "/api/v1/purchase-orders/{po}", {"lines": [{"line_id": "{po_line}", "quantity": 24}]},
     {"admin", "logistics"}),
    ("POST", "/api/v1/purchase-orders/{po}/approve", None, {"admin", "logistics"}),
    ("POST", "/api/v1/purchase-orders/{po}/send", None, {"admin", "logistics"}),
    ("POST", "/api/v1/purchase-orders/{po}/receipts", {"lines": [{
        "line_id": "{po_line}", "quantity": 24, "supplier_lot_code": "R-2", "production_date": "2026-11-01",
        "expiry_date": "2027-05-01"}]}, {"admin", "logistics"}),
    ("POST", "/api/v1/purchase-orders/{spare_po}/cancel", None, {"admin", "logistics"}),
    # job runs (issue 9)
    ("GET", "/api/v1/jobs/runs?outcome=succeeded", None, {"admin", "logistics"}),
    # delivery routes (issue 6): the scene's plans are solved; {plan_version} is their version
    ("GET", "/api/v1/depots", None, {"admin", "logistics"}),
    ("GET", "/api/v1/depots/{depot}", None, {"admin", "logistics"}),
    ("PUT", "/api/v1/depots/{depot}", {"lat": 50.95, "lon": 3.12}, {"admin", "logistics"}),
    ("GET", "/api/v1/vans", None, {"admin", "logistics"}),
    ("POST", "/api/v1/vans", {"name": "Matrix van", "depot_id": "{depot}", "capacity_kg": 500, "freezer_l": 100,
                              "chilled_l": 100, "shift_start": "08:00:00", "shift_end": "17:00:00"},
     {"admin", "logistics"}),
    ("GET", "/api/v1/vans/{delivery_van}", None, {"admin", "logistics"}),
    ("PATCH", "/api/v1/vans/{delivery_van}", {"capacity_kg": 600}, {"admin", "logistics"}),
    ("DELETE", "/api/v1/vans/{spare_delivery_van}", None, {"admin", "logistics"}),
    ("GET", "/api/v1/drivers", None, {"admin", "logistics"}),
    ("POST", "/api/v1/drivers", {"name": "Matrix driver"}, {"admin", "logistics"}),
    ("GET", "/api/v1/drivers/{driver}", None, {"admin", "logistics"}),
    ("PATCH", "/api/v1/drivers/{driver}", {"phone": "051 22 33 44"}, {"admin", "logistics"}),
    ("DELETE", "/api/v1/drivers/{spare_driver}", None, {"admin", "logistics"}),
    ("GET", "/api/v1/clients/{id}/delivery-window", None, {"admin", "logistics"}),
    ("PUT", "/api/v1/clients/{id}/delivery-window", {"starts_at": "10:00:00", "ends_at": "12:00:00"},
     {"admin", "logistics"}),
    ("GET", f"/api/v1/route-plans?date={business_today().isoformat()}", None, {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans", {"depot_id": "{depot}", "date": (business_today() + timedelta(days=2)).isoformat(),
                                     "time_limit_s": 0.3}, {"admin", "logistics"}),
    ("GET", "/api/v1/route-plans/{plan_done}", None, {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_lock}/routes/{lock_route}/lock", {"locked": True, "version": "{plan_version}"},
     {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_move}/moves", {"stop_id": "{move_stop}", "route_id": "{move_route}",
                                                       "position": 0, "version": "{plan_version}"},
     {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_reopt}/reoptimisation", {"version": "{plan_version}", "time_limit_s": 0.3},
     {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_queued}/cancel", None, {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_publish}/publish", {"version": "{plan_version}"}, {"admin", "logistics"}),
    ("GET", "/api/v1/route-plans/{plan_done}/routes/{manifest_route}/manifest", None, {"admin", "logistics"}),
    ("GET", "/api/v1/route-plans/{plan_done}/routes/{manifest_route}/manifest.html", None, {"admin", "logistics"}),
    ("POST", "/api/v1/route-plans/{plan_done}/stops/{confirm_stop}/confirmation", {"outcome": "not_home"},
     {"admin", "logistics"}),
]


SHARED_CATALOGUE = {"/api/v1/dishes/{menu_dish}", "/api/v1/dishes/{spare_dish}/variants",
                    "/api/v1/dishes/{spare_dish}", "/api/v1/dish-variants/{variant}", "/api/v1/dish-variants/{water}"}


@pytest.fixture
def scene(world, http, maria):
    people = {role: world.person(f"the-{role}", role,
                                 organisation=None if role == "caregiver" else
                                 ("Cofinancer" if role == "cofinancer" else "Provider A"))
              for role in ROLES}
    dietitian = people["dietitian"]
    client = http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                       headers=dietitian.headers).json
    other_carer = world.person("other-carer", "caregiver", organisation=None)
    base = f"/api/v1/clients/{client['id']}"
    http.post(f"{base}/mandates", headers=dietitian.headers,
              json={"caregiver_id": people["caregiver"].id, "scopes": ["view", "record", "order"]})
    withdrawable = http.post(f"{base}/mandates", headers=dietitian.headers,
                             json={"caregiver_id": other_carer.id, "scopes": ["view"]}).json
    consent = http.post(f"{base}/consents", headers=dietitian.headers, json={"purpose": "care"}).json
    for kind, value in (("weight_kg", 61.5), ("height_cm", 162.0)):
        http.post(f"{base}/measurements", headers=dietitian.headers,
                  json={"type": kind, "value": value, "measured_at": "2026-11-01T08:00:00+01:00"})
    screening = http.post(f"{base}/screenings", headers=dietitian.headers, json=MUST).json
    ids = {"id": client["id"], "mandate": withdrawable["id"], "consent": consent["id"],
           "screening": screening["id"],
           "carer": world.person("third-carer", "caregiver", organisation=None).id}
    return people, ids | _billing_scene(world, http, people, client["id"]) | _meal_plan_scene(
        world, http, people, client["id"]) | _outcomes_scene(world, http, people, client["id"]) | _stock_scene(
        world, people, client["id"]) | _delivery_scene(world, people) | _catalogue_scene(world, http)


def _billing_scene(world, http, people, client_id):
    """A price list, a subscription with a scheduled pause, a segment member with a voucher
    programme, healthcoins, a dish and a fund, and the client's invoice for October."""
    from nutriplat.periods import Month
    from nutriplat.catalogue.models import Dish
    from nutriplat.db import UnitOfWork
    from nutriplat.jobs.registry import JOBS

    admin, dietitian = people["admin"].headers, people["dietitian"].headers

    def post(path, headers, body):
        response = http.post(path, headers=headers, json=body)
        assert response.status_code == 201, (path, response.json)
        return response.json

    plan = post("/api/v1/billing/plans", admin, {"code": "standard", "name": "Standard", "version": {
        "effective_from": "2026-01-01", **BUNDLE}})
    tariffs = [post("/api/v1/billing/tariffs", admin, {"code": code, "kind": kind, "name": code, "price": {
        "effective_from": "2026-01-01", "unit_price": "12.00"}}) for code, kind in (("freezer", "rental"),
                                                                                    ("delivery", "addon"))]
    sub = post(f"/api/v1/clients/{client_id}/subscriptions", dietitian, {"plan_id": plan["id"],
                                                                        "start_date": "2026-06-01"})
    post(f"/api/v1/subscriptions/{sub['id']}/changes", dietitian,
         {"kind": "cancel", "effective_on": "2027-02-01"})
    paused = post(f"/api/v1/subscriptions/{sub['id']}/changes", dietitian,
                  {"kind": "pause", "effective_on": "2027-01-10"})
    attribute = post(f"/api/v1/clients/{client_id}/billing-attributes", dietitian,
                     {"attribute": "living_alone", "valid_from": "2026-01-01"})
    segment = post("/api/v1/billing/segments", admin, {"code": "alone", "name": "Alone",
                                                       "attributes": ["living_alone"]})
    cofinancer = people["cofinancer"].organisation_id
    programme = post("/api/v1/voucher-programmes", admin, {
        "cofinancer_id": cofinancer, "segment_id": segment["id"], "name": "Winter", "voucher_value": "20.00",
        "valid_from": "2026-01-01", "valid_until": "2027-12-31", "budget_cap": "100.00"})
    post(f"/api/v1/clients/{client_id}/healthcoins/awards", dietitian, {"coins": 100, "reason": "goal met"})
    with world.uow as uow:
        dish = Dish(name="Licensed stew", kind="ready_meal", course="main")
        uow.session.add(dish)
        uow.commit()
    factory = world.app.extensions["nutriplat"].session_factory
    JOBS["invoicing"].run(lambda: UnitOfWork(factory), Month.parse("2026-10"))
    invoice = http.get("/api/v1/invoices?month=2026-10", headers=admin).json[0]
    return {"plan": plan["id"], "tariff": tariffs[0]["id"], "subscription": sub["id"],
            "change": next(c["id"] for c in paused["changes"] if c["kind"] == "pause"),
            "attribute": attribute["id"], "segment": segment["id"], "programme": programme["id"],
            "invoice": invoice["id"], "cofinancer": cofinancer, "dish": dish.id,
            "fund": world.organisation("Fund", "fund")}


def _meal_plan_scene(world, http, people, client_id):
    """A small menu, an approved plan of the client's week and a newer draft of it."""
    from tools.demo.catalogue.seed import seed_catalogue
    from tools.demo.seed import SeedReport

    with world.uow as uow:
        seed_catalogue(uow.session, SeedReport(), (
            "Hutsepot met rundvlees en worst", "Gentse waterzooi van kip", "Balletjes in tomatensaus met puree",
            "Boterham met hesp", "Griesmeelpap met vanille", "Groentesoep", "Vanillepudding", "Rijstpap",
            "Water", "Thee", "Zuurkool met spek en worst"))
        uow.commit()
    dietitian = people["dietitian"].headers
    plans = [http.post(f"/api/v1/clients/{client_id}/meal-plans", headers=dietitian,
                       json={"week_start": PLAN_WEEK.isoformat()}).json for _ in range(2)]
    http.post(f"/api/v1/meal-plans/{plans[0]['id']}/approve", headers=dietitian)
    dishes = {d["name"]: d for d in http.get("/api/v1/dishes?page_size=100", headers=dietitian).json}
    return {"meal_plan": plans[0]["id"], "draft_plan": plans[1]["id"],
            "item": plans[1]["days"][0]["items"][0]["id"],
            "menu_dish": dishes["Hutsepot met rundvlees en worst"]["id"],
            "variant": dishes["Hutsepot met rundvlees en worst"]["variants"][0]["id"],
            "spare_dish": dishes["Zuurkool met spek en worst"]["id"],
            "water": next(v["id"] for v in dishes["Water"]["variants"] if v["drink_level"] == "0")}


def _outcomes_scene(world, http, people, client_id):
    """Issue 8: an open alert and a goal for the client; five more clients consenting to
    cofinancer reporting; an agreement with the cofinancer, settled for 2026Q2."""
    from datetime import UTC, datetime

    from nutriplat.clients.models import Client, Consent, StatusChange
    from nutriplat.db import UnitOfWork
    from nutriplat.monitoring.models import Alert

    admin = people["admin"]
    with UnitOfWork(world.app.extensions["nutriplat"].session_factory) as uow:
        for n in range(5):
            member = Client(organisation_id=admin.organisation_id, given_name=f"Member{n}", family_name="Cohort",
                            birth_date=date(1940, 1, 1), sex="female", care_setting="home", status="active",
                            conditions=["parkinson"])
            member.status_history = [StatusChange(changed_on=date(2026, 1, 1), to_status="active")]
            uow.session.add(member)
            uow.session.flush()
            uow.session.add(Consent(client_id=member.id, purpose="cofinancer_reporting",
                                    given_at=datetime(2026, 1, 1, tzinfo=UTC)))
        alert = Alert(organisation_id=admin.organisation_id, client_id=client_id, rule="weight_loss",
                      severity="high", cause="Weight fell.", open_key=f"{client_id}:weight_loss", detail={},
                      evidence_from=date(2026, 11, 20), first_detected_on=date(2026, 11, 20),
                      last_detected_on=date(2026, 11, 20))
        uow.session.add(alert)
        uow.commit()
    goal = http.post(f"/api/v1/clients/{client_id}/goals", headers=people["dietitian"].headers, json={
        "domain": "social_contact", "description": "Coffee with a neighbour", "metric": "sessions", "target": 8,
        "starts_on": "2026-11-01", "ends_on": "2026-12-31"}).json
    agreement = http.post("/api/v1/agreements", headers=admin.headers, json={
        "cofinancer_id": people["cofinancer"].organisation_id, "name": "Pilot", "starts_on": "2026-04-01",
        "ends_on": "2027-03-31", "baseline_period": "2026Q2",
        "indicators": [{"code": "screening_coverage", "target": 80}]}).json
    settlement = http.post(f"/api/v1/agreements/{agreement['id']}/settlements", headers=admin.headers,
                           json={"period": "2026Q2"}).json
    assert "id" in settlement, settlement
    return {"alert": alert.id, "goal": goal["id"], "agreement": agreement["id"], "settlement": settlement["id"]}


def _stock_scene(world, people, client_id):
    """Issue 5: a warehouse and a van with a stocked lot, the client's appliances and
    schedule, a second client (active, at home) with two planned orders, a reorder rule and
    two proposed purchase orders."""
    from nutriplat.clients.models import Client
    from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
    from nutriplat.inventory.models import PurchaseOrder, PurchaseOrderLine, ReorderRule
    from tools.builders import stock as scenario

    organisation, supplier = people["logistics"].organisation_id, world.organisation("Mandelkeuken", "supplier")
    with world.uow as uow:
        s = uow.session
        regular = [p for p in scenario.catalogue(s, "Stock") if p.texture == "food:7" and not p.allergens]
        warehouse, van = scenario.depot(s, organisation)
        lot = scenario.stock(s, organisation, warehouse, regular[:1], date(2029, 12, 20), supplier_id=supplier)
        other = Client(organisation_id=organisation, given_name="Jan", family_name="Peeters", birth_date=date(1941, 5, 2),
                       sex="male", care_setting="home", status="active", conditions=[], allergies=[], dislikes=[])
        s.add(other)
        s.flush()
        scenario.equip(s, organisation, [client_id, other.id], warehouse)
        orders = [DeliveryOrder(organisation_id=organisation, client_id=other.id, delivery_date=date(2030, 1, 7),
                                origin="manual", warehouse_id=warehouse, lines=[DeliveryOrderLine(
                                    variant_id=regular[0].variant_id, dish_id=regular[0].dish_id,
                                    texture=regular[0].texture, quantity=1)]) for _ in range(2)]
        rule = ReorderRule(organisation_id=organisation, warehouse_id=warehouse, dish_id=regular[0].dish_id,
                           texture=regular[0].texture, minimum=5, maximum=50, supplier_id=supplier)
        pos = [PurchaseOrder(organisation_id=organisation, supplier_id=supplier, warehouse_id=warehouse,
                             origin="manual", ordered_on=date(2026, 11, 20), expected_on=date(2030, 1, 9),
                             lines=[PurchaseOrderLine(variant_id=regular[0].variant_id, dish_id=regular[0].dish_id,
                                                      texture=regular[0].texture, quantity_ordered=12)])
               for _ in range(2)]
        s.add_all([*orders, rule, *pos])
        s.flush()
        ids = {"warehouse": warehouse, "van": van, "lot": lot[regular[0].variant_id], "supplier": supplier,
               "stock_variant": regular[0].variant_id, "spare_variant": regular[1].variant_id,
               "stock_client": other.id, "order": orders[0].id, "spare_order": orders[1].id, "rule": rule.id,
               "po": pos[0].id, "po_line": pos[0].lines[0].id, "spare_po": pos[1].id}
        uow.commit()
    return ids


def _delivery_scene(world, people):
    """Issue 6: a depot with two vans and drivers, orders today and on the next three days;
    a published plan of today, four solved plans of tomorrow, a queued one in three days."""
    from datetime import time

    from nutriplat.auth.actor import SYSTEM
    from nutriplat.db import UnitOfWork
    from nutriplat.delivery.models import Depot, Driver, RoutePlan, Van
    from nutriplat.delivery.planning import publish, runs, solve
    from nutriplat.inventory.models import Location
    from tests.builders import delivery as delivery_scenario
    from tools.builders import stock as scenario

    organisation, today = people["logistics"].organisation_id, business_today()
    with world.uow as uow:
        s = uow.session
        products = scenario.catalogue(s, "Route")
        warehouse, van = scenario.depot(s, organisation, "Depot Roeselare")
        s.add(Depot(warehouse_id=warehouse, organisation_id=organisation, lat=50.9465, lon=3.1228,
                    opens_at=time(7), closes_at=time(19)))
        drivers = [Driver(organisation_id=organisation, name=name) for name in ("Luc", "Sofie", "Reserve")]
        spare = Location(organisation_id=organisation, kind="vehicle", name="Reservewagen")
        s.add_all([*drivers, spare])
        s.flush()
        s.add_all([Van(location_id=location, organisation_id=organisation, depot_id=warehouse, driver_id=driver.id,
                       capacity_kg=500, freezer_l=100, chilled_l=100, shift_start=time(8), shift_end=time(17))
                   for location, driver in ((van, drivers[0]), (spare.id, drivers[1]))])
        for offset in range(4):
            delivery_scenario.client_orders(s, organisation, warehouse, products, today + timedelta(days=offset),
                                            [(50.95, 3.10), (50.93, 3.14)])
        uow.commit()
    new = lambda: UnitOfWork(world.app.extensions["nutriplat"].session_factory)  # noqa: E731

    def solved(day):
        plan = runs.start_plan(new(), SYSTEM, warehouse, day, 0.3)
        assert solve.solve_plan(new, plan.id) == "done"
        with new() as uow:
            plan = uow.session.get_one(RoutePlan, plan.id)
            assert plan.routes and plan.stops  # loaded while the session is open
            return plan

    done, tomorrow = solved(today), today + timedelta(days=1)
    publish.publish_plan(new(), SYSTEM, done.id, done.version)
    lock, move, reopt, publishable = (solved(tomorrow) for _ in range(4))
    queued = runs.start_plan(new(), SYSTEM, warehouse, today + timedelta(days=3), 0.3)
    route = next(r for r in done.routes if any(s.route_id == r.id for s in done.stops))
    moved = next(s for s in move.stops if s.route_id is not None)
    return {"depot": warehouse, "delivery_van": van, "spare_delivery_van": spare.id, "driver": drivers[0].id,
            "spare_driver": drivers[2].id, "plan_done": done.id, "plan_lock": lock.id, "plan_move": move.id,
            "plan_reopt": reopt.id, "plan_publish": publishable.id, "plan_queued": queued.id,
            "plan_version": lock.version, "lock_route": lock.routes[0].id, "move_stop": moved.id,
            "move_route": moved.route_id, "manifest_route": route.id,
            "confirm_stop": next(s.id for s in done.stops if s.route_id == route.id)}


def _catalogue_scene(world, http):
    """Hole 4 of issue 14: another admin of Provider A proposes a dish in two textures."""
    proposer = world.person("second-admin", "admin")
    variant = {"slots": ["lunch"], "nutrients": dict.fromkeys(
        ("energy_kcal", "protein_g", "fat_g", "carbohydrate_g", "fibre_g", "fluid_ml", "sodium_mg"), 1),
        "price_eur": "2.00", "storage_class": "chilled", "volume_l": 0.2, "shelf_life_days": 5}
    dish = http.post("/api/v1/dishes", headers=proposer.headers, json={
        "name": "Huisgemaakte pudding", "kind": "ready_meal", "course": "dessert",
        "variants": [variant | {"food_level": "4"}, variant | {"food_level": "5"}]}).json
    approve, reject = (c["id"] for c in dish["pending_changes"])
    return {"catalogue_change": approve, "spare_change": reject}


def _fill(value, ids, maria):
    if value == "maria":
        return maria
    if isinstance(value, str):
        return int(value[1:-1] in ids and ids[value[1:-1]]) if value.startswith("{") else value
    if isinstance(value, dict):
        return {k: _fill(v, ids, maria) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, ids, maria) for v in value]
    return value


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_endpoints(scene, http, role, maria):
    people, ids = scene
    for method, template, body, allowed in MATRIX:
        response = http.open(template.format(**ids), method=method, headers=people[role].headers,
                             json=_fill(body, ids, maria))
        if role in allowed and (method, template) == ("POST", "/api/v1/organisations"):
            # Let through by role, then refused: only a platform admin (no organisation)
            # creates organisations; see test_admin.py.
            assert "platform administrator" in response.json["message"]
        elif role in allowed and method != "GET" and template in SHARED_CATALOGUE:
            # Let through by role, then refused: the demo menu is the platform's shared
            # catalogue, which a provider's admin does not change; see test_catalogue_ownership.py.
            assert response.status_code == 403 and "shared catalogue" in response.json["message"]
        elif role in allowed:
            assert response.status_code < 400, (method, template, response.json)
        else:
            assert response.status_code == 403, (method, template, response.status_code)
            assert response.json["code"] == 403
        if (method, template) == ("DELETE", "/api/v1/auth/token"):
            people[role].token = http.post("/api/v1/auth/token", json={
                "username": people[role].username, "password": "correct horse battery"}).json[
                "access_token"]


def test_the_matrix_covers_every_endpoint(app):
    documented = {(m, t.split("?")[0].replace("{id}", "<int:client_id>")) for m, t, _, _ in MATRIX}
    routes = {(method, rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/v1/") for method in rule.methods - {"HEAD", "OPTIONS"}}
    normalise = {"{mandate}": "<int:mandate_id>", "{consent}": "<int:consent_id>",
                 "{screening}": "<int:screening_id>", "{plan}": "<int:plan_id>",
                 "{tariff}": "<int:tariff_id>", "{subscription}": "<int:subscription_id>",
                 "{change}": "<int:change_id>", "{catalogue_change}": "<int:change_id>",
                 "{spare_change}": "<int:change_id>",
                 "{attribute}": "<int:attribute_id>", "{invoice}": "<int:invoice_id>",
                 "{programme}": "<int:programme_id>", "{meal_plan}": "<int:plan_id>",
                 "{draft_plan}": "<int:plan_id>", "{item}": "<int:item_id>", "{menu_dish}": "<int:dish_id>",
                 "{spare_dish}": "<int:dish_id>", "{variant}": "<int:variant_id>",
                 "{water}": "<int:variant_id>", "{alert}": "<int:alert_id>", "{goal}": "<int:goal_id>",
                 "{agreement}": "<int:agreement_id>", "{settlement}": "<int:settlement_id>",
                 "{van}": "<int:location_id>", "{lot}": "<int:lot_id>", "{order}": "<int:order_id>",
                 "{spare_order}": "<int:order_id>", "{rule}": "<int:rule_id>", "{po}": "<int:order_id>",
                 "{spare_po}": "<int:order_id>", "{depot}": "<int:warehouse_id>",
                 "{delivery_van}": "<int:van_id>", "{spare_delivery_van}": "<int:van_id>",
                 "{driver}": "<int:driver_id>", "{spare_driver}": "<int:driver_id>",
                 "{plan_done}": "<int:plan_id>", "{plan_lock}": "<int:plan_id>", "{plan_move}": "<int:plan_id>",
                 "{plan_reopt}": "<int:plan_id>", "{plan_queued}": "<int:plan_id>",
                 "{plan_publish}": "<int:plan_id>", "{lock_route}": "<int:route_id>",
                 "{manifest_route}": "<int:route_id>", "{confirm_stop}": "<int:stop_id>"}
    for old, new in normalise.items():
        documented = {(m, t.replace(old, new)) for m, t in documented}
    assert routes - {("POST", "/api/v1/auth/token")} == documented


def test_a_cofinancer_is_refused_on_every_endpoint_that_touches_a_person(scene, http, maria):
    people, ids = scene
    for method, template, body, _ in MATRIX:
        if "/clients" in template or "/screenings" in template or "/alerts" in template:
            response = http.open(template.format(**ids), method=method,
                                 headers=people["cofinancer"].headers, json=_fill(body, ids, maria))
            assert response.status_code == 403
