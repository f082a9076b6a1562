"""Recording a weight and a meal's intake from the client page: through the API's schemas
and services (each sets off the early warning), a value written the Dutch way is read
right, a typing error is refused next to its field and nothing is saved."""
from __future__ import annotations

import pytest

from nutriplat.auth.models import AuditEntry
from nutriplat.clients.models import IntakeRecord, Measurement


def _weights(uow, client_id: int) -> list[float]:
    with uow:
        return [m.value for m in uow.session.query(Measurement).filter_by(client_id=client_id, type="weight_kg")
                .order_by(Measurement.measured_at)]


@pytest.mark.business_day("2026-12-07T12:00")  # after the 07:30 weighing: a time of day, not the wall clock's
def test_a_weight_and_an_intake_are_recorded(web, lien, measured_client, uow, today):
    browser = web(lien)
    url = f"/app/dietitian/clients/{measured_client}/records"
    assert "Gewicht en inname" in browser.get(f"/app/dietitian/clients/{measured_client}").text
    page = browser.get(url)
    assert page.status_code == 200 and "61,6" in page.text  # the latest weight, written the Dutch way
    weighed = browser.post(f"{url}/measurements", {"type": "weight_kg", "value": "60,8",
                                                   "measured_at": f"{today.isoformat()}T07:30"})
    assert weighed.status_code == 302
    assert _weights(uow, measured_client)[-1] == 60.8
    ate = browser.post(f"{url}/intake", {"date": today.isoformat(), "meal_slot": "lunch", "percent_eaten": "50",
                                         "duration_min": "40", "fluid_ml": "150", "note": "Moe"})
    assert ate.status_code == 302
    with uow:
        record = uow.session.query(IntakeRecord).filter_by(client_id=measured_client).one()
        assert (record.meal_slot, record.percent_eaten, record.duration_min, record.fluid_ml) == ("lunch", 50, 40, 150)
        assert uow.session.query(AuditEntry).filter_by(resource="intake", action="create").count() == 1
    shown = browser.get(url).text
    assert "60,8" in shown.split('id="h-measured"')[1] and ">150<" in shown.split('id="h-eaten"')[1]


def test_typing_errors_are_refused_next_to_their_fields(web, lien, measured_client, uow, tomorrow):
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/clients/{measured_client}/records"
    heavy = browser.post(f"{url}/measurements", {"type": "weight_kg", "value": "608",
                                                 "measured_at": "2026-12-01T08:00"})
    assert heavy.status_code == 422 and 'id="f-value-error-1"' in heavy.text
    assert "between 20 and 350" in heavy.text
    ate = browser.post(f"{url}/intake", {"date": tomorrow.isoformat(), "meal_slot": "elevenses",
                                         "percent_eaten": "120"})
    assert ate.status_code == 422
    for name in ("date", "meal_slot", "percent_eaten"):
        assert f'id="f-{name}-error-1"' in ate.text, name
    assert _weights(uow, measured_client) == [70.0, 61.6]
    with uow:
        assert uow.session.query(IntakeRecord).count() == 0


def test_the_page_is_refused_to_other_roles_and_organisations(world, web, measured_client, today):
    url = f"/app/dietitian/clients/{measured_client}/records"
    assert web(world.person("lore", "logistics", "Provider A")).get(url).status_code == 403
    other = web(world.person("otto", "dietitian", "Provider B"))
    assert other.get(url).status_code == 404
    assert other.post(f"{url}/intake", {"date": today.isoformat(), "meal_slot": "lunch",
                                        "percent_eaten": "50"}).status_code == 404
