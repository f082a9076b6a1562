"""The dietitian's page of a client's deliveries (issue 20): newest first, a page at a time,
each day's outcome, what came, the lines refused at the door with their reasons and the
proof of delivery — when, who took it, the handover temperatures with the too-warm one
flagged, and the photo, which the dietitian may open. Linked from the client page, in
Dutch and English; the read is audited; other roles and organisations are refused."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from nutriplat.auth.models import AuditEntry
from nutriplat.delivery.models import DeliveryOrder
from tests.webapp.deliveries_world import JPEG


def test_the_dietitian_reads_the_deliveries_newest_first_with_the_proof(web, world, delivered, day):
    client_id, item = delivered
    browser = web(world.person("dora", "dietitian"))
    url = f"/app/dietitian/clients/{client_id}/deliveries"
    assert f'href="{url}"' in browser.get(f"/app/dietitian/clients/{client_id}").text

    first = browser.get(url)
    assert first.status_code == 200
    with day.uow() as uow:
        newest_first = list(uow.session.scalars(select(DeliveryOrder.id).where(DeliveryOrder.client_id == client_id)
                                                .order_by(DeliveryOrder.delivery_date.desc(), DeliveryOrder.id.desc())))
    assert f"{len(newest_first)} leveringen, de nieuwste eerst." in first.text and "Pagina 1 van 2" in first.text
    assert [int(i) for i in re.findall(r'<h2 id="h-order-(\d+)">', first.text)] == newest_first[:10]
    assert "Mevrouw Claes" not in first.text and f'href="{url}?page=2"' in first.text

    last = browser.get(f"{url}?page=2").text
    assert [int(i) for i in re.findall(r'<h2 id="h-order-(\d+)">', last)] == newest_first[10:]
    assert "geleverd</span>" in last and "Mevrouw Claes" in last and "Lust dit niet" in last
    assert f"1 × {item['dish']}" in last  # the refused unit, beside what came
    assert "8,5&nbsp;°C" in last and "te warm" in last and "-19,0&nbsp;°C" in last
    photo = f"/app/logistics/stop-proofs/{_proof_id(last)}/photo"
    assert f'href="{photo}"' in last
    shown = browser.get(photo)
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg" and shown.data == JPEG
    with day.uow() as uow:
        reads = uow.session.scalar(select(func.count()).where(
            AuditEntry.resource == "client_deliveries", AuditEntry.client_id == client_id,
            AuditEntry.username == "dora"))
    assert reads == 2  # one entry per page read


def test_the_page_reads_in_english(web, world, delivered):
    client_id, _ = delivered
    page = web(world.person("dora", "dietitian"), lang="en-GB").get(
        f"/app/dietitian/clients/{client_id}/deliveries?page=2").text
    assert "deliveries, newest first." in page and "Refused at the door" in page
    assert "Received by" in page and "too warm" in page and "Open the photo of the delivery of" in page


def test_other_roles_and_organisations_are_refused(web, world, delivered):
    client_id, _ = delivered
    url = f"/app/dietitian/clients/{client_id}/deliveries"
    assert web(world.person("lore", "logistics")).get(url).status_code == 403
    assert web(world.person("otto", "dietitian", "Provider B")).get(url).status_code == 404


def _proof_id(page: str) -> str:
    marker = "/app/logistics/stop-proofs/"
    start = page.index(marker) + len(marker)
    return page[start:page.index("/", start)]
