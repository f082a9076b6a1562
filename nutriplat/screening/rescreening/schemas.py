"""Request and response shapes of the rescreening work list."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.screening.rescreening.tasks import STATUSES


class TaskQuerySchema(Schema):
    mine = fields.Boolean(load_default=False, metadata={"description": "Only the tasks assigned to me."})
    status = fields.String(load_default="open", validate=validate.OneOf(STATUSES))


class TaskSchema(Schema):
    id = fields.Integer(attribute="task.id")
    client_id = fields.Integer(attribute="client.id")
    given_name = fields.String(attribute="client.given_name")
    family_name = fields.String(attribute="client.family_name")
    due_on = fields.Date(attribute="task.due_on")
    listed_on = fields.Date(attribute="task.listed_on")
    dietitian_id = fields.Integer(attribute="task.dietitian_id", allow_none=True,
                                  metadata={"description": "Null: no dietitian could be inferred."})
    done_screening_id = fields.Integer(attribute="task.done_screening_id", allow_none=True)
    done_on = fields.Date(attribute="task.done_on", allow_none=True)
