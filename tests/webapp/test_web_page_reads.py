"""One transaction for a page's read use cases (``webapp.reads.OnePageReads``): the
services' audit entries are committed together at the end of the page's block, or
rolled back together when one of them fails — except the audit of the refusal itself."""
from __future__ import annotations

import pytest

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuditEntry
from nutriplat.clients import measurements
from nutriplat.clients import services as clients
from nutriplat.errors import NotFound
from nutriplat.webapp.reads import OnePageReads


def _actions(uow) -> list[tuple[str, str]]:
    with uow:
        return [(e.action, e.resource) for e in uow.session.query(AuditEntry).order_by(AuditEntry.id)]


def test_the_reads_are_committed_together_at_the_end(app, uow, lien, measured_client):
    actor = Actor(lien.id, lien.username, lien.role, lien.organisation_id)
    before = len(_actions(uow))
    reads = OnePageReads(app.extensions["nutriplat"].session_factory)
    with reads:
        client = clients.get_client(reads, actor, measured_client)
        weights = measurements.list_measurements(reads, actor, measured_client, "weight_kg")
        assert len(_actions(uow)) == before  # nothing committed yet: one transaction
    assert client.family_name == "Vandenberghe" and len(weights) == 2
    assert _actions(uow)[before:] == [("read", "client"), ("list", "measurement")]


def test_a_failing_read_rolls_the_page_back_but_its_refusal_is_audited(app, uow, lien, measured_client):
    actor = Actor(lien.id, lien.username, lien.role, lien.organisation_id)
    before = len(_actions(uow))
    reads = OnePageReads(app.extensions["nutriplat"].session_factory)
    with pytest.raises(NotFound), reads:
        clients.get_client(reads, actor, measured_client)
        clients.get_client(reads, actor, measured_client + 1000)
    assert _actions(uow)[before:] == [("refuse", "client")]
