"""/notifications: the caller's in-app inbox; /notifications/deliveries: the admin's view of
the external sends (retried, or failed for good and why)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.notifications import deliveries, inbox
from nutriplat.notifications.policy import POLICY
from nutriplat.notifications.schemas import (
    DeliveryQuerySchema,
    DeliverySchema,
    NotificationQuerySchema,
    NotificationSchema,
)
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("notifications", __name__, url_prefix="/api/v1/notifications",
                description="The caller's in-app notifications (alerts of their care team, ...)")


@blp.route("")
class Notifications(MethodView):
    @roles_required(*POLICY.roles("list_notifications"))
    @blp.arguments(NotificationQuerySchema, location="query")
    @blp.response(200, NotificationSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """The caller's notifications, newest first"""
        found, pagination_parameters.item_count = inbox.list_notifications(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/<int:notification_id>/read")
class Read(MethodView):
    @roles_required(*POLICY.roles("read_notification"))
    @blp.response(200, NotificationSchema)
    def post(self, notification_id):
        """Mark one of the caller's notifications read"""
        return inbox.mark_read(uow(), actor(), notification_id)


@blp.route("/<int:notification_id>/acknowledge")
class Acknowledge(MethodView):
    @roles_required(*POLICY.roles("acknowledge_notification"))
    @blp.response(200, NotificationSchema)
    def post(self, notification_id):
        """Acknowledge: everyone told of the same matter sees who is on it"""
        return inbox.acknowledge(uow(), actor(), notification_id)


@blp.route("/deliveries")
class Deliveries(MethodView):
    @roles_required(*POLICY.roles("list_deliveries"))
    @blp.arguments(DeliveryQuerySchema, location="query")
    @blp.response(200, DeliverySchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """External sends (e-mail, SMS) to the admin's organisation's users, newest first: retries and failures"""
        found, pagination_parameters.item_count = deliveries.list_deliveries(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found
