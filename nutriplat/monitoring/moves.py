"""Read the care-setting moves the ``recent_discharge`` rule needs, for a batch of clients."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import CareSettingTransfer
from nutriplat.monitoring.rules import Transfer
from nutriplat.monitoring.rules.thresholds import PARAMETERS

# The longest discharge window plus a hospital stay before it (the finding names the admission).
HISTORY_DAYS = int(PARAMETERS["discharge_window_days"].highest) + 90


def transfers(session: Session, ids: list[int], on: date) -> dict[int, list[Transfer]]:
    """The moves of the longest window a dietitian may set, and the one before them (the
    admission of a discharge inside the window), oldest first."""
    since = on - timedelta(days=HISTORY_DAYS)
    out: dict[int, list[Transfer]] = defaultdict(list)
    for client_id, day, from_setting, to_setting in session.execute(
            select(CareSettingTransfer.client_id, CareSettingTransfer.transferred_on,
                   CareSettingTransfer.from_setting, CareSettingTransfer.to_setting).where(
                CareSettingTransfer.client_id.in_(ids), CareSettingTransfer.transferred_on > since,
                CareSettingTransfer.transferred_on <= on)
            .order_by(CareSettingTransfer.transferred_on, CareSettingTransfer.id)):
        out[client_id].append(Transfer(day, from_setting, to_setting))
    return out
