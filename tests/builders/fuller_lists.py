"""More rows for the lists the Roeselare pilot leaves short (issue 22 item 6), made through
the API - and so through the services, their validation and their audit - as the pilot's
own people would: a dietitian's messages, goals and coaching sessions for one of her
clients, caregivers with a mandate and a place in the care team, the admin's billing plans
and segments, the logistics' freezers. Each list gets rows enough for a page fuller than
the N+1 guard's small one."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tests.setup_calls import setup

ROWS = 12  # as many as the guard's fuller page


def fill(http: Any, dietitian: dict[str, str], logistics: dict[str, str], admin: dict[str, str],
         today: date) -> int:
    """Adds the rows; the client they are about (the dietitian's first, whose id the guard tries)."""
    client = min(c["id"] for c in setup(http.get("/api/v1/clients", headers=dietitian,
                                                 query_string={"page_size": 100})))
    _conversation(http, dietitian, client, today)
    _caregivers(http, dietitian, admin, client)
    _billing(http, admin, today)
    _freezers(http, logistics, today)
    return client


def _conversation(http: Any, dietitian: dict[str, str], client: int, today: date) -> None:
    """A dietitian's follow-up of one client: messages, goals, sessions, reading material."""
    base = f"/api/v1/clients/{client}"
    for week in range(ROWS):
        setup(http.post(f"{base}/messages", headers=dietitian,
                        json={"body": f"Week {week + 1}: how did the thickened drinks go?"}))
        setup(http.post(f"{base}/goals", headers=dietitian, json={
            "domain": "nutrition", "description": f"Drink 1.5 l a day, block {week + 1}",
            "metric": "fluid_ml_per_day", "direction": "at_least", "target": 1500,
            "starts_on": str(today + timedelta(weeks=week)), "ends_on": str(today + timedelta(weeks=week + 4))}))
        setup(http.post(f"{base}/coaching-sessions", headers=dietitian,
                        json={"mode": ("phone", "home_visit", "video")[week % 3],
                              "held_at": f"{today - timedelta(weeks=week + 1)}T10:00:00Z",
                              "assessment": "Eats two thirds of the main meal"}))
    items = setup(http.get("/api/v1/content-items", headers=dietitian, query_string={"page_size": 100}))
    assigned = {a["content_item_id"] for a in setup(http.get(f"{base}/content-assignments", headers=dietitian,
                                                             query_string={"page_size": 100}))}
    for item in [i for i in items if i["id"] not in assigned][:ROWS]:
        setup(http.post(f"{base}/content-assignments", headers=dietitian, json={"content_item_id": item["id"]}))


def _caregivers(http: Any, dietitian: dict[str, str], admin: dict[str, str], client: int) -> None:
    """Three relatives who help: each a caregiver login, a mandate and a member of the care team."""
    for name in ("zoon.pieter", "dochter.katrien", "buur.marc"):
        user = setup(http.post("/api/v1/users", headers=admin, json={
            "username": name, "password": "Mantelzorg-2026!", "role": "caregiver"}))
        setup(http.post(f"/api/v1/clients/{client}/mandates", headers=dietitian,
                        json={"caregiver_id": user["id"], "scopes": ["view", "record"]}))
        setup(http.post(f"/api/v1/clients/{client}/care-team", headers=dietitian,
                        json={"user_id": user["id"], "kind": "caregiver", "consent": True}))


def _billing(http: Any, admin: dict[str, str], today: date) -> None:
    """Packages of 7 to 21 meals a week, and the segments cofinancers may fund."""
    effective = str(today.replace(day=1))
    for meals in (7, 10, 14, 18):
        setup(http.post("/api/v1/billing/plans", headers=admin, json={
            "code": f"meals{meals}", "name": f"{meals} meals a week", "version": {
                "effective_from": effective, "meals_per_week": meals, "package_price": f"{meals * 11}.00",
                "information_platform_price": "9.50", "coaching_tool_price": "14.50"}}))
    for code, attributes in (("alone", ["living_alone"]), ("low", ["low_income"]),
                             ("bim", ["increased_reimbursement"]), ("alone_low", ["living_alone", "low_income"])):
        setup(http.post("/api/v1/billing/segments", headers=admin,
                        json={"code": code, "name": code.replace("_", " ").title(), "attributes": attributes}))


def _freezers(http: Any, logistics: dict[str, str], today: date) -> None:
    """The depot's stock of rental freezers and regeneration ovens."""
    depot = setup(http.get("/api/v1/depots", headers=logistics))[0]["warehouse_id"]
    for n in range(ROWS):
        kind = ("freezer", "regeneration_oven")[n % 2]
        setup(http.post("/api/v1/assets", headers=logistics, json={
            "kind": kind, "serial_number": f"RSL-{today.year}-{n + 1:04d}", "model": "Liebherr GP 1376",
            "capacity": {"frozen": 90} if kind == "freezer" else {"chilled": 40},
            "purchase_date": str(today - timedelta(days=30 * (n + 1))), "warehouse_id": depot}))
