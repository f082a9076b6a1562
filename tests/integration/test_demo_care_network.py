"""The simulation's care-network step (``tools.demo.simulate_care_network``): on the first
day care teams and two referrals (one through the form's use case, one as FHIR), on the
second the dietitian's triage, on the tenth a nursing-home resident's move to the hospital
with its handover; and nothing twice. On the demo's people, made small here."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from nutriplat.careteam.models import CareTeamMember
from nutriplat.clients.models import Client
from nutriplat.handovers.models import Handover
from nutriplat.referrals.models import Referral
from tools.demo import simulate_care_network as network


def test_the_care_network_refers_triages_and_hands_over_once(app, uow, world, today):
    provider = world.organisation("NutriPlat Roeselare")
    world.person(network.DIETITIAN, "dietitian", "NutriPlat Roeselare")
    gp = world.person(network.GP, "referrer", "Huisartsenpraktijk De Mandel")
    world.person(network.DISCHARGE, "referrer", "AZ Delta")
    with uow:
        for name, setting, referrer in (("Thuis", "home", gp.organisation_id), ("Rusthuis", "nursing_home", None)):
            uow.session.add(Client(organisation_id=provider, given_name="Demo", family_name=name,
                                   birth_date=today - timedelta(days=30000), sex="female", care_setting=setting,
                                   status="active", external_ref=name, referral_organisation_id=referrer))
        uow.commit()
    factory = app.extensions["nutriplat"].session_factory
    first = today - timedelta(days=network.TRANSFER_ON)
    counts: Counter[tuple[str, str]] = Counter()
    for _ in range(2):  # a day simulated again adds nothing
        for offset in (network.REFER_ON, network.TRIAGE_ON, network.TRANSFER_ON):
            network.simulate(factory, first, first + timedelta(days=offset), counts)
    assert {what: n for (step, what), n in counts.items() if n} == {
        "care-team members added (gp)": 1, "referrals received (form)": 1,
        "referrals received (FHIR ServiceRequest)": 1, "referrals accepted (new client)": 2,
        "transfers handed over": 1}
    with uow:
        s = uow.session
        assert [m.kind for m in s.scalars(select(CareTeamMember))] == ["gp"]
        assert {(r.source, r.status) for r in s.scalars(select(Referral))} == {
            ("api", "accepted"), ("fhir", "accepted")}
        [handover] = s.scalars(select(Handover))
        assert (handover.from_setting, handover.to_setting, handover.transferred_on) == (
            "nursing_home", "hospital", today)
        assert handover.fhir_bundle["resourceType"] == "Bundle"


def test_without_the_demo_s_people_the_step_does_nothing(app, today):
    counts: Counter[tuple[str, str]] = Counter()
    network.simulate(app.extensions["nutriplat"].session_factory, today, today, counts)
    assert +counts == Counter()
