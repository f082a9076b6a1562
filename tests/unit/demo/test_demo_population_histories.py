"""The demo population over time: setting and status histories, measurements,
mandates and consents - checked for several seeds and reference dates."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

import pytest

from tools.demo.population import build_population, vocab

REF = date(2026, 3, 15)
# Allowed status moves (issue 2: referred -> active -> paused <-> active; any -> ended).
TRANSITIONS = {None: {"referred"}, "referred": {"active", "ended"},
               "active": {"paused", "ended"}, "paused": {"active", "ended"}, "ended": set()}
CASES = [(2026, REF), (1, date(2024, 2, 29)), (42, date(2030, 12, 31)), (7, date(2025, 7, 1))]


@pytest.fixture(scope="module", params=CASES, ids=lambda case: f"seed{case[0]}-{case[1]}")
def population(request):
    seed, ref = request.param
    return build_population(seed=seed, reference_date=ref)


@pytest.fixture(scope="module")
def default_population():
    return build_population(seed=2026, reference_date=REF)


def _weights(client):
    return [m.value for m in client.measurements_of("weight_kg")]


def test_setting_histories_are_consistent(population):
    ref = population.reference_date
    for c in population.clients:
        history = c.setting_history
        assert history[0].from_setting is None
        assert history[0].transferred_on == c.referral.referred_on
        for before, after in pairwise(history):
            assert after.from_setting == before.to_setting != after.to_setting
            assert before.transferred_on <= after.transferred_on
        assert history[-1].to_setting == c.care_setting
        assert all(t.to_setting in vocab.CARE_SETTINGS and t.reason for t in history)
        assert history[-1].transferred_on < ref


def test_hospital_clients_were_admitted_from_home_recently(population):
    ref = population.reference_date
    for c in population.clients:
        if c.care_setting == "hospital":
            last = c.setting_history[-1]
            assert last.from_setting == "home" and last.reason.startswith("hospital admission: ")
            assert 2 <= (ref - last.transferred_on).days <= 21


def test_some_home_clients_had_an_admission_and_discharge_in_the_last_six_months(population):
    ref = population.reference_date
    readmitted = [c for c in population.clients if c.care_setting == "home"
                  and [t.to_setting for t in c.setting_history] == ["home", "hospital", "home"]]
    assert len(readmitted) >= 5
    for c in readmitted:
        admission, discharge = c.setting_history[1:]
        assert (ref - admission.transferred_on).days <= 183
        assert admission.transferred_on < discharge.transferred_on


def test_status_histories_are_consistent(population):
    ref = population.reference_date
    for c in population.clients:
        history = c.status_history
        assert history[0].to_status == "referred"
        assert history[0].changed_on == c.referral.referred_on
        previous = None
        for change in history:
            assert change.from_status == previous and change.to_status in TRANSITIONS[previous]
            assert change.reason and change.changed_on < ref
            previous = change.to_status
        assert [h.changed_on for h in history] == sorted(h.changed_on for h in history)
        assert history[-1].to_status == c.status
    statuses = {c.status for c in population.clients}
    assert statuses == set(vocab.STATUSES)
    ended = [c for c in population.clients if c.status == "ended"]
    assert 1 <= len(ended) <= 5


def test_paused_during_hospital_stay(population):
    in_hospital = [c for c in population.clients if c.care_setting == "hospital"]
    assert sum(c.status == "paused" for c in in_hospital) > len(in_hospital) / 2


def test_referral_two_to_eight_months_ago(population):
    ref = population.reference_date
    for c in population.clients:
        assert 60 <= (ref - c.referral.referred_on).days <= 245


def test_measurement_records_are_well_formed(population):
    dietitians = {u.username for u in population.users if u.role == "dietitian"}
    ref_start = datetime.combine(population.reference_date, time(), tzinfo=UTC)
    for c in population.clients:
        assert c.dietitian_username in dietitians
        for m in c.measurements:
            assert m.type in vocab.MEASUREMENT_TYPES and m.measured_by in dietitians
            assert m.measured_at.utcoffset() == timedelta(0) and m.measured_at < ref_start
        times = [m.measured_at for m in c.measurements]
        assert times == sorted(times)


def test_six_months_of_weight_history_for_every_client(population):
    ref = population.reference_date
    for c in population.clients:
        weights = c.measurements_of("weight_kg")
        assert len(weights) >= (3 if c.status == "ended" else 6)
        assert 175 <= (ref - weights[0].measured_at.date()).days <= 183
        gaps = [(b.measured_at - a.measured_at).days for a, b in pairwise(weights)]
        assert max(gaps) <= 33  # weekly to monthly
        end = c.status_history[-1].changed_on if c.status == "ended" else ref
        assert (end - weights[-1].measured_at.date()).days <= 33
        assert weights[-1].measured_at.date() <= end


def test_weights_are_plausible_for_height(population):
    bmis, losers = [], 0
    for c in population.clients:
        (height,) = c.measurements_of("height_cm")
        assert 150 <= height.value <= 185
        weights = _weights(c)
        for w in weights:
            assert 14 <= w / (height.value / 100) ** 2 <= 45
        # No jumps: at most ~4 % trend per month plus +-1 kg scale noise on each reading.
        assert all(abs(b - a) <= 0.04 * a + 2.0 for a, b in pairwise(weights))
        bmis.append(weights[-1] / (height.value / 100) ** 2)
        losers += (weights[0] - weights[-1]) / weights[0] > 0.025
    n = len(population.clients)
    assert 0.12 * n <= losers <= 0.45 * n  # ~25 % losing 3-12 %
    assert sum(b < 20 for b in bmis) >= 3 and sum(b >= 30 for b in bmis) >= 1


def test_losses_stay_within_twelve_percent(default_population):
    for c in default_population.clients:
        weights = _weights(c)
        assert (weights[0] - weights[-1]) / weights[0] <= 0.12 + 2.0 / weights[0]


def test_some_circumferences(population):
    muac = [m.value for c in population.clients for m in c.measurements_of("muac_cm")]
    calf = [m.value for c in population.clients
            for m in c.measurements_of("calf_circumference_cm")]
    assert muac and calf
    assert all(15 <= v <= 40 for v in muac) and all(22 <= v <= 48 for v in calf)


def test_mandates(population):
    caregivers = {u.username for u in population.users if u.role == "caregiver"}
    mandated = [c for c in population.clients if c.mandates]
    assert 3 <= len(mandated) <= 10
    for c in mandated:
        assert c.care_setting == "home"
        for m in c.mandates:
            assert m.caregiver_username in caregivers and m.relationship_to_client
            assert m.scopes and set(m.scopes) <= set(vocab.MANDATE_SCOPES)
            assert m.given_at.date() >= c.referral.referred_on
            assert m.withdrawn_at is None or m.given_at < m.withdrawn_at
            assert m.given_at.tzinfo is not None
    active = [(c, m) for c in mandated for m in c.mandates if m.withdrawn_at is None]
    demo = [c for c, m in active if m.caregiver_username == "mantelzorger.an"]
    assert len(demo) >= 2  # the printed caregiver login sees several clients
    assert any(m.withdrawn_at for c in mandated for m in c.mandates)


def test_consents(population):
    ref = population.reference_date
    n = len(population.clients)
    by_purpose = dict.fromkeys(vocab.CONSENT_PURPOSES, 0)
    for c in population.clients:
        purposes = [k.purpose for k in c.consents]
        assert "care" in purposes and len(set(purposes)) == len(purposes)
        for k in c.consents:
            by_purpose[k.purpose] += 1
            assert k.given_at.tzinfo is not None
            assert c.referral.referred_on <= k.given_at.date() < ref
            assert k.withdrawn_at is None or k.given_at < k.withdrawn_at
    assert by_purpose["cofinancer_reporting"] >= 0.6 * n
    assert 0.1 * n <= by_purpose["research"] <= 0.6 * n
