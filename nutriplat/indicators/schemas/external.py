"""Shapes of the pseudonym enrolment and of a cofinancer's imported figures."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


class PersonSchema(Schema):
    client_id = fields.Integer(required=True)
    national_number = fields.String(required=True, load_only=True, validate=validate.Length(min=11, max=20),
                                    metadata={"description": "The national register number: hashed, never stored."})


class EnrolmentSchema(Schema):
    people = fields.List(fields.Nested(PersonSchema), required=True, validate=validate.Length(min=1, max=20_000))


class EnrolledSchema(Schema):
    stored = fields.Integer(metadata={"description": "Clients whose pseudonym was stored or replaced."})


class ImportRequestSchema(Schema):
    source = fields.String(required=True, validate=validate.Length(min=1, max=60),
                           metadata={"description": "The data source the agreement names for its indicators."})
    csv = fields.String(required=True, validate=validate.Length(min=1, max=40_000_000), metadata={
        "description": "The file: header pseudonym,month,measure,value (comma or semicolon); measure: one the "
                       "agreement's indicators counted from this source read (e.g. admissions, ed_visits, "
                       "days_at_home, nursing_home_admissions, service_cost_cents)."})


class ReconciliationRowSchema(Schema):
    line = fields.Integer()
    pseudonym = fields.String()
    month = fields.String()
    measure = fields.String()
    status = fields.String(metadata={"description": "matched, unmatched or ambiguous"})
    reason = fields.String()
    client_id = fields.Integer(allow_none=True)
    source_value = fields.String()
    platform_value = fields.String(allow_none=True)
    difference = fields.String(allow_none=True)
    differs = fields.Boolean(allow_none=True)


class ImportSummarySchema(Schema):
    rows = fields.Integer()
    matched = fields.Integer()
    unmatched = fields.Integer()
    ambiguous = fields.Integer()
    differing = fields.Integer()


class ImportSchema(Schema):
    id = fields.Integer()
    agreement_id = fields.Integer()
    source = fields.String()
    months = fields.List(fields.String())
    checksum = fields.String()
    summary = fields.Nested(ImportSummarySchema)
    imported_at = fields.DateTime()


class ImportListEntrySchema(ImportSchema):
    """A file imported (its match counts) or refused (why; nothing of it was kept)."""
    status = fields.String(metadata={"description": "imported or refused"})
    id = fields.Integer(allow_none=True, metadata={"description": "The import's id (null for a refused file)."})
    refusal_id = fields.Integer(allow_none=True, metadata={"description": "The refusal's id (null for an import)."})
    months = fields.List(fields.String(), allow_none=True)
    summary = fields.Nested(ImportSummarySchema, allow_none=True)
    imported_at = fields.DateTime(allow_none=True)
    rows = fields.Integer(metadata={"description": "The file's rows (after the header)."})
    reason = fields.String(allow_none=True, metadata={
        "description": "Why the file was refused, a stable code: invalid_file, differencing, settled_period, "
                       "duplicate_file, no_pseudonym_key, report_changed or conflict."})
    reason_text = fields.String(allow_none=True, metadata={"description": "The reason in English."})
    problems = fields.Dict(keys=fields.String(), values=fields.Integer(), allow_none=True, metadata={
        "description": "How many of each problem the refusal named, by code (no row, pseudonym or figure)."})
    refused_at = fields.DateTime(allow_none=True)


class ReconciliationSchema(ImportSchema):
    report = fields.List(fields.Nested(ReconciliationRowSchema))


class ReconciliationCellSchema(Schema):
    """One source, measure and month of the reconciliation: aggregates only, small cells null."""
    source = fields.String()
    measure = fields.String()
    month = fields.String()
    rows = fields.Integer(metadata={"description": "The source's rows for the measure and month (its own count)."})
    matched = fields.Integer(allow_none=True)
    unmatched = fields.Integer(allow_none=True)
    ambiguous = fields.Integer(allow_none=True)
    differing = fields.Integer(allow_none=True, metadata={
        "description": "Matched rows whose platform figure differs; null when suppressed or when the platform "
                       "records no such measure."})
    difference = fields.String(allow_none=True, metadata={
        "description": "Σ source − Σ platform over the matched rows compared."})
    suppressed = fields.List(fields.String(), metadata={
        "description": "The figures hidden (fewer than 5 rows behind them)."})
