"""The demo's billing stories follow each client's status and setting history."""
from datetime import date

from nutriplat.billing.domain import timeline
from nutriplat.periods import Month
from tools.demo import billing_data as data
from tools.demo import population as pop

POPULATION = pop.build_population(reference_date=date(2026, 11, 25))


def test_every_client_who_became_active_has_a_valid_subscription_story():
    stories = {p.key: data.story(p, POPULATION.seed) for p in POPULATION.clients}
    never_active = {p.key for p in POPULATION.clients
                    if all(s.to_status != "active" for s in p.status_history)}
    assert {k for k, s in stories.items() if s is None} == never_active
    for person in POPULATION.clients:
        story = stories[person.key]
        if story is None:
            continue
        changes = [timeline.Change(c["effective_on"], c["kind"], None, c.get("appliance"), c.get("quantity"))
                   for c in story.changes]
        rentals = [timeline.Change(story.start, "set_rental", None, a, n) for a, n in story.rentals]
        spans = timeline.replay(story.start, 1, rentals + changes)  # raises if a story does not fit
        expected = {"active": "active", "paused": "paused", "ended": "cancelled"}[person.status]
        assert timeline.status_on(spans, POPULATION.reference_date) == expected


def test_the_stories_and_attributes_are_deterministic_and_varied():
    again = pop.build_population(reference_date=date(2026, 11, 25))
    assert [data.story(p, 2026) for p in again.clients] == [data.story(p, 2026) for p in POPULATION.clients]
    held = [data.attributes(p, POPULATION.seed) for p in POPULATION.clients]
    members = sum({"living_alone", "low_income"} <= set(h) for h in held)
    assert members * data.VOUCHER_VALUE > data.VOUCHER_BUDGET  # the demo shows the cap refusing a voucher
    assert sum("increased_reimbursement" in h for h in held) > 20


def test_prices_start_a_year_back_and_extras_stay_in_their_month():
    assert data.price_start(date(2026, 11, 25)) == date(2025, 11, 1)
    october = Month(2026, 10)
    extras = [e for p in POPULATION.clients for e in data.extras(p, POPULATION.seed, october)]
    assert extras and all(october.first <= day <= october.last and 1 <= n <= 3 for day, n in extras)
