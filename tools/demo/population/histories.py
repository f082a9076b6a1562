"""Referral, status and care-setting timelines, built from a small set of storylines.

Why storylines: the two histories must tell one coherent story (a hospital admission
pauses home delivery; a discharge resumes it), so both are written by the same function
from the same dates instead of being drawn independently.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .records import SettingTransfer, StatusChange

# How many clients of each setting follow each storyline; the rest are "stable"/"resident".
STORIES = {
    "home": {"readmitted": 14, "referred": 4, "paused_family": 2, "ended": 3},
    "nursing_home": {"moved_in": 4},
    "hospital": {"admitted_paused": 7, "admitted_active": 3},
}
DEFAULT_STORY = {"home": "stable", "nursing_home": "resident", "hospital": "admitted_paused"}

ADMISSION_REASONS = (
    "aspiration pneumonia", "fall with hip fracture", "dehydration",
    "urinary tract infection", "Parkinson medication adjustment", "delirium",
    "COPD exacerbation", "weight loss and reduced intake work-up",
)
END_REASONS = (
    "stopped at own request", "goals reached: eats independently again",
    "moved in with family outside the region",
)


@dataclass(frozen=True)
class Timeline:
    referred_on: date
    status_history: tuple[StatusChange, ...]
    setting_history: tuple[SettingTransfer, ...]
    admitted_days: int  # days spent in hospital in the window (drives weight loss)
    measured_until: date  # an ended client is no longer measured


def storylines(rng: random.Random, setting: str, count: int) -> list[str]:
    """Exactly the counts in STORIES, the rest default, in a seeded random order."""
    stories = [s for s, n in STORIES[setting].items() for _ in range(n)]
    stories += [DEFAULT_STORY[setting]] * (count - len(stories))
    rng.shuffle(stories)
    return stories


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def build_timeline(rng: random.Random, ref: date, story: str, setting: str,
                   referrer_name: str, site_name: str | None) -> Timeline:
    # Referral 2-8 months ago; stories that need room for later events start earlier.
    earliest_days = {"readmitted": 120, "ended": 90}.get(story, 61)
    latest_days = 75 if story == "referred" else 243
    referred_on = ref - timedelta(days=rng.randint(earliest_days, latest_days))
    statuses = [StatusChange(referred_on, None, "referred", f"referral by {referrer_name}")]
    start = "nursing_home" if story == "resident" else "home"
    where = f"resident of {site_name}" if start == "nursing_home" else "living at home"
    settings = [SettingTransfer(referred_on, None, start, f"{where} at referral")]
    status, admitted_days, measured_until = "referred", 0, ref

    def move(on: date, to: str, reason: str) -> None:
        settings.append(SettingTransfer(on, settings[-1].to_setting, to, reason))

    def change(on: date, to: str, reason: str) -> None:
        nonlocal status
        statuses.append(StatusChange(on, status, to, reason))
        status = to

    if story != "referred":
        active_on = referred_on + timedelta(days=rng.randint(4, 21))
        change(active_on, "active", "intake assessment completed")
    cause = f"hospital admission: {rng.choice(ADMISSION_REASONS)}"
    if story in ("admitted_paused", "admitted_active"):
        admitted_on = ref - timedelta(days=rng.randint(2, 21))
        move(admitted_on, "hospital", cause)
        admitted_days = (ref - admitted_on).days
        if story == "admitted_paused":
            change(admitted_on, "paused", "home delivery paused during hospital stay")
    elif story == "readmitted":
        stay = rng.randint(4, 18)
        admitted_on = _day(rng, max(active_on + timedelta(days=7), ref - timedelta(days=182)),
                           ref - timedelta(days=stay + 7))
        discharged_on = admitted_on + timedelta(days=stay)
        move(admitted_on, "hospital", cause)
        change(admitted_on, "paused", "home delivery paused during hospital stay")
        move(discharged_on, "home", "hospital discharge: back home")
        change(discharged_on, "active", "resumed after hospital discharge")
        admitted_days = stay
    elif story == "moved_in":
        moved_on = _day(rng, active_on + timedelta(days=21), ref - timedelta(days=10))
        if rng.random() < 0.5:  # often a hospital stay precedes the move
            stay = rng.randint(5, 14)
            admitted_on = moved_on - timedelta(days=stay)
            move(admitted_on, "hospital", cause)
            change(admitted_on, "paused", "home delivery paused during hospital stay")
            admitted_days = stay
        move(moved_on, "nursing_home", f"moved into {site_name}: care needs too high at home")
        if status == "paused":
            change(moved_on, "active", f"resumed in {site_name}")
    elif story == "paused_family":
        change(_day(rng, ref - timedelta(days=25), ref - timedelta(days=2)), "paused",
               "temporarily staying with family")
    elif story == "ended":
        # Ended within the last two months, so most of the window is still measured.
        measured_until = _day(rng, max(active_on + timedelta(days=30), ref - timedelta(days=60)),
                              ref - timedelta(days=7))
        change(measured_until, "ended", rng.choice(END_REASONS))
    assert settings[-1].to_setting == setting, (story, setting)  # guards the storyline table
    return Timeline(referred_on, tuple(statuses), tuple(settings), admitted_days,
                    measured_until)
