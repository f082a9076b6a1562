"""What the service holds about the client, as the client may take it with them: the
record as a FHIR R4 Bundle (Patient, Observations, NutritionOrder …), built by the same
builders as a handover (``handovers.handing_over.record_bundle``)."""
from __future__ import annotations

from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.handovers.handing_over import record_bundle
from nutriplat.portal.policy import POLICY


def fhir_bundle(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    POLICY.check(actor, "my_data")
    with uow:
        client = load_client(uow.session, actor, client_id)
        bundle = record_bundle(uow.session, client, business_today())
        audit.record(uow.session, actor, "export", "fhir_bundle", client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return bundle
