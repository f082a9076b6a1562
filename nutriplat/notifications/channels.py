"""The channels behind the inbox. A channel (an e-mail or SMS provider) says whether it
reaches a user (their address, or None) and sends one message; it is registered once at
start-up (``register``). The inbox itself is always there; with no channel registered a
notification is in-app only. The tests register a fake channel."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from nutriplat.auth.models import User


@dataclass(frozen=True)
class OutgoingMessage:
    address: str
    subject: str
    body: str
    link: str | None


class Channel(Protocol):
    name: str

    def address_of(self, user: User) -> str | None:
        """Where this channel reaches ``user``, or None when it does not."""

    def send(self, message: OutgoingMessage) -> None:
        """Hand the message to the provider; raise ``DeliveryFailed`` when it refuses."""


class DeliveryFailed(Exception):
    """A provider refused or could not take a message (kept on the delivery row)."""


_registered: dict[str, Channel] = {}


def register(channel: Channel) -> None:
    _registered[channel.name] = channel


def unregister(name: str) -> None:
    _registered.pop(name, None)


def registered() -> dict[str, Channel]:
    return dict(_registered)
