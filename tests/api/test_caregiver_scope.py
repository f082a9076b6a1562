"""Issue 14, hole 10 (caregivers): a caregiver follows the plan the dietitian approved —
not the drafting that led to it — and knows of their own mandate, not of the others'."""
from tests.setup_calls import setup


def _mandate(http, lien, client_id, carer, scopes=("view",)):
    response = http.post(f"/api/v1/clients/{client_id}/mandates", headers=lien.headers,
                         json={"caregiver_id": carer.id, "scopes": list(scopes)})
    assert response.status_code == 201, response.json
    return response.json


def test_a_caregiver_sees_only_their_own_mandate(http, world, lien, measured_client):
    anna, bart = (world.person(name, "caregiver", organisation=None) for name in ("anna", "bart"))
    mine, _ = _mandate(http, lien, measured_client, anna), _mandate(http, lien, measured_client, bart)
    seen = http.get(f"/api/v1/clients/{measured_client}/mandates", headers=anna.headers)
    assert seen.status_code == 200 and [m["id"] for m in seen.json] == [mine["id"]]
    assert len(http.get(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers).json) == 2


def test_a_caregiver_sees_no_draft_events_in_a_plans_history(http, world, lien, measured_client, draft_plan):
    anna = world.person("anna", "caregiver", organisation=None)
    _mandate(http, lien, measured_client, anna)
    base = f"/api/v1/meal-plans/{draft_plan['id']}"
    assert http.post(f"{base}/reoptimise", headers=lien.headers).status_code == 200
    assert http.get(f"{base}/history", headers=anna.headers).status_code == 404  # a draft is not shown
    assert http.post(f"{base}/approve", headers=lien.headers, json={}).status_code == 200
    revision = setup(http.post(f"{base}/revisions", headers=lien.headers))  # the next draft
    assert http.post(f"/api/v1/meal-plans/{revision['id']}/reoptimise", headers=lien.headers).status_code == 200
    full = [e["action"] for e in http.get(f"{base}/history", headers=lien.headers).json]
    assert {"created", "reoptimised", "approved", "revised"} <= set(full)
    seen = http.get(f"{base}/history", headers=anna.headers)
    assert seen.status_code == 200 and [e["action"] for e in seen.json] == ["approved"]
