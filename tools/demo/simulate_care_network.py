"""The care network's part of a simulated day (issue 19): on the first day the demo's
clients get their care teams (De Mandel's GP for the clients it referred, each mandated
caregiver, all with the client's consent) and two people are referred — one by the GP
through the referral form's use case, one by AZ Delta as a FHIR ServiceRequest; on the
second day the dietitian triages the inbox (accepting, or linking a likely duplicate);
on the tenth day a nursing-home resident moves to the hospital, which hands over. Every
day counts the care-team alerts told the day before. Idempotent per day, like every simulated step; a
database without the demo's people (the simulation's own tests) is left alone."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.careteam import members
from nutriplat.careteam.models import CareAlert, CareTeamMember
from nutriplat.clients import lifecycle
from nutriplat.clients.models import CaregiverMandate, CareSettingTransfer, Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict
from nutriplat.referrals import referring, triage
from nutriplat.referrals.fhir import service_requests
from nutriplat.referrals.models import Referral
from nutriplat.referrals.schemas import SentReferralSchema
from tools import fhir_examples
from tools.demo.population import people

STEP = "care"
GP, DISCHARGE, DIETITIAN = "huisarts.mandel", "ontslag.azdelta", people.DIETITIANS[0]
REFER_ON, TRIAGE_ON, TRANSFER_ON = 0, 1, 9  # days after the reference date
FORM_REFERRAL = {"given_name": "Rachel", "family_name": "Vanneste", "birth_date": "1946-05-30", "sex": "female",
                 "address": {"street": "Meensesteenweg 88", "postal_code": "8800", "city": "Roeselare"},
                 "reason": "Parkinson; chewing takes long, lost 3 kg since summer.", "urgency": "soon",
                 "screening": {"instrument": "must", "result": "score 2: high risk"}, "iddsi_food_level": "6",
                 "consent_for_care": True}


def simulate(factory: sessionmaker[Session], first: date, day: date, counts: Counter[tuple[str, str]]) -> None:
    with UnitOfWork(factory) as uow:
        actors = actors_of(uow.session)
    if actors is None:
        return
    offset = (day - first).days
    if offset == REFER_ON:
        set_up_care_teams(factory, actors, counts)
        _refer(factory, actors, counts)
    if offset == TRIAGE_ON:
        _triage(factory, actors, counts)
    if offset == TRANSFER_ON:
        _transfer(factory, actors, day, counts)
    if offset > 0:  # yesterday's alerts are all raised by noon (the night's sweep dates them yesterday)
        with UnitOfWork(factory) as uow:
            counts[STEP, "care-team alerts told (the day before)"] += uow.session.scalar(select(
                func.count(CareAlert.id)).where(CareAlert.raised_on == day - timedelta(days=1),
                                                CareAlert.topic_id.is_not(None))) or 0


def actors_of(session: Session) -> dict[str, Actor] | None:
    users = {u.username: u for u in session.scalars(select(User).where(User.username.in_((GP, DISCHARGE, DIETITIAN))))}
    if len(users) < 3:
        return None
    return {name: Actor(u.id, u.username, u.role, u.organisation_id, purpose="demo simulation")
            for name, u in users.items()}


def set_up_care_teams(factory: sessionmaker[Session], actors: dict[str, Actor],
                      counts: Counter[tuple[str, str]]) -> None:
    """De Mandel's GP in the team of each client in care it referred, and each caregiver with a
    mandate in their client's team (the demo loader sets them up too, before the first sweep)."""
    gp = actors[GP]
    with UnitOfWork(factory) as uow:
        s = uow.session
        present = {(row.client_id, row.user_id) for row in s.execute(
            select(CareTeamMember.client_id, CareTeamMember.user_id))}
        referred = list(s.scalars(select(Client.id).where(
            Client.referral_organisation_id == gp.organisation_id, Client.status == "active")
            .order_by(Client.id)))
        mandates = [(row.client_id, row.caregiver_id) for row in s.execute(
            select(CaregiverMandate.client_id, CaregiverMandate.caregiver_id).where(
                CaregiverMandate.withdrawn_at.is_(None)).order_by(CaregiverMandate.id))]
    wanted = [(c, gp.user_id or 0, "gp") for c in referred] + [(c, u, "caregiver") for c, u in mandates]
    for client_id, user_id, kind in wanted:
        if (client_id, user_id) in present:
            continue
        members.add_member(UnitOfWork(factory), actors[DIETITIAN], client_id,
                           {"user_id": user_id, "kind": kind, "consent": True})
        counts[STEP, f"care-team members added ({kind})"] += 1


def _refer(factory: sessionmaker[Session], actors: dict[str, Actor], counts: Counter[tuple[str, str]]) -> None:
    provider = actors[DIETITIAN].organisation_id or 0
    with UnitOfWork(factory) as uow:
        known = {(row.family_name, row.source) for row in uow.session.execute(
            select(Referral.family_name, Referral.source))}
    if ("Vanneste", "api") not in known:
        referring.refer(UnitOfWork(factory), actors[GP], SentReferralSchema().load(
            FORM_REFERRAL | {"provider_id": provider}))
        counts[STEP, "referrals received (form)"] += 1
    if ("Vermeulen", "fhir") not in known:
        service_requests.receive(UnitOfWork(factory), actors[DISCHARGE], fhir_examples.service_request(provider))
        counts[STEP, "referrals received (FHIR ServiceRequest)"] += 1


def _triage(factory: sessionmaker[Session], actors: dict[str, Actor], counts: Counter[tuple[str, str]]) -> None:
    """The new referrals and the one being triaged are accepted; the waiting one stays in the inbox."""
    dietitian = actors[DIETITIAN]
    with UnitOfWork(factory) as uow:
        inbox = list(uow.session.scalars(select(Referral.id).where(
            Referral.provider_id == dietitian.organisation_id, Referral.status.in_(("received", "triaged")),
            (Referral.status == "triaged") | Referral.family_name.in_(("Vanneste", "Vermeulen")))
            .order_by(Referral.id)))
    for referral_id in inbox:
        try:
            triage.accept(UnitOfWork(factory), dietitian, referral_id, {"care_setting": "home"})
            counts[STEP, "referrals accepted (new client)"] += 1
        except Conflict as duplicate:
            candidate = int(duplicate.errors["candidate_client_ids"][0])
            triage.accept(UnitOfWork(factory), dietitian, referral_id, {"link_client_id": candidate})
            counts[STEP, "referrals accepted (linked to a client)"] += 1


def _transfer(factory: sessionmaker[Session], actors: dict[str, Actor], day: date,
              counts: Counter[tuple[str, str]]) -> None:
    """The first nursing-home resident in care goes to the hospital (a fall): the handover is written."""
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = s.scalar(select(Organisation.id).where(Organisation.id == actors[DIETITIAN].organisation_id))
        moved = s.scalar(select(CareSettingTransfer.id).where(
            CareSettingTransfer.transferred_on == day, CareSettingTransfer.reason == "Fall: hip fracture"))
        resident = s.scalar(select(Client.id).where(
            Client.organisation_id == provider, Client.care_setting == "nursing_home", Client.status == "active",
            Client.external_ref.is_not(None)).order_by(Client.id).limit(1))
    if moved is not None or resident is None:
        return
    lifecycle.transfer(UnitOfWork(factory), actors[DIETITIAN], resident, {
        "to_setting": "hospital", "transferred_on": day, "reason": "Fall: hip fracture"})
    counts[STEP, "transfers handed over"] += 1
