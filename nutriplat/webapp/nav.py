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
}

# (endpoint, label) per role, in menu order; the account page is always last.
NAV: dict[str, tuple[tuple[str, object], ...]] = {
    roles.DIETITIAN: (
        ("webapp.dietitian.day", _l("My day")),
        ("webapp.dietitian.clients_list", _l("Clients")),
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
        ("webapp.cofinancer_agreements.index", _l("Agreements")),
    ),
    roles.LOGISTICS: (
        ("webapp.logistics_routes.plans", _l("Routes")),
        ("webapp.logistics_orders.day", _l("Delivery orders")),
        ("webapp.logistics_stock.overview", _l("Stock")),
        ("webapp.logistics_reorder.overview", _l("Reorder")),
        ("webapp.logistics_equipment.overview", _l("Equipment")),
        ("webapp.logistics_driver.today", _l("Today's stops")),
    ),
}

ROLE_LABELS = {
    roles.ADMIN: _l("Administrator"),
    roles.DIETITIAN: _l("Dietitian"),
    roles.LOGISTICS: _l("Logistics"),
    roles.COFINANCER: _l("Cofinancer"),
    roles.CAREGIVER: _l("Caregiver"),
}


def role_label(role: str) -> object:
    return ROLE_LABELS.get(role, role)
