"""``nutriplat jobs list`` / ``jobs run invoicing --month``, and money stored exactly."""
from datetime import date
from decimal import Decimal as D

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import select

from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.billing import plans, subscriptions
from nutriplat.billing.models import PlanVersion
from nutriplat.cli import main as cli
from nutriplat.clients import services as client_services


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(cli, list(args), obj=ScriptInfo(create_app=lambda: app))


@pytest.fixture
def subscribed(uow):
    org = auth_services.create_organisation(uow, "Provider J", "provider", SYSTEM).id
    staff = Actor(None, "t", "admin", org)
    plan = plans.create_plan(uow, staff, {"code": "std", "name": "Standard", "version": {
        "effective_from": date(2026, 1, 1), "meals_per_week": 14, "package_price": D("9999999.99"),
        "information_platform_price": D("0.10"), "coaching_tool_price": D("0.01")}})
    client = client_services.create_client(uow, staff, {
        "given_name": "Jan", "family_name": "Test", "birth_date": date(1940, 1, 1), "sex": "male",
        "care_setting": "home"})
    subscriptions.create_subscription(uow, staff, client.id,
                                      {"plan_id": plan.id, "start_date": date(2026, 9, 1)})
    return plan


def test_jobs_are_listed_with_their_period(run):
    result = run("jobs", "list")
    assert result.exit_code == 0 and "invoicing" in result.output and "--month" in result.output


def test_invoicing_runs_once_per_month(run, subscribed):
    first = run("jobs", "run", "invoicing", "--month", "2026-10")
    assert first.exit_code == 0, first.output
    assert "invoicing 2026-10: 1 client invoices." in first.output
    second = run("jobs", "run", "invoicing", "--month", "2026-10")
    assert second.exit_code == 0 and "nothing to do" in second.output


def test_bad_periods_and_names_are_one_clear_line(run):
    for args, words in ((("--month", "2026-13"), "YYYY-MM"), (("--date", "2026-10-01"), "--month"),
                        (("--month", "2999-01"), "not complete")):
        result = run("jobs", "run", "invoicing", *args)
        assert result.exit_code != 0 and words in result.output and "Traceback" not in result.output
    unknown = run("jobs", "run", "payroll")
    assert unknown.exit_code == 2 and "invoicing" in unknown.output


def test_money_is_stored_and_read_back_exactly(uow, subscribed):
    with uow:
        version = uow.session.scalar(select(PlanVersion).where(PlanVersion.plan_id == subscribed.id))
        amounts = (version.package_price, version.information_platform_price, version.coaching_tool_price)
    assert amounts == (D("9999999.99"), D("0.10"), D("0.01"))
    assert all(isinstance(a, D) and a.as_tuple().exponent == -2 for a in amounts)
