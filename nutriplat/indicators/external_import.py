"""Import a cofinancer's figures for an agreement and reconcile them with the platform's.

The provider's admin first enrols the cohort's clients: their national register numbers go
in, only the keyed hash under the agreement's key is stored (``pseudonyms.py``). A file
from the source (``external_csv.py``) is checked (``external_checks.py``), then matched row
by row on that pseudonym — matched (one client), unmatched (none), ambiguous (several clients share it) — and each
matched row is set beside the platform's own figure for that client and month. Nothing is
written unless every row of the file is valid; the matched figures then stand in for the
platform's where the agreement names the source (``external_figures.py``)."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, InvalidInput
from nutriplat.indicators import external_checks, external_csv, external_refusals, measures, pseudonyms, sources
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.domain.import_problems import DUPLICATE, NO_KEY, Problem, refused
from nutriplat.indicators.external_refreeze import refreeze, refuse_settled
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.models.external import ClientPseudonym, ExternalFigure, ExternalImport
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.vocabulary import EXTERNAL_ONLY, MEASURES, WHOLE
from nutriplat.periods import Period

RESOURCE = "external_import"


def _key(agreement: Agreement) -> bytes:
    secret = pseudonyms.secret()
    if secret is None:
        raise refused(Conflict, "No pseudonym key is configured, so nothing can be matched.",
                      {"agreement_id": [Problem("no_key", {"variable": pseudonyms.KEY_ENV})]}, NO_KEY)
    return pseudonyms.agreement_key(secret, agreement.id)


def enrol(uow: UnitOfWork, actor: Actor, agreement_id: int, people: Sequence[dict[str, Any]]) -> int:
    """Store each client's pseudonym (never the number); how many were stored or replaced."""
    POLICY.check(actor, "enrol_pseudonyms")
    with uow:
        session = uow.session
        agreement = load_agreement(session, actor, agreement_id)
        key, errors = _key(agreement), ErrorCollector()
        known = set(session.scalars(select(Client.id).where(
            Client.organisation_id == agreement.organisation_id,
            Client.id.in_([person["client_id"] for person in people]))))
        for n, person in enumerate(people):
            if person["client_id"] not in known:
                errors.add(f"people.{n}.client_id", f"No client {person['client_id']} of the provider.")
            if problem := pseudonyms.national_number_error(person["national_number"]):
                errors.add(f"people.{n}.national_number", problem)
        errors.raise_if_any("The pseudonyms cannot be stored.")
        stored = {row.client_id: row for row in session.scalars(select(ClientPseudonym).where(
            ClientPseudonym.agreement_id == agreement.id))}
        for person in people:
            row = stored.get(person["client_id"]) or ClientPseudonym(agreement_id=agreement.id,
                                                                     client_id=person["client_id"])
            row.pseudonym, row.created_by = pseudonyms.pseudonym(key, person["national_number"]), actor.user_id
            session.add(row)
        audit.record(session, actor, "enrol_pseudonyms", RESOURCE, agreement.id,
                     detail={"clients": len(people)}, organisation_id=agreement.organisation_id)
        uow.commit()
        return len(people)


def import_figures(uow: UnitOfWork, actor: Actor, agreement_id: int, source: str, text: str) -> ExternalImport:
    """Every refusal of the file is logged (``external_refusals``) though nothing of it is written."""
    POLICY.check(actor, "import_external")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        try:
            done = _import(uow.session, actor, agreement, source, text)
        except (InvalidInput, Conflict) as refusal:
            external_refusals.record(uow.session, actor, agreement, source, text, refusal)
            raise
        uow.commit()
        return done


def _import(session: Session, actor: Actor, agreement: Agreement, source: str, text: str) -> ExternalImport:
    rows = external_checks.checked_rows(session, agreement, source, text)
    _key(agreement)  # the same key must have made the stored pseudonyms
    checksum = hashlib.sha256(text.encode()).hexdigest()
    months = sorted({row.month for row in rows})
    refuse_settled(session, agreement, months)
    report = reconcile(session, agreement, rows)
    external_checks.refuse_differencing(session, agreement, source, report)
    done = ExternalImport(agreement_id=agreement.id, source=source, months=months, checksum=checksum,
                          summary=summary(report), report=report, imported_by=actor.user_id)
    if session.scalar(select(ExternalImport.id).where(ExternalImport.agreement_id == agreement.id,
                                                      ExternalImport.source == source,
                                                      ExternalImport.checksum == checksum)):
        raise refused(Conflict, "This file was imported already.", {"file": [Problem("duplicate")]}, DUPLICATE)
    session.add(done)
    session.flush()
    # a later file of the same months replaces the source's figures for them
    session.execute(delete(ExternalFigure).where(ExternalFigure.agreement_id == agreement.id,
                                                 ExternalFigure.source == source,
                                                 ExternalFigure.month.in_(months)))
    session.add_all(ExternalFigure(import_id=done.id, agreement_id=agreement.id, source=source,
                                   client_id=entry["client_id"], month=entry["month"],
                                   measure=entry["measure"], value=entry["source_value"])
                    for entry in report if entry["status"] == "matched")
    session.flush()
    refreeze(session, agreement, months, business_today())
    audit.record(session, actor, "import", RESOURCE, done.id, detail={"agreement_id": agreement.id,
                 "source": source, "rows": len(rows)}, organisation_id=agreement.organisation_id)
    return done


def reconcile(session: Session, agreement: Agreement, rows: Sequence[external_csv.SourceRow]) -> list[dict[str, Any]]:
    """Per row: matched / unmatched / ambiguous with the reason, and for a matched row the
    platform's figure beside the source's."""
    clients_of: dict[str, list[int]] = defaultdict(list)
    for pseudonym, client_id in session.execute(select(ClientPseudonym.pseudonym, ClientPseudonym.client_id).where(
            ClientPseudonym.agreement_id == agreement.id)):
        clients_of[pseudonym].append(client_id)
    external_only = {name for name, source in MEASURES.items() if source in EXTERNAL_ONLY}
    matched = [row for row in rows if len(clients_of[row.pseudonym]) == 1 and row.measure not in external_only]
    platform = _platform_figures(session, agreement, {clients_of[r.pseudonym][0] for r in matched},
                                 sorted({r.month for r in matched}), sorted({r.measure for r in matched}))
    report = []
    for row in rows:
        entry: dict[str, Any] = {"line": row.line, "pseudonym": row.pseudonym, "month": row.month,
                                 "measure": row.measure, "source_value": str(row.value), "client_id": None,
                                 "platform_value": None, "difference": None, "differs": None}
        owners = clients_of[row.pseudonym]
        if not owners:
            entry |= {"status": "unmatched", "reason": "No client of the agreement has this pseudonym."}
        elif len(owners) > 1:
            entry |= {"status": "ambiguous", "reason": f"{len(owners)} clients share this pseudonym."}
        else:
            entry |= {"status": "matched", "client_id": owners[0]}
            if row.measure in external_only:
                entry["reason"] = "The platform records no such figure: the source's counts."
            else:
                mine = platform.get((owners[0], row.month, row.measure), 0)
                differs = row.value != mine
                entry |= {"platform_value": str(mine), "difference": str(row.value - mine), "differs": differs,
                          "reason": "The platform records a different figure." if differs else "Both agree."}
        report.append(entry)
    return report


def _platform_figures(session: Session, agreement: Agreement, client_ids: set[int], months: list[str],
                      wanted: list[str]) -> dict[tuple[int, str, str], Decimal]:
    if not client_ids:
        return {}
    periods = [Period.parse(month) for month in months]
    prep = measures.prepare(sources.load(session, agreement.organisation_id, periods, business_today()))
    cohort = pd.Index(sorted(client_ids & set(prep.src.clients.index)))
    figures = {}
    for period in periods:
        frame = measures.client_frame(prep, cohort, period)
        for measure in wanted:
            for client_id, value in zip(frame.index.tolist(), frame[measure].tolist(), strict=True):
                figures[(int(client_id), period.label, measure)] = _exact(measure, value)
    return figures


def _exact(measure: str, value: float) -> Decimal:
    # counts as whole numbers; client-months and kilograms to the source's two decimals
    return Decimal(int(value)) if measure in WHOLE else Decimal(str(round(float(value), 2)))


def summary(report: Sequence[dict[str, Any]]) -> dict[str, int]:
    counts = {status: sum(entry["status"] == status for entry in report)
              for status in ("matched", "unmatched", "ambiguous")}
    return {"rows": len(report), **counts, "differing": sum(bool(entry["differs"]) for entry in report)}
