"""Six months of anthropometry per client: height once, weight series, a few MUAC and
calf circumferences.

Why trajectories and not independent draws: the monitoring rules and the cofinancer
indicators look at weight *change* (e.g. > 5 % in 3 months), so the demo needs stable
clients with scale noise, clients who steadily lose 3-12 %, and both ends of the BMI
range, with every value plausible for the person's height.
"""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from .records import Measurement

WINDOW_DAYS = 182  # "six months of weight history"


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _height_cm(rng: random.Random, sex: str) -> float:
    male = sex == "male"
    mean, sd, low, high = (173.0, 7.0, 158.0, 185.0) if male else (161.0, 6.0, 150.0, 176.0)
    return round(_clamp(rng.gauss(mean, sd), low, high), 1)


def _baseline_bmi(rng: random.Random) -> float:
    roll = rng.random()
    if roll < 0.07:  # a few with obesity (Parkinson's is not only weight loss)
        return rng.uniform(30.0, 35.0)
    if roll < 0.17:  # already thin at the start of the window
        return rng.uniform(17.5, 19.8)
    return _clamp(rng.gauss(24.5, 2.6), 20.0, 29.5)


def _measurement_days(rng: random.Random, start: date, until: date) -> list[date]:
    """Weekly to monthly, with the slack of real appointments."""
    interval = rng.choice((7, 14, 14, 21, 28, 30))
    days, day = [], start
    while day <= until:
        days.append(day)
        day += timedelta(days=interval + (rng.randint(-2, 2) if interval >= 14 else 0))
    return days


def _at(rng: random.Random, day: date) -> datetime:
    # 07:00-14:59 UTC is 08:00-16:59 in Brussels: office and round hours, in UTC as stored.
    return datetime.combine(day, time(rng.randint(7, 14), rng.choice((0, 15, 30, 45))),
                            tzinfo=UTC)


def anthropometry(rng: random.Random, sex: str, ref: date, measured_until: date,
                  admitted_days: int, dietitians: tuple[str, str]) -> tuple[Measurement, ...]:
    """`dietitians` is (the client's own dietitian, the colleague who sometimes covers)."""
    def by() -> str:
        return dietitians[0] if rng.random() < 0.9 else dietitians[1]

    height = _height_cm(rng, sex)
    height_m2 = (height / 100) ** 2
    start_weight = _baseline_bmi(rng) * height_m2
    # ~25 % lose weight; a hospital stay in the window makes it much more likely.
    losing = rng.random() < 0.18 + (0.35 if admitted_days else 0.0)
    loss = rng.uniform(0.03, 0.12) if losing else 0.0
    shape = rng.uniform(0.7, 1.8)  # <1 early loss that levels off, >1 accelerating
    start = ref - timedelta(days=WINDOW_DAYS - rng.randint(0, 4))
    # Nothing on the reference day itself: the demo may run that morning, and a
    # measurement later that day would be in the future.
    days = _measurement_days(rng, start, min(measured_until, ref - timedelta(days=1)))
    span = max(1, (days[-1] - days[0]).days)

    def weight_on(day: date) -> float:
        trend = start_weight * (1 - loss * ((day - start).days / span) ** shape)
        return round(trend + _clamp(rng.gauss(0, 0.35), -1.0, 1.0), 1)

    out = [Measurement("height_cm", height, _at(rng, days[0]), by())]
    weights = [(day, weight_on(day)) for day in days]
    out += [Measurement("weight_kg", w, _at(rng, day), by()) for day, w in weights]
    # Circumferences: a minority, a few times, in line with the BMI on that day.
    for type_, slope, offset, sd in (("muac_cm", 0.55, 13.0, 1.0),
                                     ("calf_circumference_cm", 0.5, 21.5, 1.2)):
        if rng.random() < 0.3:
            for day, w in rng.sample(weights, min(len(weights), rng.randint(1, 3))):
                value = slope * (w / height_m2) + offset + rng.gauss(0, sd)
                out.append(Measurement(type_, round(value, 1), _at(rng, day), by()))
    out.sort(key=lambda m: (m.measured_at, m.type))
    return tuple(out)
