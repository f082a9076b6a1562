"""The Flask application factory and the state it shares between requests.

Kept out of the package root so that importing a domain module (or the scheduler)
does not load Flask and the web application."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import Flask, Response, send_from_directory
from flask.json.provider import DefaultJSONProvider
from flask_smorest import Api
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from nutriplat import models as _all_models  # noqa: F401  (every mapper known before use)
from nutriplat import openapi, security
from nutriplat.auth.login import LoginPolicy
from nutriplat.auth.passwords import Passwords
from nutriplat.config import Config
from nutriplat.db import make_engine, make_session_factory


@dataclass
class NutriPlatState:
    """What the app shares between requests, kept in ``app.extensions``."""

    engine: Engine
    session_factory: sessionmaker[Session]
    passwords: Passwords
    login_policy: LoginPolicy


def create_app(config: Config | None = None) -> Flask:
    config = config or Config()
    app = Flask(__name__, instance_path=str(_instance_dir(config)))
    app.config.from_object(config)
    if isinstance(app.json, DefaultJSONProvider):
        app.json.sort_keys = False
    openapi.use_database_ids(app)

    engine = make_engine(config.DATABASE_URL, echo=config.SQL_ECHO)
    app.extensions["nutriplat"] = NutriPlatState(
        engine=engine,
        session_factory=make_session_factory(engine),
        passwords=Passwords(config.PASSWORD_TIME_COST, config.PASSWORD_MEMORY_COST_KIB),
        login_policy=LoginPolicy(
            token_ttl=timedelta(minutes=config.TOKEN_TTL_MINUTES),
            max_failures=config.LOGIN_MAX_FAILURES,
            window=timedelta(minutes=config.LOGIN_WINDOW_MINUTES),
            max_failures_per_address=config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        ),
    )
    security.init_app(app)
    _register_api(app)
    _register_web(app)
    return app


def _register_web(app: Flask) -> None:
    """The server-rendered web application under /app (session login, CSRF, i18n)."""
    from flask import redirect, url_for
    from werkzeug.wrappers import Response as WerkzeugResponse

    from nutriplat import webapp

    webapp.init_app(app)

    @app.get("/")
    def root() -> WerkzeugResponse:
        return redirect(url_for("webapp.home"))


def _instance_dir(config: Config) -> Path:
    from nutriplat.config import INSTANCE_DIR

    if config.DATABASE_URL.startswith("sqlite:///"):
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    return INSTANCE_DIR.resolve()


# Each module defines a flask-smorest Blueprint named ``blp``; a new area adds a line.
API_MODULES = (
    "nutriplat.auth.api",
    "nutriplat.clients.api.clients",
    "nutriplat.clients.api.care",
    "nutriplat.screening.api",
    "nutriplat.screening.rescreening.api",
    "nutriplat.catalogue.api.dishes",
    "nutriplat.catalogue.api.changes",
    "nutriplat.mealplans.api",
    "nutriplat.billing.api.setup",
    "nutriplat.billing.api.clients",
    "nutriplat.billing.api.invoices",
    "nutriplat.inventory.api.locations",
    "nutriplat.inventory.api.stock",
    "nutriplat.inventory.api.home_report",
    "nutriplat.delivery.api.home_stock",
    "nutriplat.inventory.api.lots",
    "nutriplat.inventory.api.recalls",
    "nutriplat.delivery.api.orders",
    "nutriplat.equipment.api",
    "nutriplat.inventory.api.purchasing",
    "nutriplat.monitoring.api.alerts",
    "nutriplat.monitoring.api.cases",
    "nutriplat.monitoring.api.thresholds",
    "nutriplat.monitoring.api.goals",
    "nutriplat.indicators.api.agreements",
    "nutriplat.indicators.api.lifecycle",
    "nutriplat.indicators.api.reports",
    "nutriplat.indicators.api.external",
    "nutriplat.indicators.api.audits",
    "nutriplat.indicators.api.staff_survey",
    "nutriplat.delivery.api.fleet",
    "nutriplat.delivery.api.windows",
    "nutriplat.delivery.api.plans",
    "nutriplat.delivery.api.edits",
    "nutriplat.delivery.api.stops",
    "nutriplat.delivery.api.deliveries",
    "nutriplat.jobs.api",
    "nutriplat.referrals.api.referrals",
    "nutriplat.referrals.api.fhir",
    "nutriplat.handovers.api",
    "nutriplat.notifications.api",
    "nutriplat.careteam.api.members",
    "nutriplat.careteam.api.alerts",
    "nutriplat.billing.api.fund",
    "nutriplat.content.api",
    "nutriplat.coaching.api",
    "nutriplat.timeline.api",
    "nutriplat.delivery.api.extra_orders",
    "nutriplat.portal.api",
    "nutriplat.facilities.api",
    "nutriplat.meals.api",
    "nutriplat.delivery.api.production",
)


def _register_api(app: Flask) -> None:
    from importlib import import_module

    from swagger_ui_bundle import swagger_ui_path

    from nutriplat import web

    api = Api(app)
    openapi.document(api)
    for module in API_MODULES:
        api.register_blueprint(import_module(module).blp)
    # Shapes a response documents by reference only (chosen by role, see clients.logistics_view).
    from nutriplat.clients.logistics_view import SCHEMAS
    for name, schema in SCHEMAS.items():
        api.spec.components.schema(name, schema=schema)
    web.register_error_handlers(app)

    @app.get("/api/docs/assets/<path:filename>")
    def swagger_assets(filename: str) -> Response:
        # Swagger UI from the installed package: the docs work without internet.
        return send_from_directory(str(swagger_ui_path), filename)
