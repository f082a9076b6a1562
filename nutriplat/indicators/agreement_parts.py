"""The parts of an agreement that a version restates, checked by part before anything is
stored: its indicators (each a stored definition, with how it is measured) and its cohort."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from nutriplat.auth.models import User
from nutriplat.errors import ErrorCollector
from nutriplat.indicators import definitions, method
from nutriplat.indicators.models import IndicatorDefinition
from nutriplat.indicators.policy import POLICY


def stored_cohort(wanted: dict[str, Any] | None) -> dict[str, Any]:
    """A cohort definition as stored: the filters given, dates as ISO text."""
    return {key: value.isoformat() if isinstance(value, date) else value
            for key, value in (wanted or {}).items() if value is not None}


def resolve_indicators(session: Session, organisation_id: int, wanted: list[dict[str, Any]],
                       errors: ErrorCollector) -> list[tuple[IndicatorDefinition, dict[str, Any]]]:
    """The definition of each indicator an agreement (version) lists, with the item; every
    problem named by its part (``indicators.N.code``, ``.data_source``, ``.audit_rule.verified_by``)."""
    found_items, seen = [], set()
    for n, item in enumerate(wanted):
        found = definitions.by_code(session, item["code"], item.get("version"), organisation_id)
        if found is None:
            errors.add(f"indicators.{n}.code",
                       f"No indicator {item['code']} (version {item.get('version') or 'latest'}).")
            continue
        if found.code in seen:
            errors.add(f"indicators.{n}.code", "Listed twice.")
            continue
        seen.add(found.code)
        if (rule := item.get("audit_rule")) and (problem := _verifier_error(session, organisation_id, rule)):
            errors.add(f"indicators.{n}.audit_rule.verified_by", problem)
        if problem := method.source_error(item.get("data_source"), found.numerator, found.denominator):
            errors.add(f"indicators.{n}.data_source", problem)
        found_items.append((found, item))
    if not wanted:
        errors.add("indicators", "An agreement follows at least one indicator.")
    return found_items


def _verifier_error(session: Session, organisation_id: int, rule: dict[str, Any]) -> str | None:
    user = session.get(User, rule["verified_by"])
    return method.verifier_error(None if user is None else (user.organisation_id, user.role, user.is_active),
                                 organisation_id, POLICY.roles("verify_audit"))
