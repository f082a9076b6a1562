"""The figures of a replay, measured against what happened (plain values in and out).

- ``open_cases_per_100_clients``: open cases per 100 clients in care (active, not in
  hospital) after each night, median and 90th percentile over the measured days;
- ``cases_per_100_clients_week``: cases opened per 100 clients in care per week;
- ``sensitivity``: the share of the unplanned admissions and > 5 % weight losses with a
  case open on at least one of the 14 days before (``sensitivity_by_event`` per kind,
  screenings that worsened included);
- ``median_lead_days``: for those caught, days from the first of those 14 days with a case
  open to the event;
- ``precision_proxy``: the share of cases followed, from their opening to 14 days later,
  by an event of the client or closed by a dietitian's action (``action_taken``).

The first ``warm_up`` days are not measured: the replay starts without cases, and an event
in them has no 14 days of the list before it."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from statistics import median
from typing import Any

from tools.early_warning.replay import CaseSpan, Replay

WINDOW_DAYS = 14
HEADLINE = ("admission", "weight_loss_5")


def _open_on(case: CaseSpan, day: date) -> bool:
    return case.opened_on <= day and (case.closed_on is None or case.closed_on > day)


def _lead(cases: Sequence[CaseSpan], event_day: date, window: int) -> int | None:
    """Days from the first day of the ``window`` (14) before the event on which a case was open."""
    for back in range(window, 0, -1):
        day = event_day - timedelta(days=back)
        if any(_open_on(c, day) for c in cases):
            return back
    return None


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def figures(run: Replay, warm_up: int, window: int = WINDOW_DAYS) -> dict[str, Any]:
    """``window``: the days before an event a case counts in (sensitivity and lead time)."""
    start = run.first_day + timedelta(days=warm_up)
    measured = range(warm_up, run.days)
    per_100 = [100 * run.open_cases[i] / run.in_care[i] for i in measured if run.in_care[i]]
    by_client: dict[int, list[CaseSpan]] = {}
    for case in run.cases:
        by_client.setdefault(case.client_id, []).append(case)
    leads: dict[str, list[int | None]] = {}
    for client_id, events in run.events.items():
        for kind, day in events:
            if day >= start:
                leads.setdefault(kind, []).append(_lead(by_client.get(client_id, []), day, window))
    headline = [lead for kind in HEADLINE for lead in leads.get(kind, [])]
    caught = [lead for lead in headline if lead is not None]
    opened = [c for c in run.cases if c.opened_on >= start]
    followed = sum(1 for c in opened if c.outcome == "action_taken" or any(
        c.opened_on <= day <= c.opened_on + timedelta(days=WINDOW_DAYS)
        for _, day in run.events.get(c.client_id, [])))
    weeks = max(1, len(measured)) / 7
    mean_in_care = sum(run.in_care[i] for i in measured) / max(1, len(measured))
    return {
        "days": run.days, "measured_days": len(measured), "lead_window_days": window,
        "clients": max(run.in_care, default=0),
        "open_cases_per_100_clients": {"median": round(median(per_100), 1) if per_100 else 0.0,
                                       "p90": round(_percentile(per_100, 0.9), 1)},
        "cases_per_100_clients_week": round(100 * len(opened) / max(1.0, mean_in_care) / weeks, 1),
        "sensitivity": round(len(caught) / len(headline), 3) if headline else None,
        "median_lead_days": median(caught) if caught else None,
        "precision_proxy": round(followed / len(opened), 3) if opened else None,
        "events": {kind: len(found) for kind, found in sorted(leads.items())},
        "sensitivity_by_event": {kind: round(sum(x is not None for x in found) / len(found), 3)
                                 for kind, found in sorted(leads.items()) if found},
        "cases_opened": len(opened),
        "open_signals_mean": {rule: round(sum(day.get(rule, 0) for day in (run.open_signals[i] for i in measured))
                                          / max(1, len(measured)), 1)
                              for rule in sorted({r for day in run.open_signals for r in day})},
    }


def table(result: dict[str, Any]) -> str:
    rows = [("days simulated (measured)", f"{result['days']} ({result['measured_days']})"),
            ("clients in care", str(result["clients"])),
            ("open cases per 100 clients, median day", str(result["open_cases_per_100_clients"]["median"])),
            ("open cases per 100 clients, 90th percentile day", str(result["open_cases_per_100_clients"]["p90"])),
            ("cases per 100 clients per week", str(result["cases_per_100_clients_week"])),
            ("sensitivity (admissions, weight loss > 5 %)", str(result["sensitivity"])),
            ("median lead time (days)", str(result["median_lead_days"])),
            ("precision proxy", str(result["precision_proxy"]))]
    rows += [(f"events: {kind}", f"{n} (sensitivity {result['sensitivity_by_event'].get(kind)})")
             for kind, n in result["events"].items()]
    rows += [(f"open signals on a mean day: {rule}", str(n)) for rule, n in result["open_signals_mean"].items()]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)
