"""A cofinancer's own figures (e.g. an insurer's hospital admissions), imported as CSV and
matched to the provider's clients by a keyed-hash pseudonym (``pseudonyms.py``): the
national register number is never stored, only its HMAC under the agreement's key."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class ClientPseudonym(Base):
    """A client's pseudonym under one agreement's key (HMAC-SHA256, hex)."""

    __tablename__ = "client_pseudonyms"
    __table_args__ = (UniqueConstraint("agreement_id", "client_id", name="uq_client_pseudonyms_agreement_client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExternalImport(Base):
    """One imported file of a source, with its reconciliation report (per row: matched,
    unmatched or ambiguous, the reason, and the platform's figure beside the source's)."""

    __tablename__ = "external_imports"
    __table_args__ = (UniqueConstraint("agreement_id", "source", "checksum", name="uq_external_imports_file"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))
    months: Mapped[list[str]]  # the months the file covers: they have data from now on
    checksum: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file: the same file once
    summary: Mapped[dict[str, Any]]
    report: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExternalFigure(Base):
    """A matched row: the source's figure of one measure for one client and month."""

    __tablename__ = "external_figures"
    __table_args__ = (UniqueConstraint("agreement_id", "source", "client_id", "month", "measure",
                                       name="uq_external_figures_cell"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("external_imports.id"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    month: Mapped[str] = mapped_column(String(7))
    measure: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal] = mapped_column(Numeric(14, 2))


class ExternalImportRefusal(Base):
    """A file the import refused (nothing of it was written): who, which agreement and source,
    the file's checksum and row count, and why — the refusal's code and how many of each
    problem — never a row, a pseudonym or a figure."""

    __tablename__ = "external_import_refusals"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))
    checksum: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file, as an import keeps it
    rows: Mapped[int]  # the file's lines after the header, blank ones not counted
    reason: Mapped[str] = mapped_column(String(40))  # domain.import_problems.REASONS
    problems: Mapped[dict[str, Any]]  # problem code -> how many times
    refused_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    refused_at: Mapped[datetime] = mapped_column(default=utcnow)

