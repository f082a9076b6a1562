"""The job registry: a job is a name, its period kind, and a function
``(new_uow, period) -> {what: count}`` that calls service functions. Running a job twice
for the same period changes nothing the second time (each job guarantees it)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from typing import Any

from nutriplat.db import UnitOfWork
from nutriplat.periods import Month, last_complete_month

Period = Month | date
JobFunction = Callable[[Callable[[], UnitOfWork], Any], dict[str, int]]


@dataclass(frozen=True)
class Job:
    name: str
    period: str  # "month" or "date"
    target: str  # "package.module:function", imported when the job runs
    description: str

    def function(self) -> JobFunction:
        return load(self.target)

    def default_period(self, today: date) -> Period:
        return last_complete_month(today) if self.period == "month" else today

    def run(self, new_uow: Callable[[], UnitOfWork], period: Period) -> dict[str, int]:
        return self.function()(new_uow, period)


JOBS: dict[str, Job] = {}


def register(job: Job) -> Job:
    if job.period not in ("month", "date"):
        raise ValueError(f"A job runs per month or per date, not per {job.period!r}.")
    JOBS[job.name] = job
    return job


register(Job("invoicing", "month", "nutriplat.billing.jobs:invoicing",
             "Invoices per payer for a complete month; cofinancer invoices; commissions, "
             "fund contributions and royalties on the ledger."))
register(Job("reorder", "date", "nutriplat.delivery.jobs:reorder",
             "Consumption at home for the days before, home delivery orders from the approved plans, "
             "purchase-order proposals for the warehouses."))
register(Job("early-warning", "date", "nutriplat.monitoring.sweep:early_warning",
             "Early-warning rules for every client in care on the data up to the date (alerts merged); "
             "goals judged, healthcoins for goals met."))
register(Job("ward-orders", "date", "nutriplat.delivery.ward_ordering:ward_orders",
             "Each served ward's delivery order per delivery day before its cut-off, from the residents' "
             "approved plans; changes after the cut-off become kitchen tasks."))
register(Job("route-plans", "date", "nutriplat.delivery.plan_parts:route_plans",
             "A route plan per depot with open delivery orders on the date (run at 14:00 for the next day)."))
register(Job("rescreening-worklist", "date", "nutriplat.screening.rescreening.listing:rescreening_worklist",
             "Every client due for a (re)screening on or before the date listed once with their dietitian; "
             "tasks closed by a screening since their listing."))
register(Job("indicator-snapshot", "month", "nutriplat.indicators.snapshots:indicator_snapshot",
             "Each running agreement's suppressed indicator rows for a complete month, stored once."))
register(Job("notification-retries", "date", "nutriplat.notifications.retries:notification_retries",
             "External sends (e-mail, SMS) a provider refused tried again after a doubling pause; after the "
             "last attempt failed for good with the reason (admin: /notifications/deliveries)."))
register(Job("audit-log", "month", "nutriplat.auth.audit_retention:audit_log",
             "The audit log's monthly partitions for the months ahead (PostgreSQL); entries older than "
             "the retention (NUTRIPLAT_AUDIT_RETENTION_YEARS, default 30) removed."))


def load(target: str) -> Any:
    """The function a ``"package.module:function"`` target names, imported now."""
    module, _, attribute = target.partition(":")
    return getattr(import_module(module), attribute)


def parse_period(kind: str, key: str) -> Period:
    """A period back from its key (``"2026-11"`` or ``"2026-12-07"``), as a queued part carries it."""
    return Month.parse(key) if kind == "month" else date.fromisoformat(key)


@dataclass(frozen=True)
class FanOut:
    """A job split into parts that may run in worker processes: ``parts`` lists a period's
    part keys (a slice of the client ids, a depot, a provider), ``part`` does one part in its
    own transactions, ``finish`` what needs every part done (totals, central steps). Each
    part runs once per period, as a job does (its run is ``job_runs`` row "job/part")."""

    parts: str  # (new_uow, period) -> list[str]
    part: str  # (new_uow, period, key) -> {what: count}
    finish: str | None = None  # (new_uow, period) -> {what: count}


FAN_OUTS: dict[str, FanOut] = {}


def register_fan_out(name: str, fan_out: FanOut) -> FanOut:
    if name not in JOBS:
        raise ValueError(f"No job {name!r} to split into parts.")
    FAN_OUTS[name] = fan_out
    return fan_out


# The nightly jobs whose work is split into parts (issue 22): worker processes share them
# when a work queue is configured.
register_fan_out("early-warning", FanOut("nutriplat.monitoring.sweep:early_warning_parts",
                                         "nutriplat.monitoring.sweep:early_warning_part",
                                         "nutriplat.monitoring.sweep:review_goals_job"))
register_fan_out("reorder", FanOut("nutriplat.delivery.nightly_reorder:reorder_parts",
                                   "nutriplat.delivery.jobs:reorder_part", "nutriplat.delivery.jobs:reorder_finish"))
register_fan_out("rescreening-worklist", FanOut("nutriplat.screening.rescreening.listing:worklist_parts",
                                                "nutriplat.screening.rescreening.listing:worklist_part",
                                                "nutriplat.screening.rescreening.listing:still_open"))
register_fan_out("route-plans", FanOut("nutriplat.delivery.plan_parts:route_plan_parts",
                                        "nutriplat.delivery.plan_parts:route_plan_part"))
register_fan_out("invoicing", FanOut("nutriplat.billing.invoicing_run:parts",
                                     "nutriplat.billing.invoicing_run:invoice_part",
                                     "nutriplat.billing.invoicing_run:finish"))
