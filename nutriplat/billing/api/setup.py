"""/billing: the price list (plans, tariffs, rates) and the rules billing applies
(segments, cofinancing agreements, referral schemes, licensed products). Admins only,
except that dietitians read plans and tariffs to subscribe clients."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.billing import cofinancing, plans, rates, referrals, royalties, segments
from nutriplat.billing.policy import POLICY
from nutriplat.billing.schemas import cofinancing as cs
from nutriplat.billing.schemas import ledger as ls
from nutriplat.billing.schemas import prices as ps
from nutriplat.clock import business_today
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("billing_setup", __name__, url_prefix="/api/v1/billing",
                description="Billing: price list, segments, cofinancing, referral and royalty rules")


@blp.route("/plans")
class Plans(MethodView):
    @roles_required(*POLICY.roles("list_plans"))
    @blp.response(200, ps.BillingPlanSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Plans with every price version"""
        return plans.list_plans(uow(), actor())

    @roles_required(*POLICY.roles("create_plan"))
    @blp.arguments(ps.BillingPlanSchema)
    @blp.response(201, ps.BillingPlanSchema)
    def post(self, body):
        """Create a plan (bundle) with its first price version"""
        return plans.create_plan(uow(), actor(), body)


@blp.route("/plans/<int:plan_id>/versions")
class PlanVersions(MethodView):
    @roles_required(*POLICY.roles("add_plan_version"))
    @blp.arguments(ps.BillingPlanVersionSchema)
    @blp.response(201, ps.BillingPlanSchema)
    def post(self, body, plan_id):
        """New prices from a month on; months already invoiced keep theirs"""
        return plans.add_plan_version(uow(), actor(), plan_id, body)


@blp.route("/tariffs")
class Tariffs(MethodView):
    @roles_required(*POLICY.roles("list_tariffs"))
    @blp.response(200, ps.TariffSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Rental (per appliance a month) and add-on (per unit) tariffs"""
        return plans.list_tariffs(uow(), actor())

    @roles_required(*POLICY.roles("create_tariff"))
    @blp.arguments(ps.TariffSchema)
    @blp.response(201, ps.TariffSchema)
    def post(self, body):
        """Create a tariff with its first price"""
        return plans.create_tariff(uow(), actor(), body)


@blp.route("/tariffs/<int:tariff_id>/prices")
class TariffPrices(MethodView):
    @roles_required(*POLICY.roles("add_tariff_price"))
    @blp.arguments(ps.TariffPriceSchema)
    @blp.response(201, ps.TariffSchema)
    def post(self, body, tariff_id):
        """A new price from a month on"""
        return plans.add_tariff_price(uow(), actor(), tariff_id, body)


@blp.route("/rates")
class Rates(MethodView):
    @roles_required(*POLICY.roles("list_rates"))
    @blp.arguments(ps.RateQuerySchema, location="query")
    @blp.response(200, ps.RateSchema(many=True))
    @paginated(blp, Page)
    def get(self, args):
        """VAT per line kind and the healthcoin value in force, with the defaults"""
        return rates.list_rates(uow(), actor(), args.get("on", business_today()))

    @roles_required(*POLICY.roles("set_rate"))
    @blp.arguments(ps.RateSchema)
    @blp.response(201, ps.RateSchema)
    def post(self, body):
        """Override a rate from a month on"""
        return rates.set_rate(uow(), actor(), body)


def _collection(path: str, name: str, schema, list_, create,  # type: ignore[no-untyped-def]
                one: str, many: str) -> None:
    """GET and POST of a rule collection that only admins see and change (four alike)."""

    @roles_required(*POLICY.roles(list_.__name__))
    @blp.response(200, schema(many=True))
    @paginated(blp, Page)
    def get(self):  # type: ignore[no-untyped-def]
        return list_(uow(), actor())

    @roles_required(*POLICY.roles(create.__name__))
    @blp.arguments(schema)
    @blp.response(201, schema)
    def post(self, body):  # type: ignore[no-untyped-def]
        return create(uow(), actor(), body)

    get.__doc__, post.__doc__ = f"All {many}", f"Record a {one}"
    blp.route(path)(type(name, (MethodView,), {"get": get, "post": post}))


_collection("/segments", "Segments", cs.SegmentSchema, segments.list_segments, segments.create_segment,
            "segment (clients holding all its attributes)", "segments")
_collection("/cofinancing-agreements", "Agreements", cs.AgreementSchema, cofinancing.list_agreements,
            cofinancing.create_agreement, "cofinancer's share of a segment's subscriptions",
            "cofinancing agreements")
_collection("/referral-schemes", "ReferralSchemes", ls.ReferralSchemeSchema, referrals.list_schemes,
            referrals.create_scheme, "referral commission and fund contribution scheme", "referral schemes")
_collection("/licensed-products", "LicensedProducts", ls.LicensedProductSchema, royalties.list_products,
            royalties.license_product, "licensed dish with its royalty per unit", "licensed products")
