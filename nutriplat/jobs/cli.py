"""``nutriplat jobs list`` and ``nutriplat jobs run NAME [--month YYYY-MM | --date YYYY-MM-DD]``."""
from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from nutriplat.clock import business_today
from nutriplat.jobs import runner
from nutriplat.jobs.registry import JOBS, Period
from nutriplat.periods import Month


@click.group("jobs")
def jobs() -> None:
    """Named jobs, idempotent per period: a second run changes nothing."""


@jobs.command("list")
def list_jobs() -> None:
    """The jobs and the period each runs for."""
    width = max((len(name) for name in JOBS), default=0) + 2
    for job in JOBS.values():
        click.echo(f"{job.name:<{width}}{'--' + job.period:<9}{job.description}")


def _period(period_kind: str, month: str | None, day: datetime | None) -> Period | None:
    if period_kind == "month":
        if day is not None:
            raise click.UsageError("This job runs per month: use --month YYYY-MM.")
        try:
            return Month.parse(month) if month else None
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--month") from error
    if month is not None:
        raise click.UsageError("This job runs per date: use --date YYYY-MM-DD.")
    return day.date() if day else None


@jobs.command("run")
@click.argument("name")
@click.option("--month", default=None, help="YYYY-MM, for monthly jobs (default: the last complete month).")
@click.option("--date", "day", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="YYYY-MM-DD, for daily jobs (default: today).")
@with_appcontext
def run_job(name: str, month: str | None, day: datetime | None) -> None:
    """Run one job for one period, recorded in the job runs; a period that already
    succeeded is not run again. Runs once: the scheduler is the one that retries."""
    job = JOBS.get(name)
    if job is None:
        raise click.UsageError(f"No job '{name}'. Jobs: {', '.join(JOBS)}.")
    period = _period(job.period, month, day) or job.default_period(business_today())
    factory = current_app.extensions["nutriplat"].session_factory
    result = runner.run_job(factory, name, period, trigger="cli", policy=runner.RetryPolicy(retries=0))
    if result.outcome == "failed":
        raise click.ClickException(f"{name} {result.period_key} failed: {result.reason}")
    click.echo(result.describe())


@jobs.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
@with_appcontext
def worker(burst: bool) -> None:
    """A worker process of the work queue (NUTRIPLAT_QUEUE_URL): runs route solves until SIGTERM.
    Run as many as the machine has cores to spare; the web processes only enqueue."""
    from nutriplat import queue
    from nutriplat.jobs.worker import run_worker

    url = queue.queue_url()
    if url is None:
        raise click.UsageError(f"No work queue: set {queue.QUEUE_URL} (e.g. redis://127.0.0.1:6379/0).")
    run_worker(current_app.extensions["nutriplat"].session_factory, url, burst=burst)
