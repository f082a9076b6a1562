"""Where a client is placed by a care-setting transfer: a ward the client's provider
keeps, of the facility named (if one is), in the setting the client moves to, and a room
of that ward. Each refusal names its field."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import ErrorCollector
from nutriplat.facilities.models import Room, Ward


def placement(session: Session, organisation_id: int, to_setting: str, data: dict[str, Any],
              errors: ErrorCollector) -> tuple[Ward | None, Room | None]:
    """The ward and room of ``data`` (``ward_id``, ``room``, optional ``facility_id``),
    or (None, None) when the transfer names none; problems are added to ``errors``."""
    ward_id, number, facility_id = data.get("ward_id"), data.get("room"), data.get("facility_id")
    if ward_id is None:
        if number is not None:
            errors.add("room", "Name the ward (ward_id) the room is on.")
        if facility_id is not None:
            errors.add("ward_id", "Name the ward of the facility.")
        return None, None
    ward = session.get(Ward, ward_id)
    if ward is None or ward.organisation_id != organisation_id:
        errors.add("ward_id", f"No ward {ward_id}.")
        return None, None
    if facility_id is not None and ward.facility_id != facility_id:
        errors.add("ward_id", f"Ward {ward_id} is a ward of another facility.")
    if to_setting != ward.setting:
        errors.add("ward_id", f"Ward {ward_id} is a {ward.setting.replace('_', ' ')} ward, not {to_setting}.")
    room = None
    if number is not None:
        room = session.scalar(select(Room).where(Room.ward_id == ward.id, Room.number == number))
        if room is None:
            errors.add("room", f"Ward {ward_id} has no room '{number}'.")
    return ward, room
