"""Read functions other areas call (the timeline): the content items assigned to a
client in a period, each with its item."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.content.models import ContentAssignment, ContentItem


def assigned_between(session: Session, client_id: int, start: datetime,
                     end: datetime) -> list[tuple[ContentAssignment, ContentItem]]:
    rows = session.execute(select(ContentAssignment, ContentItem).join(
        ContentItem, ContentItem.id == ContentAssignment.content_item_id).where(
        ContentAssignment.client_id == client_id, ContentAssignment.assigned_at.between(start, end)))
    return [(first, second) for first, second in rows]
