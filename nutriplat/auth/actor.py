"""The authenticated caller, as plain values handed to every service."""
from __future__ import annotations

from dataclasses import dataclass

from nutriplat.auth import roles


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str
    organisation_id: int | None
    ip: str | None = None
    purpose: str | None = None
    # A client's own account: the client record it is tied to (None for every other role).
    client_id: int | None = None

    @property
    def is_platform_admin(self) -> bool:
        return self.role == roles.ADMIN and self.organisation_id is None

    @property
    def is_provider_staff(self) -> bool:
        return self.role in roles.PROVIDER_STAFF


# Jobs and the CLI act as the system, still with a name in the audit log.
SYSTEM = Actor(user_id=None, username="system", role=roles.ADMIN, organisation_id=None)
