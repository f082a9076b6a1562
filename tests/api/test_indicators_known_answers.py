"""Every starter indicator computed on a hand-built cohort whose answers are worked out
by hand below, through the real queries (SQLite and PostgreSQL) and the pandas engine."""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from nutriplat.auth.models import Organisation
from nutriplat.billing.models import Invoice
from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.clients.models import CareSettingTransfer, Client, Consent, IntakeRecord, Measurement, StatusChange
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.indicators import aggregate, definitions, measures, report_computation, sources
from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.cohort import select_cohort
from nutriplat.indicators.models import Agreement, AgreementIndicator
from nutriplat.inventory.models import Location
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.monitoring.models import ExperienceSurvey
from nutriplat.periods import Period
from nutriplat.screening.models import Assessment, Screening

BRUSSELS = ZoneInfo("Europe/Brussels")
Q3 = Period.parse("2026Q3")
AS_OF = datetime(2026, 11, 1, tzinfo=UTC)
TODAY = date(2026, 11, 1)
# the twelve client indicators; staff_wellbeing counts survey respondents (its own known
# answers: tests/api/test_staff_wellbeing_indicator.py)
CLIENT_SET = [spec for spec in STARTER_SET if spec["code"] != "staff_wellbeing"]


def at(day: str, clock: str = "10:00") -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=BRUSSELS)


def person(session, org, key, sex, born, postal, conditions, setting="home", consent=True, withdrawn=None):
    client = Client(organisation_id=org, external_ref=key, given_name=key, family_name="Test",
                    birth_date=date.fromisoformat(born), sex=sex, postal_code=postal, care_setting=setting,
                    conditions=conditions, referral_date=date(2026, 1, 10), status="active")
    session.add(client)
    session.flush()
    session.add(CareSettingTransfer(client_id=client.id, transferred_on=date(2026, 1, 10), to_setting=setting))
    if consent:
        session.add(Consent(client_id=client.id, purpose="cofinancer_reporting", given_at=at("2026-01-10"),
                            withdrawn_at=withdrawn))
    return client.id


def statuses(session, client_id, *changes):
    for day, status in changes:
        session.add(StatusChange(client_id=client_id, changed_on=date.fromisoformat(day), to_status=status))


def screen(session, client_id, day, instrument, risk):
    session.add(Screening(client_id=client_id, instrument=instrument, instrument_version="test", answers={},
                          derived={}, components={}, risk=risk, performed_at=at(day),
                          performed_on=date.fromisoformat(day), next_due=date.fromisoformat(day)))


def weigh(session, client_id, moment, kg):
    session.add(Measurement(client_id=client_id, type="weight_kg", value=kg, measured_at=moment))


def plan(session, client_id, week, status, approved, days):
    meal_plan = MealPlan(client_id=client_id, week_start=date.fromisoformat(week),
                         revision=approved.day if approved else 9, status=status, profile={}, approved_at=approved)
    for day, portions, variant in days:
        meal_plan.days.append(MealPlanDay(date=date.fromisoformat(day), energy_kcal_target=1800, protein_g_target=70,
                                          fluid_ml_target=1600, feasible=True, items=[MealPlanItem(
                                              position=1, slot="lunch", variant_id=variant, portions=portions)]))
    session.add(meal_plan)


@pytest.fixture
def cohort(uow):
    with uow:
        s = uow.session
        provider = Organisation(name="Provider", type="provider")
        funder = Organisation(name="Fund West", type="cofinancer")
        s.add_all([provider, funder])
        s.flush()
        org = provider.id
        c1 = person(s, org, "c1", "female", "1940-05-01", "8800", ["parkinson", "dysphagia"])
        c2 = person(s, org, "c2", "male", "1950-08-20", "8870", ["parkinsonism"], setting="hospital")
        c3 = person(s, org, "c3", "female", "1935-02-02", "8500", ["dementia"])
        c4 = person(s, org, "c4", "male", "1945-03-03", "8800", ["parkinson"], setting="nursing_home")
        c5 = person(s, org, "c5", "female", "1963-12-12", "8890", ["parkinson"])
        c6 = person(s, org, "c6", "male", "1944-01-01", "8800", ["parkinson"], consent=False)
        c7 = person(s, org, "c7", "male", "1944-01-01", "8800", ["parkinson"], withdrawn=at("2026-10-15"))
        c8 = person(s, org, "c8", "male", "1944-01-01", "8800", ["copd"])
        c9 = person(s, org, "c9", "male", "1944-01-01", "8800", ["parkinson"])
        statuses(s, c1, ("2026-01-10", "referred"), ("2026-01-15", "active"))
        statuses(s, c2, ("2026-02-01", "active"))
        statuses(s, c3, ("2026-07-20", "referred"), ("2026-08-01", "active"))
        statuses(s, c4, ("2026-03-01", "active"), ("2026-09-16", "paused"))
        statuses(s, c5, ("2026-01-01", "active"))
        for other in (c6, c7, c8):  # excluded by consent or by the cohort definition, but active
            statuses(s, other, ("2026-01-01", "active"))
            screen(s, other, "2026-07-01", "must", "high")
        statuses(s, c9, ("2026-01-01", "referred"))  # never active

        for day, risk in (("2026-01-15", "high"), ("2026-04-10", "high"), ("2026-07-10", "high")):
            screen(s, c1, day, "must", risk)
        screen(s, c2, "2026-05-05", "mna_sf", "at_risk")
        screen(s, c2, "2026-08-05", "mna_sf", "normal")
        screen(s, c3, "2026-08-15", "must", "medium")
        screen(s, c4, "2026-04-01", "must", "low")
        screen(s, c5, "2026-06-01", "snaq65", "red")
        screen(s, c5, "2026-09-01", "snaq65", "red")
        screen(s, c5, "2026-09-20", "snaq65", "green")
        screen(s, c5, "2026-09-21", "eat_10", "swallowing_problem_suspected")  # not a malnutrition screen
        for client_id, day, bad in ((c1, "2026-07-12", True), (c4, "2026-07-20", False)):
            s.add(Assessment(client_id=client_id, method="glim", method_version="test", answers={}, derived={},
                             malnourished=bad, phenotypic=[], etiologic=[], assessed_at=at(day),
                             assessed_on=date.fromisoformat(day)))

        for client_id, moment, kg in (
                (c1, at("2026-06-20"), 60.0), (c1, at("2026-07-20"), 61.0), (c1, at("2026-09-25"), 62.5),
                (c2, at("2026-06-30", "23:30"), 80.0), (c2, at("2026-09-30", "23:30"), 78.0),
                (c2, at("2026-10-01", "00:30"), 70.0),  # UTC 30 September, but October in Brussels
                (c3, at("2026-08-20"), 55.0), (c4, at("2026-05-01"), 70.0),
                (c5, at("2026-03-01"), 50.0), (c5, at("2026-08-01"), 49.0)):
            weigh(s, client_id, moment, kg)

        dish = Dish(name="Stoofvlees", kind="ready_meal", course="main")
        s.add(dish)
        s.flush()
        variant = DishVariant(dish_id=dish.id, texture="food:7", name="Stoofvlees", energy_kcal=1000, protein_g=40,
                              fat_g=10, carbohydrate_g=100, fibre_g=5, fluid_ml=100, sodium_mg=500,
                              price_eur=Decimal("7.50"), storage_class="frozen", volume_l=0.5, shelf_life_days=90)
        s.add(variant)
        s.flush()
        v = variant.id
        plan(s, c1, "2026-07-06", "superseded", at("2026-07-01"), [("2026-07-06", 2, v), ("2026-07-07", 1.5, v)])
        plan(s, c1, "2026-07-06", "approved", at("2026-07-05"), [("2026-07-07", 2, v)])
        plan(s, c2, "2026-09-28", "approved", at("2026-09-20"),
             [("2026-09-28", 1.8, v), ("2026-09-29", 1.79, v), ("2026-10-01", 2, v)])
        plan(s, c2, "2026-09-21", "draft", None, [("2026-09-22", 2, v)])

        for client_id, day, slot, percent in ((c1, "2026-07-01", "lunch", 80), (c1, "2026-07-01", "dinner", 50),
                                              (c3, "2026-08-02", "breakfast", 75), (c5, "2026-09-30", "lunch", 100),
                                              (c1, "2026-06-30", "lunch", 100)):
            s.add(IntakeRecord(client_id=client_id, date=date.fromisoformat(day), meal_slot=slot,
                               percent_eaten=percent))

        for client_id, moved, was, to in ((c1, "2026-08-10", "home", "hospital"),
                                          (c1, "2026-08-20", "hospital", "home"),
                                          (c4, "2026-09-10", "nursing_home", "hospital")):
            s.add(CareSettingTransfer(client_id=client_id, transferred_on=date.fromisoformat(moved),
                                      from_setting=was, to_setting=to))

        warehouse = Location(organisation_id=org, kind="warehouse", name="Central")
        s.add(warehouse)
        s.flush()
        for client_id, day, status, confirmed in (
                (c1, "2026-07-03", "delivered", at("2026-07-03", "15:00")),
                (c1, "2026-07-10", "delivered", at("2026-07-11", "09:00")),
                (c1, "2026-07-17", "not_home", at("2026-07-17", "11:00")),
                (c1, "2026-07-24", "cancelled", None), (c2, "2026-09-29", "delivered", None)):
            s.add(DeliveryOrder(organisation_id=org, client_id=client_id, delivery_date=date.fromisoformat(day),
                                status=status, origin="reorder", warehouse_id=warehouse.id, confirmed_at=confirmed))

        for client_id, label, scores in ((c1, "2026Q3", [4, 4, 4, 4, 4]), (c2, "2026Q3", [5, 4, 3, 3, 3]),
                                         (c3, "2026-08", [2, 2, 2, 2, 2]), (c5, "2026Q2", [5, 5, 5, 5, 5])):
            survey = Period.parse(label)
            s.add(ExperienceSurvey(organisation_id=org, client_id=client_id, period=label, period_start=survey.start,
                                   period_end=survey.end, answered_on=survey.end, respondent="client",
                                   answers=dict(zip("abcde", scores, strict=True)),
                                   mean_score=Decimal(sum(scores)) / 5))

        for n, (client_id, month, gross, kind) in enumerate((
                (c1, "2026-07", "200.00", "invoice"), (c1, "2026-08", "210.50", "invoice"),
                (c2, "2026-09", "195.25", "invoice"), (c2, "2026-09", "-10.25", "credit_note"),
                (c2, "2026-06", "999.00", "invoice"))):
            amount = Decimal(gross)
            s.add(Invoice(organisation_id=org, document_type=kind, number=f"T{n}", natural_key=f"t{n}", month=month,
                          payer_type="client", payer_client_id=client_id, payer_name="x", status="issued",
                          issued_on=date(2026, 10, 1), subtotal=amount, vat_total=Decimal(0), total=amount,
                          gross=amount, vat_breakdown=[]))

        definitions.ensure_starter_set(s)
        agreement = Agreement(organisation_id=org, cofinancer_id=funder.id, name="Known answers",
                              cohort={"conditions_any": ["parkinson", "parkinsonism", "dementia"]},
                              starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), baseline_period="2026Q2",
                              settlement_period="quarter")
        agreement.indicators = [AgreementIndicator(definition=definitions.by_code(s, spec["code"]), position=i)
                                for i, spec in enumerate(CLIENT_SET, start=1)]
        s.add(agreement)
        uow.commit()
        return agreement.id, {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5}


def compute(uow, agreement_id, breakdowns=()):
    with uow:
        agreement = uow.session.get(Agreement, agreement_id)
        return report_computation.compute(uow.session, agreement, [Q3], AS_OF, TODAY, breakdowns)


def totals(computed):
    return {f.indicator: (f.numerator, f.denominator) for f in computed.figures[Q3.label]}


EXPECTED = {
    # cohort in Q3: c1, c2, c3, c4, c5 (c6 no consent, c7 withdrew, c8 copd, c9 never active)
    "screening_coverage": ("4", "5", "80.0"),  # c4 not screened in Q3
    "at_risk_share": ("2", "4", "50.0"),  # latest: c1 MUST high, c3 MUST medium; c2 normal, c5 green
    "glim_malnutrition_prevalence": ("1", "5", "20.0"),  # c1 of the evaluated c1..c5
    "risk_improved_3m": ("1", "2", "50.0"),  # c2 at_risk → normal; c5 red → red (09-01 closest to mark)
    "risk_improved_6m": ("0", "1", "0.0"),  # c1 high → high (07-10, 5 days from the mark)
    "mean_weight_change": ("-0.5", "3", "-0.17"),  # c1 +2.5, c2 -2.0 (Brussels dates), c5 -1.0
    "plan_days_on_target": ("3", "4", "75.0"),  # c1 07-06 ✓, 07-07 ✓ (revision); c2 09-28 ✓, 09-29 ✗
    "meals_mostly_eaten": ("3", "4", "75.0"),  # 80, 50, 75, 100
    "hospital_admissions": ("2", "13.5", "14.81"),  # c1 and c4; client-months 3+3+2+2.5+3
    "on_time_deliveries": ("2", "4", "50.0"),  # on time, late, not home, (cancelled), unconfirmed delivered
    "mean_experience_score": ("9.6", "3", "3.20"),  # 4.0 + 3.6 + 2.0 (c5's survey is Q2)
    "cost_per_client_month": ("595.50", "13.5", "44.11"),  # 200 + 210.50 + 195.25 - 10.25
}


def test_each_indicator_has_its_hand_computed_value(uow, cohort):
    agreement_id, _ = cohort
    computed = compute(uow, agreement_id)
    assert computed.cohort_size == 6  # c1-c5 and c9 (consenting, in the definition); c9 is never active
    found = totals(computed)
    by_code = {d.code: d for d in computed.definitions}
    assert set(found) == set(EXPECTED)
    for code, (numerator, denominator, value) in EXPECTED.items():
        assert found[code] == (Decimal(numerator), Decimal(denominator)), code
        assert by_code[code].value(*found[code]) == Decimal(value), code


def raw_figures(uow, agreement_id):
    """Every cell before suppression (the report itself hides this small cohort's cells)."""
    with uow:
        agreement = uow.session.get(Agreement, agreement_id)
        prep = measures.prepare(sources.load(uow.session, agreement.organisation_id, [Q3], TODAY))
        frame = measures.client_frame(prep, select_cohort(prep, agreement.cohort, AS_OF, agreement.starts_on), Q3)
        return aggregate.figures(frame, report_computation.definitions_of(agreement),
                                 report_computation.BREAKDOWNS)


def test_breakdowns_give_each_client_one_category_and_add_up_to_the_total(uow, cohort):
    agreement_id, _ = cohort
    figures = raw_figures(uow, agreement_id)
    by = {(f.indicator, f.dimension, f.category): f for f in figures}
    coverage = {key[1:]: (f.numerator, f.denominator) for key, f in by.items() if key[0] == "screening_coverage"}
    assert coverage[("sex", "female")] == (3, 3) and coverage[("sex", "male")] == (1, 2)
    assert coverage[("care_setting", "hospital")] == (1, 2)  # c2 from the start, c4 since 10 September
    assert coverage[("region", "Kortrijk")] == (1, 1)  # c3
    assert coverage[("condition", "parkinson")] == (2, 3)  # c1 (listed first of her two), c4, c5
    assert coverage[("age_band", "<65")] == (1, 1)  # c5 is 62 on 30 September
    assert coverage[("risk_category", "high")] == (2, 2)  # at the start of Q3: c1 MUST high, c5 SNAQ65+ red
    assert by[("at_risk_share", "instrument", "must")].numerator == 2
    assert ("at_risk_share", "instrument", "eat_10") not in by
    for total in (f for f in figures if f.dimension is None):
        for dimension in report_computation.BREAKDOWNS:
            cells = [f for f in figures if f.indicator == total.indicator and f.dimension == dimension]
            if cells:
                assert sum(f.numerator for f in cells) == total.numerator, (total.indicator, dimension)
                assert sum(f.denominator for f in cells) == total.denominator, (total.indicator, dimension)


def test_a_consent_withdrawn_after_a_report_leaves_the_later_reports(uow, cohort):
    agreement_id, ids = cohort
    before = totals(compute(uow, agreement_id))["screening_coverage"]
    with uow:
        consent = uow.session.query(Consent).filter_by(client_id=ids["c2"]).one()
        consent.withdrawn_at = at("2026-10-20")
        uow.commit()
    after = totals(compute(uow, agreement_id))["screening_coverage"]
    assert before == (4, 5) and after == (3, 4)


def test_an_agreement_without_data_reports_empty_figures(uow, cohort):
    agreement_id, _ = cohort
    with uow:
        empty = Organisation(name="Empty provider", type="provider")
        uow.session.add(empty)
        uow.session.flush()
        agreement = uow.session.get(Agreement, agreement_id)
        bare = Agreement(organisation_id=empty.id, cofinancer_id=agreement.cofinancer_id, name="Nobody", cohort={},
                         starts_on=agreement.starts_on, ends_on=agreement.ends_on, baseline_period="2026Q2",
                         settlement_period="quarter")
        bare.indicators = [AgreementIndicator(definition=item.definition, position=item.position)
                           for item in agreement.indicators]
        uow.session.add(bare)
        uow.commit()
    computed = compute(uow, bare.id, report_computation.BREAKDOWNS)
    assert computed.cohort_size == 0
    assert {(row.numerator, row.denominator, row.value, row.suppressed) for row in computed.rows
            if row.indicator != "cost_per_client_month"} == {(Decimal(0), Decimal(0), None, False)}
    # nobody invoiced: the cost has no value, for a reason, never a 0 that meets a target
    assert {(row.value, row.no_data) for row in computed.rows if row.indicator == "cost_per_client_month"} == {
        (None, "no client invoices for 2026-07, 2026-08, 2026-09")}
