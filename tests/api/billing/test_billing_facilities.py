"""Issue 16 item 8: meals served on a ward are invoiced to whoever the service agreement
names. De Vlasbloem's agreement invoices the facility per meal (€ 9.80): the monthly run
writes one invoice to De Vlasbloem with a line per ward counting the trays delivered, once;
a resident's own subscription pauses while the facility pays and resumes back home."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from nutriplat.billing import invoicing_run
from nutriplat.billing.models import Invoice
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.facilities.models import ServiceAgreement
from nutriplat.periods import Month
from tests.facilities_world import MONDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def test_the_month_invoices_the_facility_per_ward_for_the_trays_delivered_once(http, served, invoices, admin):
    served["run"](MONDAY)
    with served["uow"]() as uow:  # Thursday's crate confirmed delivered
        uow.session.execute(update(DeliveryOrder).where(DeliveryOrder.ward_id == served["ward"]).values(
            status="delivered"))
        trays = sum(uow.session.scalars(select(DeliveryOrderLine.quantity).join(DeliveryOrder).where(
            DeliveryOrder.ward_id == served["ward"])))
        uow.commit()

    def run():
        return invoicing_run.run(served["uow"], Month.parse("2026-12"), today=date(2027, 1, 2)).counts

    assert run().get("facility invoices") == 1
    assert run().get("facility invoices") is None  # a second run changes nothing
    with served["uow"]() as uow:
        invoice = uow.session.scalars(select(Invoice).where(Invoice.payer_organisation_id == served["facility"])).one()
        (line,) = invoice.lines
        assert invoice.payer_name == "De Vlasbloem" and invoice.payer_client_id is None
        assert (line.kind, line.quantity, line.unit_price) == ("ward_meals", trays, Decimal("9.80"))
        assert line.amount == Decimal("9.80") * trays and line.description.startswith("Ward Lelie")
        assert uow.session.scalar(select(Invoice.id).where(Invoice.payer_client_id.in_(served["residents"]))) is None
    listed = invoices("2026-12")  # the API and CSV of every invoice
    assert [i["payer"] for i in listed] == [{"type": "organisation", "id": served["facility"], "name": "De Vlasbloem"}]
    sheet = http.get(f"/api/v1/invoices/{listed[0]['id']}/csv", headers=admin.headers)
    assert sheet.status_code == 200 and "Ward Lelie" in sheet.get_data(as_text=True)


def test_a_residents_subscription_pauses_while_the_facility_pays(http, dora, maria, served, price_list):
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "status": "active", "referral": {"date": "2026-01-05"}}))["id"]
    setup(http.post(f"/api/v1/clients/{client}/subscriptions", headers=dora.headers, json={
        "plan_id": price_list["plan"], "start_date": "2026-12-01", "rentals": []}))
    for setting, ward in (("nursing_home", served["ward"]), ("home", None)):
        setup(http.post(f"/api/v1/clients/{client}/care-setting-transfers", headers=dora.headers, json={
            "transferred_on": MONDAY.isoformat(), "to_setting": setting, "reason": "admission"}
            | ({"ward_id": ward, "room": "101"} if ward else {})))
    (listed,) = http.get(f"/api/v1/clients/{client}/subscriptions", headers=dora.headers).json
    assert [(c["kind"], c["effective_on"]) for c in listed["changes"]] == [
        ("pause", "2026-12-07"), ("resume", "2026-12-07")]


def test_an_agreement_that_invoices_the_client_puts_the_ward_meals_on_the_residents_own_invoice(served):
    """Per resident-day (€ 18.50): each resident's invoice has a line for the days their
    trays were delivered; the facility gets none; a second run changes nothing."""
    served["run"](MONDAY)
    with served["uow"]() as uow:
        uow.session.execute(update(ServiceAgreement).where(ServiceAgreement.facility_id == served["facility"]).values(
            invoice_to="client", pricing="per_resident_day", price_eur=Decimal("18.50")))
        uow.session.execute(update(DeliveryOrder).where(DeliveryOrder.ward_id == served["ward"]).values(
            status="delivered"))
        days = {client: len(set(uow.session.scalars(select(DeliveryOrderLine.served_on).where(
            DeliveryOrderLine.client_id == client)))) for client in served["residents"]}
        uow.commit()
    assert all(days.values())

    def run():
        return invoicing_run.run(served["uow"], Month.parse("2026-12"), today=date(2027, 1, 2)).counts

    first = run()
    assert first.get("client invoices") == 2 and first.get("facility invoices") is None
    assert run().get("client invoices") is None  # a second run changes nothing
    with served["uow"]() as uow:
        assert uow.session.scalar(select(Invoice.id).where(Invoice.payer_organisation_id == served["facility"])) is None
        for client, count in days.items():
            invoice = uow.session.scalars(select(Invoice).where(Invoice.payer_client_id == client)).one()
            (line,) = invoice.lines
            assert (line.kind, line.quantity, line.unit_price) == ("ward_meals", count, Decimal("18.50"))
            assert line.amount == Decimal("18.50") * count and line.vat_rate == Decimal("6.00")
            assert line.description.startswith("Meals on ward Lelie: ") and "resident-days" in line.description


def test_the_ward_meals_count_only_trays_delivered(served):
    """A planned crate (not yet confirmed delivered) is not invoiced to anyone."""
    served["run"](MONDAY)
    with served["uow"]() as uow:
        uow.session.execute(update(ServiceAgreement).where(ServiceAgreement.facility_id == served["facility"]).values(
            invoice_to="client"))
        uow.commit()
    counts = invoicing_run.run(served["uow"], Month.parse("2026-12"), today=date(2027, 1, 2)).counts
    assert counts.get("client invoices") is None and counts.get("facility invoices") is None
