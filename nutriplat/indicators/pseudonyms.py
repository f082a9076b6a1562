"""Keyed-hash pseudonyms of the national register number (rijksregisternummer), agreed per
agreement, so a cofinancer's figures can be matched to the provider's clients while the
number itself is never stored by either side's exchange.

The platform holds one secret, ``NUTRIPLAT_PSEUDONYM_KEY``, in its environment. The key of
agreement *n* is ``HMAC-SHA256(secret, "nutriplat/agreement/n")``; the provider hands it to
the cofinancer over a secure channel once. A pseudonym is ``HMAC-SHA256(agreement key, the
11 digits)`` in lower-case hex. A keyed hash, not a plain one: the register numbers are few
enough (a birth date and a counter) that anyone could hash them all, but not without the key."""
from __future__ import annotations

import hashlib
import hmac
import os
import re

KEY_ENV = "NUTRIPLAT_PSEUDONYM_KEY"
PSEUDONYM = re.compile(r"^[0-9a-f]{64}$")
_SEPARATORS = re.compile(r"[\s.\-]")


def secret() -> bytes | None:
    value = os.environ.get(KEY_ENV, "")
    return value.encode() if value else None


def agreement_key(secret_key: bytes, agreement_id: int) -> bytes:
    return hmac.new(secret_key, f"nutriplat/agreement/{agreement_id}".encode(), hashlib.sha256).digest()


def pseudonym(key: bytes, national_number: str) -> str:
    return hmac.new(key, digits(national_number).encode(), hashlib.sha256).hexdigest()


def digits(national_number: str) -> str:
    return _SEPARATORS.sub("", national_number)


def national_number_error(national_number: str) -> str | None:
    """Why the text is not a Belgian national register number (11 digits, the last two a
    check of the first nine: 97 − n mod 97, with a 2 in front for people born from 2000)."""
    number = digits(national_number)
    if not re.fullmatch(r"\d{11}", number):
        return "Must be 11 digits (YY.MM.DD-NNN.CC)."
    body, check = int(number[:9]), int(number[9:])
    if check not in (97 - body % 97, 97 - (2_000_000_000 + body) % 97):
        return "The check digits do not match."
    return None
