"""The monthly home stock report: per client, the units delivered, eaten, thrown away and
expired at home and the stock-out days of a month (``home_figures``), as JSON rows or CSV.
Each row is about a person: the read is audited per client."""
from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.inventory.access import scoped
from nutriplat.inventory.home_figures import HomeFigures, home_figures
from nutriplat.inventory.policy import POLICY
from nutriplat.periods import Month

COLUMNS = ("client_id", "month", "delivered", "eaten", "wasted", "expired", "stock_out_days", "expired_percent")


def home_report(uow: UnitOfWork, actor: Actor, month: Month, client_id: int | None = None
                ) -> list[dict[str, Any]]:
    """The month's rows, one per client with anything at home that month, by client id."""
    POLICY.check(actor, "home_report")
    with uow:
        session = uow.session
        if client_id is not None:
            client = load_client(session, actor, client_id)
            organisations = {client.id: client.organisation_id}
        else:
            organisations = dict(session.execute(scoped(select(Client.id, Client.organisation_id),
                                                        Client.organisation_id, actor)).all())
        figures = home_figures(session, month.first, month.last, None if client_id is None else [client_id])
        rows = [_row(client, month, found) for (client, _month), found in sorted(figures.items())
                if client in organisations]
        audit.record_reads(session, actor, "home_figures", ((r["client_id"], organisations[r["client_id"]])
                                                             for r in rows))
        uow.commit()
        return rows


def as_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _row(client_id: int, month: Month, found: HomeFigures) -> dict[str, Any]:
    return {"client_id": client_id, "month": str(month), "delivered": found.delivered, "eaten": found.eaten,
            "wasted": found.wasted, "expired": found.expired, "stock_out_days": found.stock_out_days,
            "expired_percent": round(100 * found.expired_share, 1)}
