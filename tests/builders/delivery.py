"""A delivery day built straight into the database for tests: clients at
home at given coordinates, equipped, each with a delivery order of frozen mains and a
chilled soup from one warehouse. Not used by the service itself."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from nutriplat.clients.models import Client
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from tools.builders import stock as scenario

Place = tuple[float, float] | None


def client_orders(session: Session, organisation_id: int, warehouse_id: int, products: Sequence[scenario.Product],
                  day: date, places: Sequence[Place], mains: int = 2) -> list[tuple[int, int]]:
    """A client per place (None: no coordinates) with one planned order; (client id, order id) pairs."""
    main = next(p for p in products if p.course == "main" and p.storage == "frozen" and p.texture == "food:7"
                and not p.allergens)
    soup = next(p for p in products if p.course == "soup" and p.texture == "food:7" and not p.allergens)
    clients = [Client(organisation_id=organisation_id, given_name="Klant", family_name=f"Nr {n}",
                      birth_date=date(1940, 1, 1), sex="female", care_setting="home", status="active",
                      conditions=["parkinson"], allergies=[], dislikes=[], street=f"Ooststraat {n + 1}",
                      postal_code="8800", city="Roeselare", country="BE", delivery_notes=f"Sleutel in kastje {n}",
                      lat=place[0] if place else None, lon=place[1] if place else None)
               for n, place in enumerate(places)]
    session.add_all(clients)
    session.flush()
    scenario.equip(session, organisation_id, [c.id for c in clients], warehouse_id)
    orders = [DeliveryOrder(organisation_id=organisation_id, client_id=c.id, delivery_date=day, origin="manual",
                            warehouse_id=warehouse_id, lines=[
                                DeliveryOrderLine(variant_id=p.variant_id, dish_id=p.dish_id, texture=p.texture,
                                                  quantity=q) for p, q in ((main, mains), (soup, 1))])
              for c in clients]
    session.add_all(orders)
    session.flush()
    return [(c.id, o.id) for c, o in zip(clients, orders, strict=True)]
