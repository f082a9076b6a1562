"""What a typed search term matches in the client list: part of the name (either
order), the client's number (ours or the referrer's), the start of a postcode, or a date
of birth as people write it (21/06/1938, 21-06-1938, 21.06.1938 or 1938-06-21)."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import ColumnElement, func, or_

from nutriplat.clients.models import Client

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def matching(term: str) -> ColumnElement[bool]:
    text = term.strip().lower()
    pattern = f"%{text}%"
    found = [func.lower(Client.given_name + " " + Client.family_name).like(pattern),
             func.lower(Client.family_name + " " + Client.given_name).like(pattern),
             func.lower(Client.external_ref) == text,
             Client.postal_code.like(f"{text}%")]
    number = text.removeprefix("#")
    if number.isdigit() and len(number) < 10:  # our client number is the record's id
        found.append(Client.id == int(number))
    if (born := birth_date_in(text)) is not None:
        found.append(Client.birth_date == born)
    return or_(*found)


def birth_date_in(text: str) -> date | None:
    """The date a search term names, day first as written in Belgium, or ISO; None when
    it names no real date."""
    try:
        if match := _DAY_FIRST.match(text):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
