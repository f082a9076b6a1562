"""The monthly home stock report's query and rows."""
from __future__ import annotations

from marshmallow import Schema, fields

from nutriplat.schema_fields import MonthField


class HomeReportQuerySchema(Schema):
    month = MonthField(required=True, metadata={"description": "The month, YYYY-MM"})
    client_id = fields.Integer(metadata={"description": "One client only"})


class HomeReportRowSchema(Schema):
    client_id = fields.Integer()
    month = fields.String()
    delivered = fields.Integer(metadata={"description": "Units delivered into the client's appliances"})
    eaten = fields.Integer()
    wasted = fields.Integer(metadata={"description": "Units thrown away at home (recorded waste)"})
    expired = fields.Integer(metadata={"description": "Units written off at home past their expiry date"})
    stock_out_days = fields.Integer(metadata={"description": "Days a planned item the client eats was not at home"})
    expired_percent = fields.Float(metadata={"description": "Expired units per 100 delivered"})
