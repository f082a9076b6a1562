"""``nutriplat plans``: meal planning from the command line."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext

from nutriplat.auth.actor import SYSTEM
from nutriplat.mealplans.batch import plan_all


def _monday(_ctx: click.Context, _param: click.Parameter, value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD).") from None
    if day.weekday() != 0:
        raise click.BadParameter(f"{value} is a {day.strftime('%A')}; give the Monday of the week.")
    return day


def sized(bar: Any) -> Callable[[int], Callable[[int], None]]:
    """A ``start(total)`` callback for plan_all that sizes a click progress bar."""
    def start(total: int) -> Callable[[int], None]:
        bar.length = max(total, 1)
        return bar.update
    return start


@click.group("plans")
def plans() -> None:
    """Weekly meal plans."""


@plans.command("generate")
@click.option("--week", required=True, callback=_monday, help="The Monday of the week (YYYY-MM-DD).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 16),
              help="Worker processes solving in parallel.")
@with_appcontext
def generate(week: date, workers: int) -> None:
    """Draft the week's plan for every active client who has none yet."""
    factory = current_app.extensions["nutriplat"].session_factory
    with click.progressbar(length=1, label="Planning", show_pos=True) as bar:
        report = plan_all(factory, SYSTEM, week, workers, start=sized(bar))
    click.echo(report.summary())
    for client_id, reason in sorted(report.failed.items()):
        click.echo(f"  client {client_id}: {reason}")
