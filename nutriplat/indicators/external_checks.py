"""The checks a cofinancer's file passes before anything of it is written: its layout and
measures (``external_csv``) — by month, as the agreement version in force for the month
counts them from the source — its source and months against the agreement, and — once
reconciled — that no month's published summary moves by a few rows (``summary_changes``).
Each refusal carries its stable codes (``domain.import_problems``)."""
from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import Conflict, InvalidInput
from nutriplat.indicators import external_csv, method, scope
from nutriplat.indicators.domain import summary_changes
from nutriplat.indicators.domain.import_problems import DIFFERENCING, INVALID_FILE, Problem, refused
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.models.external import ExternalImport
from nutriplat.indicators.suppression import THRESHOLD
from nutriplat.indicators.vocabulary import MEASURES, measures_of
from nutriplat.periods import Period


def checked_rows(session: Session, agreement: Agreement, source: str, text: str) -> list[external_csv.SourceRow]:
    """The file's rows, or one 422 naming every problem of every row."""
    scopes = scope.of_each_version(session, agreement)
    agreed = agreed_sources(scopes)
    # an unknown source is its own error: its rows' measures are not judged against it
    rows, problems = external_csv.parse(text, accepted_measures(session, agreement, source) if source in agreed
                                        else lambda _month: MEASURES)
    if source not in agreed:
        problems["source"] = [Problem("source_unknown", {"sources": ", ".join(sorted(agreed)) or "none"})]
    first, last = f"{agreement.starts_on:%Y-%m}", f"{agreement.ends_on:%Y-%m}"
    for row in rows:
        if not first <= row.month <= last and row.month != agreement.baseline_period[:7]:
            problems.setdefault(f"rows.{row.line}.month", []).append(
                Problem("month_outside", {"first": first, "last": last}))
    if problems:
        raise refused(InvalidInput, "The file cannot be imported; nothing was written.", problems, INVALID_FILE)
    return rows


def agreed_sources(scopes: list[scope.Scope]) -> set[str]:
    """The sources other than the platform that some version counts an indicator from."""
    return {item.data_source for measured in scopes for item in measured.indicators} - {method.NATIVE}


def accepted_measures(session: Session, agreement: Agreement, source: str) -> external_csv.Accepted:
    """By month, the measures a file of the source may carry: those the indicators counted
    from it read in the version in force for the month (a month before a renegotiation takes
    the old version's, after it the new one's); for a malformed month, any version's."""
    @functools.cache
    def of_month(month: str | None) -> frozenset[str]:
        scopes = [scope.of_period(session, agreement, Period.parse(month))] if month else \
            scope.of_each_version(session, agreement)
        return frozenset(name for measured in scopes for item in measured.indicators if item.data_source == source
                         for name in measures_of(item.definition.numerator, item.definition.denominator))
    return of_month


def refuse_differencing(session: Session, agreement: Agreement, source: str, report: list[dict[str, Any]]) -> None:
    """A month's summary may not move by a few rows from any published before (``summary_changes``)."""
    months = {entry["month"] for entry in report}
    shared = [found for found, covered in session.execute(select(ExternalImport.id, ExternalImport.months).where(
        ExternalImport.agreement_id == agreement.id, ExternalImport.source == source)) if months & set(covered)]
    # one earlier report in memory at a time: a file may hold hundreds of thousands of rows
    earlier = (session.scalar(select(ExternalImport.report).where(ExternalImport.id == found)) or []
               for found in shared)
    if problems := summary_changes.refusals(earlier, report):
        raise refused(Conflict, "The file would change a month's published reconciliation by fewer than "
                      f"{THRESHOLD} rows; nothing was written.", {"file": problems}, DIFFERENCING)
