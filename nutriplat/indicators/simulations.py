"""Simulate an agreement version before (or after) it is signed: its payment rules over
scenario draws (``domain/simulation.py``) or over the agreement's past periods. Past
periods are settled on paper from their frozen reports exactly as a settlement would be,
so every figure drawn from real periods is suppressed as the cofinancer's report is, and a
period whose rules need a hidden or missing figure is left out, named with its reason."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, InvalidInput
from nutriplat.indicators import frozen, report_computation, scope, statement_calculation
from nutriplat.indicators.agreements import RESOURCE, load_agreement
from nutriplat.indicators.domain import simulation as sim
from nutriplat.indicators.models import Agreement, AgreementVersion
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reports import published
from nutriplat.indicators.settlement_snapshot import build_snapshot
from nutriplat.indicators.terms import ADMISSIONS, COST, needed_figures
from nutriplat.periods import Period

MONTHS = {"month": 1, "quarter": 3, "year": 12}


def money(value: Decimal) -> str:
    return f"{value.quantize(sim.CENT)}"


def simulate(uow: UnitOfWork, actor: Actor, agreement_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "simulate")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        version = _version(agreement, data.get("version"))
        rules = version.terms["payment_rules"]
        if data["source"] == "past_periods":
            found = _past_periods(uow.session, agreement, version)
        else:
            found = _scenario(uow.session, agreement, version, data)
        audit.record(uow.session, actor, "simulate", RESOURCE, agreement.id,
                     detail={"version": version.version, "source": data["source"], "draws": data["draws"]},
                     organisation_id=agreement.organisation_id)
        uow.commit()
    return {"agreement_id": agreement.id, "version": version.version, "source": data["source"],
            "seed": data["seed"], "rules": len(rules), **found}


def _version(agreement: Agreement, number: int | None) -> AgreementVersion:
    chosen = [v for v in agreement.versions if number is None or v.version == number]
    if not chosen:
        raise InvalidInput("No such version.", {"version": [f"The agreement has versions 1 to "
                                                           f"{len(agreement.versions)}."]})
    return chosen[-1]


def _baselines(session: Session, agreement: Agreement) -> tuple[dict[str, report_computation.Row], int]:
    baseline, today = Period.parse(agreement.baseline_period), business_today()
    if not baseline.is_complete(today):
        return {}, 0
    made = frozen.period_reports(session, agreement, [baseline], today)[baseline.label]
    return {row.indicator: row for row in made.rows if not row.disaggregation}, made.cohort_clients


def _scenario(session: Session, agreement: Agreement, version: AgreementVersion,
              data: dict[str, Any]) -> dict[str, Any]:
    rows, cohort = _baselines(session, agreement)
    measured = scope.of_version(session, agreement, version)  # the version's own indicators and targets
    definitions, terms = {d.code: d for d in measured.definitions()}, version.terms
    codes = {code for code, _ in needed_figures(terms["payment_rules"])}
    if any(rule["kind"] == "shared_savings" for rule in terms["payment_rules"]):
        codes |= {COST} | ({ADMISSIONS} if ADMISSIONS in definitions else set())
    errors, indicators = ErrorCollector(), {}
    for code in sorted(codes):
        given, row = data["baselines"].get(code), rows.get(code)
        known = row.value if row is not None else None
        if given is None and known is None:
            errors.add(f"baselines.{code}", "The baseline report shows no value for it (suppressed, no data or "
                                            "not closed yet): give the value to simulate from.")
            continue
        d = definitions[code]
        denominator = row.denominator if row is not None and known is not None else None
        share = float(denominator) / cohort if denominator and cohort else 1.0
        target = measured.targets().get(code)
        indicators[code] = sim.Indicator(code, float(given if given is not None else known),  # type: ignore[arg-type]
                                         d.higher_is_better, float(d.multiplier), d.counts_clients(),
                                         min(share, 1.0), None if target is None else float(target))
    errors.raise_if_any("The scenario cannot be simulated.")
    scenario = sim.Scenario(data.get("cohort_size") or cohort or 100, data["expected_improvement"], data["spread"],
                            MONTHS[agreement.settlement_period], data["first_period"])
    draws, seed, rules = data["draws"], data["seed"], terms["payment_rules"]
    paid = sim.payments(rules, indicators, scenario, draws, seed)
    return {"draws": draws, "cohort_size": scenario.cohort_size, **_distribution(paid),
            "risk": _money_tree(sim.risks(paid["total"])),
            "sensitivity": _money_tree(sim.sensitivity(rules, indicators, scenario, draws, seed)),
            "histogram": sim.histogram(paid["total"])}


def _distribution(paid: dict[str, np.ndarray]) -> dict[str, Any]:
    total = {key: money(value) for key, value in sim.summary(paid["total"]).items()}
    lines = [{"rule": key, **{k: money(v) for k, v in sim.summary(values).items()}}
             for key, values in paid.items() if key != "total"]
    return {**total, "lines": lines}


def _money_tree(found: Any) -> Any:
    """Amounts (Decimal) as euro strings; probabilities, dial values and counts stay numbers."""
    if isinstance(found, dict):
        return {k: money(v) if isinstance(v, Decimal) else _money_tree(v) for k, v in found.items()}
    if isinstance(found, list):
        return [_money_tree(item) for item in found]
    return found


def _past_periods(session: Session, agreement: Agreement, version: AgreementVersion) -> dict[str, Any]:
    """The version's rules over each closed reporting period, from the frozen reports."""
    baseline, periods = published(agreement)
    today, totals, skipped = business_today(), [], []
    for period in [p for p in periods if p != baseline and p.is_complete(today)]:
        try:
            snapshot = build_snapshot(session, agreement, period, version)
        except (Conflict, InvalidInput) as refused:
            skipped.append({"period": period.label, "reason": refused.message})
            continue
        totals.append({"period": period.label, "total": statement_calculation.calculate(snapshot)["total"]})
    if not totals:
        raise InvalidInput("No past period can be settled on paper.",
                           {"source": [f"{s['period']}: {s['reason']}" for s in skipped] or ["No period has closed."]})
    values = np.array([sim.cents(t["total"]) for t in totals], dtype=np.int64)
    return {"draws": len(totals), **{k: money(v) for k, v in sim.summary(values).items()},
            "periods": totals, "skipped": skipped, "risk": _money_tree(sim.risks(values))}
