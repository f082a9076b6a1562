"""Score answers without storing them, for the screening form's live preview (no
Flask here). It runs the domain's own ``score``/``diagnose_glim`` on the client's
stored facts — exactly what ``screening.services`` runs when the form is saved."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import business_date
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.screening import domain
from nutriplat.screening.client_history import client_facts

GLIM = "glim"


@dataclass(frozen=True)
class Preview:
    """The result when the answers are complete; else what is still wrong or missing.
    ``derived``: the inputs the domain fills in from measurements (shown either way)."""

    result: Any = None  # ScreeningResult or GlimResult
    errors: dict[str, list[str]] = field(default_factory=dict)
    derived: dict[str, domain.Derived] = field(default_factory=dict)


def preview(uow: UnitOfWork, actor: Actor, client_id: int, code: str,
            answers: dict[str, Any]) -> Preview:
    now = utcnow()
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        facts = client_facts(uow.session, client, business_date(now))
        audit.record(uow.session, actor, "read", "screening_preview", None, client.id,
                     detail={"instrument": code}, organisation_id=client.organisation_id)
        uow.commit()
    try:
        result = domain.diagnose_glim(answers, now, facts) if code == GLIM \
            else domain.score(code, answers, facts, now)
        return Preview(result=result, derived=dict(result.derived))
    except domain.ScreeningInputError as error:
        return Preview(errors=error.errors, derived=_derivable(code, answers, facts, now))


def _derivable(code: str, answers: dict[str, Any], facts: domain.ClientFacts, now: Any
               ) -> dict[str, domain.Derived]:
    try:
        return domain.derive_inputs(code, answers, facts, now)
    except domain.ScreeningInputError:
        return {}  # the invalid answers are reported by the scoring already
