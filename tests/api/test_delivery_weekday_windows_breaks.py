"""Issue 20, item 5: a client's delivery window per weekday, and more than one break per
van. Route planning uses the window of the plan's weekday and keeps every break; each
stored plan passes routing's own checker (``routing.check``)."""
from __future__ import annotations

from tests.api.delivery_world import assert_feasible, solve
from tests.setup_calls import setup

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def test_a_weekday_has_a_window_of_its_own(http, day):
    url = f"/api/v1/clients/{day.clients[0]}/delivery-window"
    today, other = WEEKDAYS[day.date.weekday()], WEEKDAYS[(day.date.weekday() + 1) % 7]
    put = http.put(url, headers=day.h, json={"starts_at": "09:00:00", "ends_at": "17:00:00", "weekdays": [
        {"weekday": today, "starts_at": "13:00:00", "ends_at": "14:00:00"},
        {"weekday": other, "starts_at": "09:00:00", "ends_at": "10:00:00"}]})
    assert put.status_code == 200, put.json
    shown = http.get(url, headers=day.h).json
    assert {w["weekday"]: w["starts_at"] for w in shown["weekdays"]} == {today: "13:00:00", other: "09:00:00"}
    kept = http.put(url, headers=day.h, json={"starts_at": "08:00:00", "ends_at": "17:00:00"})  # weekdays left out
    assert len(kept.json["weekdays"]) == 2

    plan = solve(http, day)
    stop = next(s for r in plan["result"]["routes"] for s in r["stops"] if s["client_id"] == day.clients[0])
    assert stop["window"]["start"].startswith(f"{day.date.isoformat()}T13:00")
    assert stop["window"]["end"].startswith(f"{day.date.isoformat()}T14:00")
    assert f"{day.date.isoformat()}T13:00" <= stop["eta"][:16] <= f"{day.date.isoformat()}T14:00"
    assert_feasible(day, plan["id"])

    cleared = http.put(url, headers=day.h, json={"starts_at": "09:00:00", "ends_at": "17:00:00", "weekdays": []})
    assert cleared.json["weekdays"] == []


def test_bad_weekday_windows_are_refused_naming_the_field(http, day):
    url = f"/api/v1/clients/{day.clients[0]}/delivery-window"
    body = {"starts_at": "09:00:00", "ends_at": "17:00:00"}
    monday = {"weekday": "mon", "starts_at": "09:00:00", "ends_at": "10:00:00"}
    for weekdays, field in (([monday | {"starts_at": "14:00:00", "ends_at": "13:00:00"}], "weekdays.0.ends_at"),
                            ([monday, monday], "weekdays"),
                            ([monday | {"weekday": "maandag"}], "weekdays")):
        response = http.put(url, headers=day.h, json=body | {"weekdays": weekdays})
        assert response.status_code == 422, response.json
        assert any(key.startswith(field) for key in response.json["errors"]), (field, response.json)
    assert http.get(url, headers=day.h).json["weekdays"] == []  # nothing half-written


def test_a_van_keeps_every_break_of_its_day(http, day):
    more = [{"earliest": "14:30:00", "latest": "15:30:00", "minutes": 15}]
    for van in day.vans:
        patched = http.patch(f"/api/v1/vans/{van['id']}", headers=day.h, json={"more_breaks": more})
        assert patched.status_code == 200 and patched.json["more_breaks"] == more, patched.json
    plan = solve(http, day)
    used = [r for r in plan["result"]["routes"] if r["stops"]]
    assert used and all(sorted(b["minutes"] for b in r["breaks"]) == [15, 30] for r in used), used
    assert_feasible(day, plan["id"])


def test_breaks_that_overlap_or_leave_the_shift_are_refused(http, day):
    van = day.vans[0]["id"]
    for more, field in (([{"earliest": "11:45:00", "latest": "12:30:00", "minutes": 15}], "more_breaks"),
                        ([{"earliest": "16:30:00", "latest": "18:00:00", "minutes": 15}], "more_breaks.0.latest"),
                        ([{"earliest": "14:00:00", "latest": "15:00:00", "minutes": 0}], "more_breaks")):
        response = http.patch(f"/api/v1/vans/{van}", headers=day.h, json={"more_breaks": more})
        assert response.status_code == 422, response.json
        assert any(key.startswith(field) for key in response.json["errors"]), (field, response.json)
    assert http.get(f"/api/v1/vans/{van}", headers=day.h).json["more_breaks"] == []
    created = setup(http.post("/api/v1/vans", headers=day.h, json={
        "depot_id": day.warehouse, "name": "Bestelwagen 3", "capacity_kg": 300, "freezer_l": 50, "chilled_l": 50,
        "shift_start": "07:00:00", "shift_end": "15:00:00", "more_breaks": [
            {"earliest": "10:00:00", "latest": "10:30:00", "minutes": 10},
            {"earliest": "12:00:00", "latest": "12:30:00", "minutes": 30}]}))
    assert [b["minutes"] for b in created["more_breaks"]] == [10, 30]
