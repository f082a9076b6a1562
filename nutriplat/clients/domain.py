"""Rules of the client record without a framework or a database."""
from __future__ import annotations


def duplicate_key(family_name: str, birth_date: object, postal_code: str | None) -> tuple[str, str, str]:
    """What makes two records likely the same person: family name, birth date and postal
    code, compared without case and spacing."""
    return (" ".join(family_name.lower().split()), str(birth_date),
            "".join((postal_code or "").lower().split()))
