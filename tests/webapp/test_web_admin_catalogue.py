"""The admin's catalogue and price pages: dishes and their texture variants, a new dish,
a new variant (approved by a second admin) and a new variant version; plan and tariff prices with a new version
from the first of a month — errors next to the fields, another provider's prices 404."""
from __future__ import annotations

import pytest

from nutriplat.clock import business_today
from nutriplat.periods import Month
from tests.setup_calls import setup

NUTRIENTS = {"energy_kcal": "450", "protein_g": "22.5", "fat_g": "15", "carbohydrate_g": "50",
             "fibre_g": "6", "fluid_ml": "250", "sodium_mg": "800"}
PUREE = {"food_level": "4", "slots": ["lunch", "dinner"], "allergens": ["milk"], "price_eur": "8.50",
         "storage_class": "frozen", "volume_l": "0.4", "shelf_life_days": "180",
         **{f"nutrients.{k}": v for k, v in NUTRIENTS.items()}}


@pytest.fixture
def ada(world):
    return world.person("ada", "admin")


@pytest.fixture
def bea(world):
    """A second admin of ada's organisation: approves ada's textures and allergen changes."""
    return world.person("bea", "admin")


def _approve_all(browser, dish: int) -> None:
    page = browser.get(f"/app/admin/catalogue/dishes/{dish}").text
    for part in page.split("/app/admin/catalogue/changes/")[1:]:
        change = part.split("/")[0]
        done = browser.post(f"/app/admin/catalogue/changes/{change}/approval", {"dish_id": str(dish)})
        assert done.status_code == 302


def _dish(browser, name: str = "Stoofvlees met wortelpuree") -> int:
    made = browser.post("/app/admin/catalogue/dishes/new", {"name": name, "kind": "ready_meal", "course": "main",
                                                            "keywords": "stoofvlees, wortel"})
    assert made.status_code == 302, made.text
    return int(made.headers["Location"].rstrip("/").rsplit("/", 1)[1])


@pytest.mark.parametrize("lang, heading", [(None, "Catalogus"), ("en-GB", "Catalogue")])
def test_the_catalogue_lists_dishes_with_their_variants(web, ada, bea, lang, heading):
    browser = web(ada, lang=lang)
    dish = _dish(browser)
    assert browser.post(f"/app/admin/catalogue/dishes/{dish}/variants/new", PUREE).status_code == 302
    _approve_all(web(bea), dish)
    page = browser.get("/app/admin/catalogue/?search=stoof")
    assert page.status_code == 200 and f"<h1>{heading}</h1>" in page.text
    assert "Stoofvlees met wortelpuree" in page.text and "food:4" in page.text
    assert "Stoofvlees" not in browser.get("/app/admin/catalogue/?search=vis").text.split("<table>")[1]


def test_a_new_dish_is_checked_by_the_apis_rules(web, ada):
    browser = web(ada, lang="en-GB")
    bad = browser.post("/app/admin/catalogue/dishes/new", {"name": "", "kind": "pizza"})
    assert bad.status_code == 422 and bad.text.count('aria-invalid="true"') == 2
    assert "Must be one of: component, ready_meal, recipe, drink, supplement." in bad.text
    dish = _dish(browser)
    twice = browser.post("/app/admin/catalogue/dishes/new", {"name": "Stoofvlees met wortelpuree",
                                                             "kind": "ready_meal", "course": "main"})
    assert twice.status_code == 409 and "Already in use." in twice.text
    page = browser.get(f"/app/admin/catalogue/dishes/{dish}")
    assert "No texture variant yet." in page.text and "stoofvlees, wortel" in page.text
    assert browser.get("/app/admin/catalogue/dishes/999999").status_code == 404


def test_a_variant_and_a_new_version_of_it(web, ada, bea):
    browser = web(ada, lang="en-GB")
    dish = _dish(browser)
    path = f"/app/admin/catalogue/dishes/{dish}/variants/new"
    bad = browser.post(path, PUREE | {"price_eur": "8.505", "nutrients.energy_kcal": "-1", "slots": []})
    assert bad.status_code == 422 and bad.text.count('aria-invalid="true"') == 3
    assert "At most two decimals (whole cents)." in bad.text
    for field in ("f-price_eur", "f-nutrients-energy_kcal"):
        assert f'id="{field}" name=' in bad.text
    textureless = browser.post(path, PUREE | {"food_level": ""})
    assert textureless.status_code == 422 and 'id="f-food_level" name="food_level" aria-describedby' in textureless.text
    assert "Give exactly one of food_level (foods) and drink_level (drinks)." in textureless.text
    assert browser.post(path, PUREE).status_code == 302
    waiting = browser.get(f"/app/admin/catalogue/dishes/{dish}")
    assert "Waiting for a second admin" in waiting.text and "No texture variant yet." in waiting.text
    change = waiting.text.split("/app/admin/catalogue/changes/")[1].split("/")[0]
    own = browser.post(f"/app/admin/catalogue/changes/{change}/approval", {"dish_id": str(dish)})
    assert "second admin approves" in browser.get(own.headers["Location"]).text
    _approve_all(web(bea), dish)
    page = browser.get(f"/app/admin/catalogue/dishes/{dish}")
    assert "€8.50" in page.text and "1 version" in page.text and "Waiting for a second admin" not in page.text
    variant = int(page.text.split("/app/admin/catalogue/variants/")[1].split("/")[0])
    form = browser.get(f"/app/admin/catalogue/variants/{variant}/versions/new")
    assert form.status_code == 200 and 'value="8.50"' in form.text and "checked" in form.text
    wrong = browser.post(f"/app/admin/catalogue/variants/{variant}/versions/new",
                         {**PUREE, "food_level": "5", "price_eur": "abc"})
    assert wrong.status_code == 422 and "A texture is its own variant" in wrong.text
    kept = {k: v for k, v in PUREE.items() if k != "food_level"}
    revised = browser.post(f"/app/admin/catalogue/variants/{variant}/versions/new", kept | {"price_eur": "9.25"})
    assert revised.status_code == 302
    page = browser.get(f"/app/admin/catalogue/dishes/{dish}")
    assert "€9.25" in page.text and "2 versions" in page.text
    stale = browser.post(f"/app/admin/catalogue/variants/{variant}/versions/new", kept)
    assert stale.status_code == 409 and "is no longer current" in stale.text
    current = int(page.text.split("/app/admin/catalogue/variants/")[1].split("/")[0])
    milk_free = browser.post(f"/app/admin/catalogue/variants/{current}/versions/new", kept | {"allergens": []})
    after = browser.get(milk_free.headers["Location"]).text
    assert "allergen change is proposed" in after and "Waiting for a second admin" in after
    assert '<span class="badge badge-allergen">milk</span>' in after.split("Texture variants")[1]  # not yet


PLAN = {"code": "basis", "name": "Basispakket", "version": {
    "effective_from": "2026-01-01", "meals_per_week": 14, "package_price": "180.00",
    "information_platform_price": "9.50", "coaching_tool_price": "14.50"}}


def test_prices_get_a_new_version_from_the_first_of_a_month(web, ada, world, http):
    plan = setup(http.post("/api/v1/billing/plans", headers=ada.headers, json=PLAN))
    tariff = setup(http.post("/api/v1/billing/tariffs", headers=ada.headers, json={
        "code": "freezer", "kind": "rental", "name": "Diepvriezer",
        "price": {"effective_from": "2026-01-01", "unit_price": "12.00"}}))
    browser = web(ada, lang="en-GB")
    page = browser.get("/app/admin/prices/")
    assert page.status_code == 200 and "Basispakket" in page.text and "€180.00" in page.text
    assert "Diepvriezer" in page.text and "€12.00" in page.text
    path = f"/app/admin/prices/plans/{plan['id']}/versions/new"
    first = Month.of(business_today()).next().first
    assert f'value="{first.isoformat()}"' in browser.get(path).text
    bad = browser.post(path, {"effective_from": first.replace(day=15).isoformat(), "meals_per_week": "14",
                              "package_price": "185.00", "information_platform_price": "9.50",
                              "coaching_tool_price": "x"})
    assert bad.status_code == 422
    assert "Must be the first day of a month" in bad.text or "Not a valid number." in bad.text
    assert 'id="f-coaching_tool_price" name=' in bad.text
    month_day = browser.post(path, {"effective_from": first.replace(day=15).isoformat(), "meals_per_week": "14",
                                    "package_price": "185.00", "information_platform_price": "9.50",
                                    "coaching_tool_price": "14.50"})
    assert month_day.status_code == 422 and "Must be the first day of a month" in month_day.text
    saved = browser.post(path, {"effective_from": first.isoformat(), "meals_per_week": "14",
                                "package_price": "185.00", "information_platform_price": "9.50",
                                "coaching_tool_price": "14.50"})
    assert saved.status_code == 302 and "€185.00" in browser.get("/app/admin/prices/").text
    tariff_path = f"/app/admin/prices/tariffs/{tariff['id']}/versions/new"
    assert browser.post(tariff_path, {"effective_from": first.isoformat(), "unit_price": "12.5"}).status_code == 302
    again = browser.post(tariff_path, {"effective_from": first.isoformat(), "unit_price": "13"})
    assert again.status_code == 409 and "Already has a version." in again.text
    other = web(world.person("otto", "admin", organisation="Provider B"))
    assert other.get(path).status_code == 404 and other.post(tariff_path, {"unit_price": "1"}).status_code == 404
    root = web(world.person("root", "admin", organisation=None))
    assert root.get("/app/admin/prices/").status_code == 403  # billing belongs to a provider
