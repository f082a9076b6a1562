"""Invoices and credit notes (immutable once written), their lines, and what each
cofinancer pays of a client's invoice until it is billed to that cofinancer."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow

from .prices import MONEY


class Invoice(Base):
    """One document to one payer (a client or an organisation) for one month.
    ``natural_key`` makes "one invoice per payer per month" a database rule, so a
    second invoicing run (or a concurrent one) cannot add another."""

    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("organisation_id", "number", name="uq_invoices_organisation_number"),
        Index("ix_invoices_organisation_month", "organisation_id", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))  # the issuer
    document_type: Mapped[str] = mapped_column(String(20))  # "invoice" or "credit_note"
    number: Mapped[str] = mapped_column(String(20))
    natural_key: Mapped[str] = mapped_column(String(80), unique=True)
    month: Mapped[str] = mapped_column(String(7))
    payer_type: Mapped[str] = mapped_column(String(20))  # "client" or "organisation"
    payer_client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    payer_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    payer_name: Mapped[str] = mapped_column(String(200))  # as it was when issued
    status: Mapped[str] = mapped_column(String(20))  # issued, sent, paid, credited
    issued_on: Mapped[date]
    subtotal: Mapped[Decimal] = mapped_column(MONEY)
    vat_total: Mapped[Decimal] = mapped_column(MONEY)
    total: Mapped[Decimal] = mapped_column(MONEY)
    gross: Mapped[Decimal] = mapped_column(MONEY)  # before what third parties pay
    vat_breakdown: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{rate, base, vat}] as strings
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_changed_at: Mapped[datetime | None]

    lines: Mapped[list[InvoiceLine]] = relationship(order_by="InvoiceLine.position",
                                                    cascade="all, delete-orphan")


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2))  # percent
    amount: Mapped[Decimal] = mapped_column(MONEY)  # excluding VAT
    source: Mapped[dict[str, Any]]  # plan version, charge, agreement, voucher … it came from
    credits_line_id: Mapped[int | None] = mapped_column(ForeignKey("invoice_lines.id"))


class CofinancingAllocation(Base):
    """What one cofinancer pays of one client's invoice (a share or a voucher). It is
    billed to the cofinancer exactly once: ``cofinancer_invoice_id`` says where."""

    __tablename__ = "cofinancing_allocations"
    __table_args__ = (Index("ix_cofinancing_allocations_cofinancer_billed",
                            "cofinancer_id", "cofinancer_invoice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    cofinancer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[str] = mapped_column(String(20))  # "share" or "voucher"
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("cofinancing_agreements.id"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("voucher_programmes.id"))
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("vouchers.id"))
    month: Mapped[str] = mapped_column(String(7))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    cofinancer_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
