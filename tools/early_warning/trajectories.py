"""Each client's days, drawn deterministically from the seed and the client's key: what
they eat and drink, their weighings and screenings, and the events that matter — an
unplanned hospital admission, weight loss of more than 5 %, a screening that worsened.

The story behind the numbers (plain values, no database):
- every client has their own usual intake (55-95 % of the plan) and fluid (1100-2100 ml),
  with day-to-day noise; caregivers and staff miss about one day in ten;
- one in five go through a **decline** in 90 days: their intake falls by 20-45 points
  over one to three weeks (fluid by 15-35 %), they lose weight in proportion to the
  deficit, and 40 % of them are admitted to hospital some days later; the others recover
  after a few weeks (about 11 % admitted per quarter in all, as in frail older people with
  Parkinson's disease);
- 3 % in 90 days are admitted **suddenly** (a fall, an infection), without any decline before it;
  no rule can see those coming, and they count against the sensitivity;
- everyone has the odd **bad spell** (a cold, a visit, a bad week): two to five days of
  eating and drinking less, then back to normal the next day — the false alarms of a real caseload;
- they are weighed weekly on their own weekday, and screened (MUST) every four weeks.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

HISTORY_DAYS = 35  # days lived before the first simulated day: the rules' baseline needs four weeks
RECORDED_SHARE = 0.9
DECLINE_SHARE = 0.2
ADMITTED_AFTER_DECLINE = 0.4
SUDDEN_ADMISSION_SHARE = 0.03
BAD_SPELLS_PER_90_DAYS = 1.5
WEIGHT_LOSS_PER_DEFICIT_DAY = 0.15 / 30  # % of body weight a day per point of deficit (~0.1 kg/day at -30)
SCREENING_EVERY_DAYS = 28
ACUTE_BELOW_PERCENT = 30  # MUST's acute disease effect: (almost) no intake
WEIGHT_EVENT_PERCENT = 5.0
WEIGHT_EVENT_MONTHS_DAYS = 91


@dataclass(frozen=True)
class Episode:
    kind: str  # decline, bad_spell
    start: int  # day index (0 = first simulated day)
    ramp: int  # days to reach the full drop
    length: int  # days the drop lasts at full depth before recovery (or admission)
    drop: float  # points of intake lost at full depth
    fluid_share: float  # share of fluid lost at full depth
    recovery: int  # days back to the usual level


@dataclass(frozen=True)
class Stay:
    admitted: int  # day index
    discharged: int
    sudden: bool


@dataclass
class Day:
    index: int
    on: date
    meals: list[int] = field(default_factory=list)  # percent eaten per meal; empty: not recorded
    fluid_ml: int | None = None
    weight_kg: float | None = None
    must_risk: str | None = None  # a screening that day
    in_hospital: bool = False


@dataclass
class Trajectory:
    key: str
    days: list[Day]  # HISTORY_DAYS before the first simulated day, then the simulated days
    stays: list[Stay]
    episodes: list[Episode]

    def events(self) -> list[tuple[str, date]]:
        """The events that matter, on the simulated days: (kind, day)."""
        found = [("admission", d.on) for d in self.days if d.index >= 0 and any(
            s.admitted == d.index for s in self.stays)]
        found += _weight_events(self.days) + _screening_events(self.days)
        return sorted(found, key=lambda e: (e[1], e[0]))


def _weight_events(days: list[Day]) -> list[tuple[str, date]]:
    """The first weighing more than 5 % below the highest of the three months before it."""
    weighed = [(d.index, d.on, d.weight_kg) for d in days if d.weight_kg is not None]
    for n, (index, on, kg) in enumerate(weighed):
        before = [w for i, o, w in weighed[:n] if (on - o).days <= WEIGHT_EVENT_MONTHS_DAYS]
        if index >= 0 and before and kg < max(before) * (1 - WEIGHT_EVENT_PERCENT / 100):
            return [("weight_loss_5", on)]
    return []


def _screening_events(days: list[Day]) -> list[tuple[str, date]]:
    order = ("low", "medium", "high")
    screened = [(d.index, d.on, d.must_risk) for d in days if d.must_risk is not None]
    return [("screening_worse", on) for (_, _, before), (index, on, risk) in pairwise(screened)
            if index >= 0 and order.index(risk) > order.index(before)]


def _episodes(rng: random.Random, days: int) -> tuple[list[Episode], list[Stay]]:
    episodes, stays = [], []
    if rng.random() < DECLINE_SHARE * days / 90:
        start = rng.randint(0, max(0, days - 10))
        ramp, length = rng.randint(7, 21), rng.randint(7, 21)
        episodes.append(Episode("decline", start, ramp, length, rng.uniform(20, 45), rng.uniform(0.15, 0.35), 7))
        if rng.random() < ADMITTED_AFTER_DECLINE:
            admitted = start + ramp + rng.randint(0, length)
            stays.append(Stay(admitted, admitted + rng.randint(5, 15), sudden=False))
    if rng.random() < SUDDEN_ADMISSION_SHARE * days / 90:
        admitted = rng.randint(0, days - 1)
        if not any(s.admitted - 7 <= admitted <= s.discharged + 7 for s in stays):
            stays.append(Stay(admitted, admitted + rng.randint(4, 12), sudden=True))
    spells = int(BAD_SPELLS_PER_90_DAYS * days / 90 + rng.random())
    for _ in range(spells):
        episodes.append(Episode("bad_spell", rng.randint(-HISTORY_DAYS + 1, days - 1), 1, rng.randint(1, 4),
                                rng.uniform(15, 35), rng.uniform(0.1, 0.3), 1))
    return episodes, stays


def _depth(episode: Episode, index: int) -> float:
    """How far into its drop the client is on day ``index`` (0 none, 1 full); a decline that
    ends in hospital stays low until the admission."""
    since = index - episode.start
    if since < 0:
        return 0.0
    if since < episode.ramp:
        return (since + 1) / episode.ramp
    if since < episode.ramp + episode.length:
        return 1.0
    recovery = since - episode.ramp - episode.length
    return max(0.0, 1 - recovery / episode.recovery)


def build(seed: int, key: str, first_day: date, days: int, start_weight: float, height_cm: float,
          earlier_weights: list[tuple[date, float]], usual: tuple[float, float] | None = None) -> Trajectory:
    """``usual``: the client's own mean percent eaten and daily fluid, where their record
    already shows them (the demo carries on from its loaded history); else drawn."""
    rng = random.Random(f"{seed}/early-warning/{key}")
    appetite, thirst = rng.uniform(55, 95), rng.uniform(1100, 2100)
    if usual is not None:
        appetite, thirst = usual
    episodes, stays = _episodes(rng, days)
    weekday = rng.randrange(7)
    screen_offset = rng.randrange(SCREENING_EVERY_DAYS)
    weight, out = start_weight, []
    weights = list(earlier_weights)
    for index in range(-HISTORY_DAYS, days):
        on = first_day + timedelta(days=index)
        day = Day(index, on, in_hospital=any(s.admitted <= index < s.discharged for s in stays))
        drop = sum(e.drop * _depth(e, index) for e in episodes)
        fluid_drop = max((e.fluid_share * _depth(e, index) for e in episodes), default=0.0)
        weight *= 1 - WEIGHT_LOSS_PER_DEFICIT_DAY * drop / 100 * (2 if day.in_hospital else 1)
        if not day.in_hospital:
            if rng.random() < RECORDED_SHARE:
                level = max(5.0, appetite - drop + rng.gauss(0, 4))
                day.meals = [max(0, min(100, round((level + rng.gauss(0, 10)) / 5) * 5)) for _ in range(3)]
                day.fluid_ml = round(thirst * (1 - fluid_drop) * rng.uniform(0.85, 1.15) / 50) * 50
            if on.weekday() == weekday:
                day.weight_kg = round(weight + rng.gauss(0, 0.35), 1)
                weights.append((on, day.weight_kg))
            if (index - screen_offset) % SCREENING_EVERY_DAYS == 0:
                day.must_risk = must_risk(weights, on, height_cm, acute=appetite - drop < ACUTE_BELOW_PERCENT)
        out.append(day)
    return Trajectory(key, out, stays, episodes)


def must_risk(weights: list[tuple[date, float]], on: date, height_cm: float, acute: bool) -> str:
    """MUST's three steps on the client's weighings: BMI, unplanned loss in 3-6 months, and
    acute illness with (likely) no intake."""
    recent = [kg for day, kg in weights if day <= on]
    if not recent:
        return "low"
    now = recent[-1]
    bmi = now / (height_cm / 100) ** 2
    bmi_score = 0 if bmi >= 20 else 1 if bmi >= 18.5 else 2
    earlier = [kg for day, kg in weights if 0 < (on - day).days <= 182]
    loss = 0.0 if not earlier else (max(earlier) - now) / max(earlier) * 100
    loss_score = 0 if loss < 5 else 1 if loss <= 10 else 2
    total = bmi_score + loss_score + (2 if acute else 0)
    return "low" if total == 0 else "medium" if total == 1 else "high"
