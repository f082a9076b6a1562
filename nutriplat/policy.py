"""Who may do what: each area keeps one policy table of its use cases and the roles
allowed to run them (``<area>/policy.py``).

The service checks the table at the start of the use case, so the API, the web app
and any future adapter get the same answer from one place; the adapters read the
same table for their early refusal and for the API documentation (``Roles: ...``).
Organisation and mandate scope stay with the data (``nutriplat.access``,
``clients.access``): a table says *which roles*, the loaders say *whose rows*."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.errors import Forbidden


@dataclass(frozen=True)
class Policy:
    """The use cases of one area and the roles that may run each of them."""

    area: str
    rules: Mapping[str, tuple[str, ...]]

    def roles(self, use_case: str) -> tuple[str, ...]:
        """The roles allowed to run ``use_case``; a name not in the table is a bug."""
        try:
            return self.rules[use_case]
        except KeyError:
            raise KeyError(f"{self.area} has no use case {use_case!r} in its policy table") from None

    def allows(self, actor: Actor, use_case: str) -> bool:
        # The nightly jobs and the CLI run as SYSTEM, explicitly, never as a missing actor.
        return actor == SYSTEM or actor.role in self.roles(use_case)

    def check(self, actor: Actor, use_case: str) -> None:
        """Refuse (403) an actor whose role may not run ``use_case``."""
        if not self.allows(actor, use_case):
            raise Forbidden(f"The role '{actor.role}' may not do this.")
