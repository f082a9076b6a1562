"""An issued outcome settlement becomes money: the provider's invoice to the cofinancer
(a credit note when the statement's total is negative, a clawback outweighing the rest),
in the provider's one numbering series and with the billing rates' VAT. One document per
agreement and period (its natural key): issuing it again returns the same one.

VAT: a result-based payment is a subsidy tied to outcomes, not the price of a supply to
the cofinancer, so its lines carry 0 % by default; a provider's billing rate
``vat.outcome_payment`` is read when it has one (billing's rate list does not offer the
key yet: a provider whose contracts make it consideration for a service needs it added)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.billing import issuing
from nutriplat.billing.domain.lines import lump
from nutriplat.billing.models import Invoice
from nutriplat.billing.rates import rates_on

KIND = "outcome_payment"
DEFAULT_VAT = Decimal("0.00")


def settlement_key(organisation_id: int, agreement_id: int, period: str) -> str:
    return f"settlement:{organisation_id}:{agreement_id}:{period}"


def invoice_settlement(session: Session, organisation_id: int, cofinancer_id: int, agreement_id: int,
                       period: str, month: str, lines: Sequence[tuple[str, Decimal]], today: date,
                       created_by: int | None) -> Invoice | None:
    """The invoice (or credit note) of a settlement's payment lines; None when it pays nothing."""
    key = settlement_key(organisation_id, agreement_id, period)
    existing = session.scalar(select(Invoice).where(Invoice.natural_key == key))
    if existing is not None:
        return existing
    paid = [(description, amount) for description, amount in lines if amount != 0]
    if not paid:
        return None
    vat = rates_on(session, organisation_id, today).get(f"vat.{KIND}", DEFAULT_VAT)
    source = {"agreement_id": agreement_id, "period": period}
    document = "invoice" if sum(amount for _, amount in paid) > 0 else "credit_note"
    cofinancer = session.get(Organisation, cofinancer_id)
    assert cofinancer is not None  # the agreement names it
    return issuing.write(session, organisation_id, document, key, month,
                         issuing.Payer("organisation", cofinancer.id, cofinancer.name),
                         [lump(KIND, f"{description} — {period}", amount, vat, source | {"line": n})
                          for n, (description, amount) in enumerate(paid, start=1)], today,
                         created_by=created_by)
