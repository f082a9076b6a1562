"""What billing reads of equipment: how many assets of one rental tariff stand at a
client's home on a day (installed that day or before, not collected by then)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nutriplat.equipment.models import Asset, AssetPlacement


def installed_count(session: Session, client_id: int, tariff_code: str, day: date) -> int:
    return int(session.scalar(select(func.count(AssetPlacement.id)).join(Asset, Asset.id == AssetPlacement.asset_id)
                              .where(AssetPlacement.client_id == client_id, Asset.tariff_code == tariff_code,
                                     AssetPlacement.installed_on <= day,
                                     or_(AssetPlacement.collected_on.is_(None), AssetPlacement.collected_on > day)))
               or 0)
