"""The simulation's care-network step (``tools.demo.simulate_care_network``): on the first
day care teams and two referrals (one through the form's use case, one as FHIR), on the
second the dietitian's triage, on the tenth a nursing-home resident's move to the hospital
with its handover; and nothing twice. On the demo's people, made small here."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from sqlalchemy import select

from nutriplat.careteam.models import CareAlertRecipient, CareTeamMember
from nutriplat.clients.models import Client, Measurement
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork
from nutriplat.handovers.models import Handover
from nutriplat.monitoring.sweep import early_warning
from nutriplat.referrals.models import Referral
from tools.demo import simulate_care_network as network
from tools.demo.care_teams import seed_care_teams
from tools.demo.seed import SeedReport


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


def test_the_demo_loader_sets_up_care_teams_before_the_sweep_so_its_alerts_are_told(app, uow, world, today):
    """``make demo`` without simulated days: the GP of a client it referred is told of the
    weight loss the loader's sweep finds (the simulation's day 0 then adds no one)."""
    provider = world.organisation("NutriPlat Roeselare")
    world.person(network.DIETITIAN, "dietitian", "NutriPlat Roeselare")
    gp = world.person(network.GP, "referrer", "Huisartsenpraktijk De Mandel")
    world.person(network.DISCHARGE, "referrer", "AZ Delta")
    with uow:
        client = Client(organisation_id=provider, given_name="Demo", family_name="Thuis", sex="female",
                        birth_date=today - timedelta(days=30000), care_setting="home", status="active",
                        external_ref="Thuis", referral_organisation_id=gp.organisation_id)
        uow.session.add(client)
        uow.session.flush()
        uow.session.add_all([Measurement(client_id=client.id, type="weight_kg", value=kg, measured_at=datetime.combine(
            today - timedelta(days=days), time(9), tzinfo=BRUSSELS)) for kg, days in ((70.0, 21), (65.0, 2))])
        uow.commit()
    factory = app.extensions["nutriplat"].session_factory
    report = SeedReport()
    seed_care_teams(factory, report)
    assert report.created == {"care-team members added (gp)": 1}
    early_warning(lambda: UnitOfWork(factory), today - timedelta(days=1))
    with uow:
        [told] = uow.session.scalars(select(CareAlertRecipient).where(CareAlertRecipient.told_as == "gp"))
        assert told.user_id == gp.id
    counts: Counter[tuple[str, str]] = Counter()
    network.simulate(factory, today, today, counts)
    assert not any(what.startswith("care-team members") for _, what in +counts)
