"""The equipment page: every freezer and oven, where it stands and what is planned; a
breakdown reported with a replacement, errors named next to the field."""
from __future__ import annotations

from tests.api.equipment_world import installed


def test_the_equipment_page_lists_assets_and_a_breakdown_is_reported(web, http, world, shop, today):
    broken, spare = shop.freezers
    installed(http, shop, broken["id"], shop.clients[0], today)
    lena = web(world.person("lena2", "logistics"))
    page = lena.get("/app/logistics/equipment")
    assert page.status_code == 200
    assert "FRZ-001" in page.text and "OVN-001" in page.text and "Klant Nr 0" in page.text
    assert "geplaatst" in page.text and "Storing melden" in page.text
    stocked = lena.get("/app/logistics/equipment?state=in_stock")
    assert "FRZ-002" in stocked.text and "FRZ-001" not in stocked.text
    url = f"/app/logistics/equipment/{broken['id']}/breakdown"
    form = lena.get(url)
    assert form.status_code == 200 and f'value="{spare["id"]}"' in form.text
    wrong = lena.post(url, {"reported_by": "client", "description": ""})
    assert wrong.status_code == 422 and 'id="f-description"' in wrong.text and "has-error" in wrong.text
    done = lena.post(url, {"reported_by": "driver", "description": "Koelt niet",
                           "replacement_asset_id": str(spare["id"])})
    assert done.status_code == 302, done.text
    after = lena.get("/app/logistics/equipment")
    assert "in herstelling" in after.text
    english = web(world.person("lena3", "logistics"), lang="en-GB").get("/app/logistics/equipment")
    assert "in repair" in english.text and "Serial number" in english.text
