"""Each role's home page and navigation. A new page area adds its entries here."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from nutriplat.auth import roles

# The endpoint a role lands on after signing in (the account page when absent).
ROLE_HOME: dict[str, str] = {
    roles.DIETITIAN: "webapp.dietitian.day",
    roles.COFINANCER: "webapp.cofinancer_agreements.index",
    roles.ADMIN: "webapp.admin_users.index",
    roles.LOGISTICS: "webapp.logistics_routes.plans",
    roles.REFERRER: "webapp.referrer_referrals.index",
    roles.FUND: "webapp.referrer_statements.index",
    roles.CLIENT: "webapp.portal.me",
    roles.CAREGIVER: "webapp.portal.care",
    roles.WARD_STAFF: "webapp.ward_trays.index",
}

# (endpoint, label) per role, in menu order; the account page is always last.
NAV: dict[str, tuple[tuple[str, object], ...]] = {
    roles.DIETITIAN: (
        ("webapp.dietitian.day", _l("My day")),
        ("webapp.dietitian.clients_list", _l("Clients")),
        ("webapp.dietitian_referrals.index", _l("Referrals")),
        ("webapp.dietitian_alerts.index", _l("Alerts")),
        ("webapp.care_team_alerts.index", _l("Care-team alerts")),
        ("webapp.staff_survey.survey", _l("Staff survey")),
        ("webapp.admin_measurement_audits.to_verify", _l("Audits to verify")),
    ),
    roles.COFINANCER: (
        ("webapp.cofinancer_agreements.index", _l("Agreements")),
        ("webapp.cofinancer_statements.index", _l("Billing statements")),
    ),
    roles.ADMIN: (
        ("webapp.admin_users.index", _l("Users")),
        ("webapp.admin_organisations.index", _l("Organisations")),
        ("webapp.admin_catalogue.index", _l("Catalogue")),
        ("webapp.admin_prices.index", _l("Prices")),
        ("webapp.admin_jobs.index", _l("Job runs")),
        ("webapp.admin_sends.index", _l("E-mail and SMS sends")),
        ("webapp.cofinancer_agreements.index", _l("Agreements")),
        ("webapp.admin_content.index", _l("Information library")),
        ("webapp.admin_staff_questions.questions", _l("Staff survey questions")),
    ),
    roles.LOGISTICS: (
        ("webapp.logistics_routes.plans", _l("Routes")),
        ("webapp.logistics_orders.day", _l("Delivery orders")),
        ("webapp.logistics_stock.overview", _l("Stock")),
        ("webapp.logistics_reorder.overview", _l("Reorder")),
        ("webapp.logistics_equipment.overview", _l("Equipment")),
        ("webapp.logistics_driver.today", _l("Today's stops")),
        ("webapp.care_team_alerts.index", _l("Care-team alerts")),
        ("webapp.staff_survey.survey", _l("Staff survey")),
        ("webapp.logistics_production.day", _l("Production plan")),
    ),
    roles.REFERRER: (
        ("webapp.referrer_referrals.index", _l("My referrals")),
        ("webapp.referrer_referrals.new", _l("Refer someone")),
        ("webapp.care_team_alerts.index", _l("Care-team alerts")),
        ("webapp.referrer_statements.index", _l("Statements")),
    ),
    roles.FUND: (("webapp.referrer_statements.index", _l("Statements")),),
    roles.CLIENT: (("webapp.portal.me", _l("My page")),),
    roles.CAREGIVER: (("webapp.portal.care", _l("The people I care for")),),
    roles.WARD_STAFF: (
        ("webapp.ward_trays.index", _l("Trays")),
    ),
}

ROLE_LABELS = {
    roles.ADMIN: _l("Administrator"),
    roles.DIETITIAN: _l("Dietitian"),
    roles.LOGISTICS: _l("Logistics"),
    roles.COFINANCER: _l("Cofinancer"),
    roles.CAREGIVER: _l("Caregiver"),
    roles.REFERRER: _l("Referrer"),
    roles.FUND: _l("Development fund"),
    roles.CLIENT: _l("Client"),
    roles.WARD_STAFF: _l("Ward staff"),
}


def role_label(role: str) -> object:
    return ROLE_LABELS.get(role, role)
