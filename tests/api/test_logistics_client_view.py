"""Issue 14, hole 5: logistics delivers meals and never reads a client's clinical record —
its own view of a client holds name, address, phone, access notes, texture and allergies."""
from tests.setup_calls import setup

CLINICAL = {"conditions", "care_plan", "birth_date", "age", "referral", "care_setting", "sex",
            "setting_history", "status_history", "dislikes", "email", "external_ref"}


def test_logistics_reads_a_client_without_anything_clinical(http, world, dora, maria):
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "conditions": ["parkinson"], "referral": {"date": "2026-01-05"}, "phone": "051 20 30 40",
        "allergies": ["milk"], "iddsi_food_level": "5", "delivery_notes": "Sleutel in de brievenbus"}))
    assert {"conditions", "birth_date", "referral", "care_plan"} <= set(client)  # the dietitian's view
    lou = world.person("lou", "logistics")
    one = http.get(f"/api/v1/clients/{client['id']}", headers=lou.headers)
    listed = http.get("/api/v1/clients", headers=lou.headers)
    assert one.status_code == 200 and listed.status_code == 200
    for seen in (one.json, listed.json[0]):
        assert not CLINICAL & set(seen), CLINICAL & set(seen)
        assert seen["family_name"] == "Vandenberghe" and seen["phone"] == "051 20 30 40"
        assert seen["address"]["city"] == "Roeselare" and seen["delivery_notes"] == "Sleutel in de brievenbus"
        assert seen["allergies"] == ["milk"] and seen["iddsi_food_level"] == "5"


def test_the_openapi_document_names_both_shapes(http):
    spec = http.get("/api/openapi.json").json
    shape = spec["paths"]["/api/v1/clients/{client_id}"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert {"$ref": "#/components/schemas/LogisticsClient"} in shape["anyOf"]
    assert "birth_date" not in spec["components"]["schemas"]["LogisticsClient"]["properties"]
