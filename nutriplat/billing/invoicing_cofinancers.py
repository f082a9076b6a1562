"""Bill each cofinancer, once a month, what it pays of its clients' invoices. The
invoice is itemised per agreement and voucher programme with client counts (see
``domain.cofinancer``); each line also goes on the cofinancer's ledger statement."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.billing import issuing
from nutriplat.billing.domain.cofinancer import AllocationRow, cofinancer_lines
from nutriplat.periods import Month
from nutriplat.billing.models import (
    CofinancingAgreement, CofinancingAllocation, Invoice, LedgerEntry, Segment, VoucherProgramme,
)


def cofinancer_key(organisation_id: int, month: Month, cofinancer_id: int) -> str:
    return f"invoice:{organisation_id}:{month}:organisation:{cofinancer_id}"


def _group_name(session: Session, allocation: CofinancingAllocation) -> tuple[int, str]:
    model = CofinancingAgreement if allocation.kind == "share" else VoucherProgramme
    group_id = allocation.agreement_id if allocation.kind == "share" else allocation.programme_id
    group = session.get(model, group_id)
    assert group is not None and group_id is not None
    segment = session.get(Segment, group.segment_id)
    return group_id, f"{group.name} (segment {segment.name if segment else group.segment_id})"


def bill(session: Session, organisation_id: int, month: Month, today: date) -> int:
    pending: dict[int, list[CofinancingAllocation]] = defaultdict(list)
    for allocation in session.scalars(select(CofinancingAllocation).where(
            CofinancingAllocation.organisation_id == organisation_id,
            CofinancingAllocation.cofinancer_invoice_id.is_(None),
            CofinancingAllocation.month <= str(month)).order_by(CofinancingAllocation.id)):
        pending[allocation.cofinancer_id].append(allocation)
    created = 0
    for cofinancer_id, allocations in sorted(pending.items()):
        key = cofinancer_key(organisation_id, month, cofinancer_id)
        if session.scalar(select(Invoice.id).where(Invoice.natural_key == key)) is not None:
            continue  # billed this month already: these wait for next month's invoice
        rows = [AllocationRow(a.kind, *_group_name(session, a), a.month, a.client_id, a.amount)
                for a in allocations]
        cofinancer = session.get(Organisation, cofinancer_id)
        assert cofinancer is not None
        invoice = issuing.write(session, organisation_id, "invoice", key, str(month),
                                issuing.Payer("organisation", cofinancer.id, cofinancer.name),
                                cofinancer_lines(rows), today)
        for allocation in allocations:
            allocation.cofinancer_invoice_id = invoice.id
        session.add_all(LedgerEntry(
            organisation_id=organisation_id, beneficiary_id=cofinancer_id, kind=line.kind,
            direction="receivable", month=str(month), amount=line.amount, quantity=line.source["clients"],
            description=f"{line.description} — invoice {invoice.number}",
            source_key=f"invoice-line:{line.id}")
            for line in invoice.lines)
        created += 1
    return created
