"""The web user's own preferences (display name, language). No Flask here."""
from __future__ import annotations

from dataclasses import dataclass

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput, NotFound

# The languages of the web application: Dutch (Belgium) by default, English.
LOCALES = {"nl-BE": "Nederlands", "en-GB": "English"}
DEFAULT_LOCALE = "nl-BE"


@dataclass(frozen=True)
class Profile:
    username: str
    display_name: str
    role: str
    organisation: str | None
    locale: str


def profile(uow: UnitOfWork, actor: Actor) -> Profile:
    with uow:
        user = _user(uow, actor)
        return Profile(user.username, user.display_name or user.username, user.role,
                       user.organisation.name if user.organisation else None,
                       supported(user.locale))


def set_locale(uow: UnitOfWork, actor: Actor, locale: str) -> str:
    if locale not in LOCALES:
        raise InvalidInput("Unknown language.",
                           {"locale": [f"Must be one of: {', '.join(LOCALES)}."]})
    with uow:
        _user(uow, actor).locale = locale
        uow.commit()
        return locale


def supported(locale: str | None) -> str:
    """A stored locale the application does not offer falls back to the default
    (a user row created before the web application holds nl-BE anyway)."""
    return locale if locale in LOCALES else DEFAULT_LOCALE


def _user(uow: UnitOfWork, actor: Actor) -> User:
    user = uow.session.get(User, actor.user_id)
    if user is None:
        raise NotFound("No such user.")
    return user
