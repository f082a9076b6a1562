"""/auth/token, /organisations, /users, /audit and /audit/export."""
from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.auth import audit, audit_export, login, schemas, services
from nutriplat.auth.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.pagination import page_of
from nutriplat.web import actor, bearer_token, client_ip, roles_required, uow

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Authentication, users, audit")


def _state():
    return current_app.extensions["nutriplat"]


@blp.route("/auth/token")
class Token(MethodView):
    @blp.arguments(schemas.TokenRequestSchema)
    @blp.response(200, schemas.TokenSchema)
    @blp.alt_response(401, response="DEFAULT_ERROR")
    @blp.alt_response(429, response="DEFAULT_ERROR")
    @blp.doc(security=[])  # the one operation without a bearer token
    def post(self, body):
        """Exchange a username and password for an expiring bearer token"""
        state = _state()
        return login.issue_token(uow(), state.passwords, state.login_policy,
                                 body["username"], body["password"], client_ip())

    @roles_required(*POLICY.roles("revoke_token"))
    @blp.response(204)
    def delete(self):
        """Revoke the bearer token of this request"""
        services.revoke_token(uow(), actor(), bearer_token())


@blp.route("/organisations")
class Organisations(MethodView):
    @roles_required(*POLICY.roles("list_organisations"))
    @blp.response(200, schemas.OrganisationSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Organisations visible to the admin"""
        return services.list_organisations(uow(), actor())

    @roles_required(*POLICY.roles("create_organisation"))
    @blp.arguments(schemas.OrganisationSchema)
    @blp.response(201, schemas.OrganisationSchema)
    def post(self, body):
        """Create an organisation (platform admins only)"""
        return services.create_organisation(uow(), body["name"], body["type"], actor())


@blp.route("/users")
class Users(MethodView):
    @roles_required(*POLICY.roles("list_users"))
    @blp.response(200, schemas.UserSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Users of the admin's organisation"""
        return services.list_users(uow(), actor())

    @roles_required(*POLICY.roles("create_user"))
    @blp.arguments(schemas.UserSchema)
    @blp.response(201, schemas.UserSchema)
    def post(self, body):
        """Create a user with one role"""
        return services.create_user(
            uow(), _state().passwords, actor(), body["username"], body["password"], body["role"],
            body.get("organisation"), body.get("display_name"))


@blp.route("/audit")
class AuditLog(MethodView):
    @roles_required(*POLICY.roles("read_audit_log"))
    @blp.arguments(schemas.AuditQuerySchema, location="query")
    @blp.response(200, schemas.AuditEntrySchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, args, pagination_parameters):
        """The audit log, newest first, filterable by user, client, action and time"""
        with uow() as work:
            stmt = audit.query(actor(), audit.AuditFilter(**args))
            items, pagination_parameters.item_count = page_of(
                work.session, stmt, pagination_parameters.page, pagination_parameters.page_size)
            return items


@blp.route("/audit/export")
class AuditExport(MethodView):
    @roles_required(*POLICY.roles("read_audit_log"))
    @blp.arguments(schemas.AuditQuerySchema, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, args):
        """The audit log as CSV for the data protection officer: every matching entry, newest
        first, streamed; the export is itself logged"""
        factory = _state().session_factory
        lines = audit_export.export_csv(lambda: UnitOfWork(factory), actor(), audit.AuditFilter(**args))
        return Response(lines, mimetype="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})
