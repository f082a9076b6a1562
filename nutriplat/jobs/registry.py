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
        module, _, attribute = self.target.partition(":")
        return getattr(import_module(module), attribute)

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
register(Job("route-plans", "date", "nutriplat.delivery.jobs:route_plans",
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
