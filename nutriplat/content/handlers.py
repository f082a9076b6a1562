"""The information platform's handlers of upstream events (``nutriplat.events``): rules
that assign an item from the library.

In transaction: the assignment exists exactly when the screening or the texture change
does. Each rule assigns an item once per client (a repeated event adds nothing), and
nothing when the library lacks the item."""
from __future__ import annotations

from typing import Any

from nutriplat import events
from nutriplat.content import vocabulary
from nutriplat.content.assigning import assign_by_rule
from nutriplat.screening.models import Screening


@events.handles(events.ScreeningRecorded, events.IN_TRANSACTION)
def swallowing_leaflet_on_eat_10(uow: Any, event: events.ScreeningRecorded) -> None:
    """EAT-10 ≥ 3 (swallowing problems suspected): the swallowing leaflet."""
    if event.kind != "screening":
        return
    uow.session.flush()
    screening = uow.session.get(Screening, event.record_id)
    if (screening is not None and screening.instrument == "eat_10"
            and (screening.total_score or 0) >= vocabulary.EAT_10_THRESHOLD):
        assign_by_rule(uow.session, event.client_id, vocabulary.SWALLOWING_KEY, "eat_10", event.on)


@events.handles(events.TextureChanged, events.IN_TRANSACTION)
def level_explained_on_texture_change(uow: Any, event: events.TextureChanged) -> None:
    """A new IDDSI food level: what this level means."""
    if event.to_food_level != event.from_food_level:
        assign_by_rule(uow.session, event.client_id, vocabulary.iddsi_key(event.to_food_level),
                       "iddsi_level", event.on)
