"""What a typed search term matches in the client list: part of the name (either
order), the client's number (ours or the referrer's), or the start of a postcode."""
from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_

from nutriplat.clients.models import Client


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
    return or_(*found)
