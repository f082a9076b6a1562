"""Screening histories for the demo clients: a baseline once three months of weights
exist, then a follow-up whenever the previous result falls due. Answers are drawn per
client (deterministically) and everything derivable — BMI, weight loss, age — is left
to the same service the API uses, so results follow each client's stored weights."""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.clock import BRUSSELS, age_on
from nutriplat.db import UnitOfWork
from nutriplat.screening import domain, services
from nutriplat.screening.models import Screening
from tools.demo import population as pop

MAX_PER_CLIENT = 8


def _facts(person: pop.Client, setting: str) -> domain.ClientFacts:
    series = {t: [(m.measured_at, m.value) for m in person.measurements_of(t)]
              for t in ("weight_kg", "height_cm")}
    return domain.ClientFacts(person.birth_date, person.sex, setting,
                              series["weight_kg"], series["height_cm"])


def _setting_on(person: pop.Client, day: date) -> str:
    setting = person.setting_history[0].to_setting
    for move in person.setting_history:
        if move.transferred_on <= day:
            setting = move.to_setting
    return setting


def _answers(instrument: str, person: pop.Client, setting: str, day: date,
             rng: random.Random) -> dict[str, Any]:
    unwell = rng.random() < (0.35 if setting == "hospital" else 0.12)
    if instrument == "must":
        return {"acute_disease_no_intake_5_days": unwell and rng.random() < 0.4}
    if instrument == "mna_sf":
        dementia = "dementia" in person.conditions
        return {
            "food_intake_decline": rng.choices(("none", "moderate", "severe"), (6, 3, 1))[0],
            "mobility": ("out_of_bed_not_out" if setting == "nursing_home" and rng.random() < 0.6
                         else rng.choices(("goes_out", "out_of_bed_not_out", "bed_or_chair_bound"), (6, 3, 1))[0]),
            "acute_stress_or_disease": unwell,
            "neuropsychological": rng.choice(("mild_dementia", "severe_dementia_or_depression"))
            if dementia else "none",
        }
    if instrument == "nrs_2002":
        answers = {"reduced_intake_last_week": rng.random() < 0.5, "severely_ill": unwell and rng.random() < 0.3}
        preview = domain.derive_inputs(instrument, answers, _facts(person, setting), day)
        initial = [answers["reduced_intake_last_week"], answers["severely_ill"],
                   *(preview[k].value for k in ("bmi_below_20_5", "weight_loss_3_months") if k in preview)]
        if any(initial):
            answers |= {"weight_loss_5pct_within_months": rng.choice((None, None, 3, 2)),
                        "intake_percent_of_requirement": rng.choice((30, 50, 70, 90, 100)),
                        "impaired_general_condition": False,
                        "disease_severity": rng.choice((1, 1, 2))}
        return answers
    return {"items": [rng.choices((0, 1, 2, 3), (5, 3, 2, 1))[0] for _ in range(10)]}  # eat_10


def _derivable(instrument: str, answers: dict[str, Any], person: pop.Client, setting: str, day: date) -> bool:
    needed = {"must": {"bmi", "weight_loss_percent"}, "mna_sf": {"bmi", "weight_loss"},
              "nrs_2002": {"bmi_below_20_5", "weight_loss_3_months"}}.get(instrument, set())
    return needed <= set(domain.derive_inputs(instrument, answers, _facts(person, setting), day))


def _performed_at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))), tzinfo=BRUSSELS)


def seed_screenings(session: Session, session_factory: sessionmaker[Session], population: pop.Population,
                    org_ids: dict[str, int], user_ids: dict[str, int], today: date,
                    progress: Callable[[Iterable[pop.Client]], Iterable[pop.Client]] = iter) -> int:
    provider_id = next(org_ids[o.key] for o in population.organisations if o.type == "provider")
    screened = set(session.scalars(select(Screening.client_id).distinct()))
    ids = dict(session.execute(select(Client.external_ref, Client.id).where(
        Client.organisation_id == provider_id)).all())
    count = 0
    for person in progress(population.clients):
        client_id = ids.get(person.key)
        if client_id is None or client_id in screened:
            continue
        actor = Actor(user_ids[person.dietitian_username], person.dietitian_username, "dietitian",
                      provider_id, purpose="demo screening history")
        count += _history(session_factory, actor, client_id, person, today,
                          random.Random(f"{population.seed}/screenings/{person.key}"))
    return count


def _history(session_factory: sessionmaker[Session], actor: Actor, client_id: int,
             person: pop.Client, today: date, rng: random.Random) -> int:
    weights = person.measurements_of("weight_kg")
    day = max(person.referral.referred_on, weights[0].measured_at.date() + timedelta(days=100))
    done = 0
    while day < today and done < MAX_PER_CLIENT:
        setting = _setting_on(person, day)
        suggestion = domain.suggest_instrument(setting, age_on(person.birth_date, day),
                                               "dysphagia" in person.conditions)
        answers = _answers(suggestion.instrument, person, setting, day, rng)
        if not _derivable(suggestion.instrument, answers, person, setting, day):
            day += timedelta(days=7)  # wait for the next weighing
            continue
        performed_at = _performed_at(day, rng)
        result = services.record_screening(UnitOfWork(session_factory), actor, client_id, {
            "instrument": suggestion.instrument, "answers": answers, "performed_at": performed_at})
        if done == 0 and "dysphagia" in person.conditions:
            services.record_screening(UnitOfWork(session_factory), actor, client_id, {
                "instrument": "eat_10", "answers": _answers("eat_10", person, setting, day, rng),
                "performed_at": performed_at + timedelta(minutes=30)})
            done += 1
        done += 1
        day = max(result.next_due, day + timedelta(days=7))
    return done
