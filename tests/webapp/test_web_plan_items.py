"""Plan items in the web app: on a draft week the dietitian adds an item (locked, judged
by the planner's rules) and removes one, through ``mealplans.editing``; a day outside the
week is refused next to the field; an approved week is read-only with a clear message and
refuses a change; another organisation's dietitian gets 404."""
from __future__ import annotations

from nutriplat.mealplans.models import MealPlan, MealPlanItem


def _items(uow, plan_id: int) -> dict[int, tuple[str, int, bool]]:
    with uow:
        plan = uow.session.get(MealPlan, plan_id)
        return {row.id: (day.date.isoformat(), row.variant_id, row.locked) for day in plan.days for row in day.items}


def test_an_item_is_added_locked_and_another_removed(web, lien, draft_plan, uow):
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/plans/{draft_plan['id']}"
    page = browser.get(url).text
    assert "Add an item" in page and "Remove<span" in page
    before = _items(uow, draft_plan["id"])
    first, last = draft_plan["days"][0], draft_plan["days"][-1]
    lunch = next(i for i in first["items"] if i["slot"] == "lunch")
    added = browser.post(f"{url}/items", {"new.date": last["date"].isoformat(), "new.meal": "lunch:1",
                                          "new.variant_id": str(lunch["variant_id"]), "new.portions": "1"})
    assert added.status_code == 302, added.text[:3000]
    after = _items(uow, draft_plan["id"])
    [new] = set(after) - set(before)
    assert after[new] == (last["date"].isoformat(), lunch["variant_id"], True)  # an added item is locked

    removed = browser.post(f"{url}/items/{lunch['id']}/remove", {})
    assert removed.status_code == 302
    assert lunch["id"] not in _items(uow, draft_plan["id"])
    with uow:
        assert uow.session.get(MealPlanItem, lunch["id"]) is None


def test_a_day_outside_the_week_is_refused_next_to_the_field(web, lien, draft_plan, uow):
    browser = web(lien)  # Dutch
    url = f"/app/dietitian/plans/{draft_plan['id']}"
    item = draft_plan["days"][0]["items"][0]
    before = _items(uow, draft_plan["id"])
    refused = browser.post(f"{url}/items", {"new.date": "2020-01-06", "new.meal": f"{item['slot']}:1",
                                            "new.variant_id": str(item["variant_id"])})
    assert refused.status_code == 422
    assert 'id="f-new-date-error-1"' in refused.text and 'href="#f-new-date"' in refused.text
    no_meal = browser.post(f"{url}/items", {"new.date": draft_plan["days"][0]["date"].isoformat(),
                                            "new.variant_id": str(item["variant_id"])})
    assert no_meal.status_code == 422 and 'id="f-new-meal-error-1"' in no_meal.text
    assert _items(uow, draft_plan["id"]) == before  # nothing half-written


def test_an_approved_week_is_read_only_with_a_clear_message(web, lien, draft_plan, uow):
    browser = web(lien, lang="en-GB")
    url = f"/app/dietitian/plans/{draft_plan['id']}"
    assert browser.post(f"{url}/approve", {"note": "ok"}).status_code == 302
    page = browser.get(url).text
    assert "This week is approved and read-only" in page
    assert "Add an item" not in page and "Remove<span" not in page
    item = draft_plan["days"][0]["items"][0]
    refused = browser.post(f"{url}/items/{item['id']}/remove", {})
    assert refused.status_code == 409 and "only a draft changes" in refused.text
    assert item["id"] in _items(uow, draft_plan["id"])


def test_another_organisations_dietitian_gets_404(web, world, draft_plan, uow):
    other = web(world.person("otto", "dietitian", "Provider B"))
    item = draft_plan["days"][0]["items"][0]
    url = f"/app/dietitian/plans/{draft_plan['id']}"
    assert other.post(f"{url}/items/{item['id']}/remove", {}).status_code == 404
    assert other.post(f"{url}/items", {"new.date": draft_plan["days"][0]["date"].isoformat(), "new.meal": "lunch:1",
                                       "new.variant_id": str(item["variant_id"])}).status_code == 404
    assert item["id"] in _items(uow, draft_plan["id"])
