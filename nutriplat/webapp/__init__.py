"""The web application: server-rendered pages under /app for dietitians, logistics
staff, cofinancers and admins, on top of the same services the API calls.

Each page area is a module that defines a Blueprint named ``bp``; ``WEB_MODULES``
lists them and they are nested under the ``webapp`` blueprint, so every page shares
its session login, CSRF check, error pages and translations (see session.py)."""
from __future__ import annotations

from importlib import import_module

from flask import Blueprint, Flask, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFProtect

from nutriplat.webapp import errors, i18n, session

bp = Blueprint("webapp", __name__, url_prefix="/app",
               template_folder="templates", static_folder="static")
csrf = CSRFProtect()

# A new page area adds a line (its module defines ``bp``).
WEB_MODULES = (
    "nutriplat.webapp.auth",
    "nutriplat.webapp.dietitian.day",
    "nutriplat.webapp.dietitian.client",
    "nutriplat.webapp.dietitian.screening",
    "nutriplat.webapp.dietitian.targets",
    "nutriplat.webapp.dietitian.plans",
    "nutriplat.webapp.dietitian.coaching",
    "nutriplat.webapp.cofinancer.agreements",
    "nutriplat.webapp.cofinancer.settlements",
    "nutriplat.webapp.cofinancer.statements",
    "nutriplat.webapp.cofinancer.terms",
    "nutriplat.webapp.cofinancer.simulation",
    "nutriplat.webapp.cofinancer.reconciliation",
    "nutriplat.webapp.admin.users",
    "nutriplat.webapp.admin.organisations",
    "nutriplat.webapp.admin.catalogue",
    "nutriplat.webapp.admin.variants",
    "nutriplat.webapp.admin.changes",
    "nutriplat.webapp.admin.prices",
    "nutriplat.webapp.admin.jobs",
    "nutriplat.webapp.admin.staff_questions",
    "nutriplat.webapp.logistics.stock",
    "nutriplat.webapp.logistics.reorder",
    "nutriplat.webapp.logistics.orders",
    "nutriplat.webapp.logistics.routes",
    "nutriplat.webapp.logistics.plan_edits",
    "nutriplat.webapp.logistics.driver",
    "nutriplat.webapp.dietitian.referrals",
    "nutriplat.webapp.referrer.referrals",
    "nutriplat.webapp.referrer.statements",
    "nutriplat.webapp.referrer.alerts",
    "nutriplat.webapp.portal.pages",
    "nutriplat.webapp.ward.trays",
    "nutriplat.webapp.logistics.equipment",
    "nutriplat.webapp.portal.thread",
    "nutriplat.webapp.portal.care_alerts",
    "nutriplat.webapp.dietitian.care_team",
    "nutriplat.webapp.dietitian.diet",
    "nutriplat.webapp.admin.content",
    "nutriplat.webapp.staff.survey",
    "nutriplat.webapp.logistics.production",
    "nutriplat.webapp.admin.external_imports",
    "nutriplat.webapp.admin.measurement_audits",
    "nutriplat.webapp.admin.sends",
    "nutriplat.webapp.dietitian.alerts",
    "nutriplat.webapp.dietitian.goals",
    "nutriplat.webapp.dietitian.mandates",
    "nutriplat.webapp.dietitian.plan_items",
    "nutriplat.webapp.dietitian.screening_correction",
    "nutriplat.webapp.dietitian.registration",
    "nutriplat.webapp.dietitian.profile",
    "nutriplat.webapp.dietitian.moves",
    "nutriplat.webapp.dietitian.records",
    "nutriplat.webapp.logistics.photos",
    "nutriplat.webapp.dietitian.deliveries",
)


@bp.get("/")
@session.login_required()
def home() -> ResponseReturnValue:
    """Each role starts on its own home page (``session.ROLE_HOME``)."""
    return redirect(url_for(session.home_endpoint()))


def init_app(app: Flask) -> None:
    """Called by ``create_app``; the blueprint itself is set up once, at import."""
    csrf.init_app(app)
    app.register_blueprint(bp)
    i18n.init_app(app)
    # Unknown URLs under /app get the application's error page, not the API's JSON.
    app.extensions.setdefault("html_error_pages", {})[bp.url_prefix] = errors.unrouted_page


# Only the web blueprint checks CSRF (config WTF_CSRF_CHECK_DEFAULT=False): the
# bearer-token API under /api never reads the session cookie.
bp.before_request(session.check_csrf(csrf))
bp.before_request(session.load_actor)
bp.context_processor(session.template_context)
errors.register(bp)
for _module in WEB_MODULES:
    bp.register_blueprint(import_module(_module).bp)
