"""The driver's manifest of a route."""
from __future__ import annotations

from marshmallow import Schema, fields

from nutriplat.delivery.schemas.plans import PlannedRouteSchema, Stamp, TimeWindowSchema
from nutriplat.delivery.schemas.proofs import ProofViewSchema


class ManifestItemSchema(Schema):
    order_id = fields.Integer()
    dish = fields.String()
    variant_id = fields.Integer()
    quantity = fields.Integer()
    storage_class = fields.String()
    texture = fields.String(metadata={"description": "IDDSI axis and level, e.g. food:5"})
    lot_id = fields.Integer(allow_none=True)
    litres = fields.Float()
    allergens = fields.List(fields.String())


class ManifestCrateSchema(Schema):
    ward_id = fields.Integer()
    ward = fields.String()
    items = fields.List(fields.Nested(ManifestItemSchema))


class ManifestEquipmentSchema(Schema):
    task_id = fields.Integer()
    kind = fields.String(metadata={"description": "install, collect, or fetch (a broken asset, for repair)"})
    asset_kind = fields.String()
    serial_number = fields.String()
    model = fields.String()


class ManifestCollectSchema(Schema):
    pickup_id = fields.Integer()
    recall_id = fields.Integer()
    units = fields.Integer()
    dish = fields.String()
    lot = fields.String(metadata={"description": "The supplier's lot code printed on the pack."})
    status = fields.String(metadata={"description": "planned, done or missed"})


class ManifestRedeliverySchema(Schema):
    order_id = fields.Integer(metadata={"description": "The redelivery order on this stop."})
    redelivery_of = fields.Integer(metadata={"description": "The order that found nobody home."})
    missed_on = fields.Date(metadata={"description": "The day nobody was home."})


class ManifestStopSchema(Schema):
    id = fields.Integer()
    sequence = fields.Integer()
    eta = Stamp()
    window = fields.Nested(TimeWindowSchema)
    order_ids = fields.List(fields.Integer())
    task_ids = fields.List(fields.Integer(), metadata={"description": "Equipment installs and collections."})
    pickup_ids = fields.List(fields.Integer(), metadata={"description": "A recall's collect lines (pick-ups)."})
    client_id = fields.Integer(allow_none=True, metadata={"description": "Null at a facility's site."})
    site_id = fields.Integer(allow_none=True, metadata={"description": "A care facility's site (null at a home)."})
    crates = fields.List(fields.Nested(ManifestCrateSchema), metadata={
        "description": "At a facility's site: a crate per ward, what it holds per dish and lot."})
    name = fields.String()
    facility_name = fields.String(metadata={"description": "At a facility's site: the care facility."})
    site_name = fields.String(metadata={"description": "At a facility's site: the building delivered."})
    phone = fields.String(allow_none=True)
    address = fields.Dict(keys=fields.String(), values=fields.String(allow_none=True))
    location = fields.Dict(keys=fields.String(), values=fields.Float())
    access_notes = fields.String(allow_none=True, metadata={"description": "The client's delivery notes."})
    texture = fields.Dict(keys=fields.String(), values=fields.String())
    allergies = fields.List(fields.String(), metadata={"description": "The client's allergies."})
    allergens_on_board = fields.List(fields.String())
    frozen_litres = fields.Float()
    chilled_litres = fields.Float()
    outcome = fields.String(allow_none=True)
    items = fields.List(fields.Nested(ManifestItemSchema))
    equipment = fields.List(fields.Nested(ManifestEquipmentSchema), metadata={
        "description": "Freezers and ovens to install or collect at the stop."})
    collect = fields.List(fields.Nested(ManifestCollectSchema), metadata={
        "description": "A recall's units to take back at the stop."})
    proof = fields.Nested(ProofViewSchema, allow_none=True, metadata={
        "description": "Proof of delivery, once confirmed."})
    redeliveries = fields.List(fields.Nested(ManifestRedeliverySchema), metadata={
        "description": "At a home: the orders on this stop that bring again what found nobody home."})


class ManifestRouteSchema(PlannedRouteSchema):
    freezer_capacity_litres = fields.Float()
    chilled_capacity_litres = fields.Float()

    class Meta:
        exclude = ("stops",)


class ManifestSchema(Schema):
    plan_id = fields.Integer()
    date = fields.Date()
    published = fields.Boolean()
    depot = fields.Dict()
    route = fields.Nested(ManifestRouteSchema)
    stops = fields.List(fields.Nested(ManifestStopSchema))
