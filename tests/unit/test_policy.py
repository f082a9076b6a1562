"""A policy table: which roles may run each use case of an area."""
import pytest

from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.errors import Forbidden
from nutriplat.policy import Policy

POLICY = Policy("kitchen", {"plan_production": ("admin", "logistics")})


def actor(role: str) -> Actor:
    return Actor(user_id=7, username="someone", role=role, organisation_id=1)


def test_a_role_in_the_table_may_run_the_use_case():
    POLICY.check(actor("logistics"), "plan_production")


def test_a_role_outside_the_table_is_refused_with_a_403():
    with pytest.raises(Forbidden, match="The role 'dietitian' may not do this"):
        POLICY.check(actor("dietitian"), "plan_production")


def test_the_system_actor_of_jobs_and_cli_may_run_every_use_case():
    assert POLICY.allows(SYSTEM, "plan_production")


def test_a_use_case_missing_from_the_table_is_a_programming_error_not_a_refusal():
    with pytest.raises(KeyError, match="kitchen has no use case 'cook'"):
        POLICY.roles("cook")
