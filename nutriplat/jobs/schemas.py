"""The job runs' API shapes."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from nutriplat.jobs.models import OUTCOMES, JobRun


class JobRunSchema(Schema):
    id = fields.Integer()
    job = fields.String()
    period = fields.String(attribute="period_key", metadata={"description": "YYYY-MM-DD or YYYY-MM."})
    attempt = fields.Integer()
    outcome = fields.String(metadata={"description": "running, succeeded or failed"})
    trigger = fields.String(metadata={"description": "schedule, catch-up, cli or simulation"})
    runner = fields.String(metadata={"description": "host:pid of the process that ran it"})
    started_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)
    duration_s = fields.Method("_duration", allow_none=True)
    counts = fields.Dict(allow_none=True)
    error = fields.Method("_error", allow_none=True,
                          metadata={"description": "What failed; the traceback is in the scheduler's log."})

    def _duration(self, run: JobRun) -> Any:
        return round((run.finished_at - run.started_at).total_seconds(), 3) if run.finished_at else None

    def _error(self, run: JobRun) -> Any:
        return run.error.splitlines()[0] if run.error else None


class JobRunQuerySchema(Schema):
    job = fields.String(validate=validate.Length(min=1, max=40))
    outcome = fields.String(validate=validate.OneOf(OUTCOMES))
    period = fields.String(validate=validate.Regexp(r"^\d{4}-\d{2}(-\d{2})?$", error="Use YYYY-MM-DD or YYYY-MM."))
