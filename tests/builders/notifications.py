"""A fake e-mail channel for the tests: it reaches every user as ``<username>@example.test``
(or none listed in ``unreachable``), keeps what it sent, and refuses addresses in ``failing``."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from nutriplat.auth.models import User
from nutriplat.notifications import channels


@dataclass
class FakeChannel:
    name: str = "fake-email"
    sent: list[channels.OutgoingMessage] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)
    failing: set[str] = field(default_factory=set)

    def address_of(self, user: User) -> str | None:
        return None if user.username in self.unreachable else f"{user.username}@example.test"

    def send(self, message: channels.OutgoingMessage) -> None:
        if message.address in self.failing:
            raise channels.DeliveryFailed("mailbox unavailable")
        self.sent.append(message)

    def addresses(self) -> list[str]:
        return [m.address for m in self.sent]


@contextmanager
def fake_channel() -> Iterator[FakeChannel]:
    channel = FakeChannel()
    channels.register(channel)
    try:
        yield channel
    finally:
        channels.unregister(channel.name)
