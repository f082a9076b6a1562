"""Languages and formats: Flask-Babel with the user's locale (nl-BE by default),
dates, numbers and money formatted by Babel in that locale.

The catalogs (translations/<lang>/LC_MESSAGES/messages.po) are in the repository;
the compiled .mo files are not: ``compile_catalogs`` writes them at app start when
missing or older than their .po, so a fresh clone needs no extra step."""
from __future__ import annotations

import logging
import os
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, session
from flask_babel import Babel, format_currency, format_date, format_datetime, format_decimal, get_locale

from nutriplat.webapp.labels import label
from nutriplat.webapp.preferences import DEFAULT_LOCALE, supported

TRANSLATIONS = Path(__file__).parent / "translations"


def init_app(app: Flask) -> None:
    compile_catalogs()
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    Babel(app, locale_selector=select_locale)
    for name, filter_ in (("money", money), ("number", number), ("day", day),
                          ("moment", moment)):
        app.jinja_env.filters[name] = filter_
    app.jinja_env.globals["current_lang"] = lambda: get_locale().language
    app.jinja_env.globals["label"] = label


def select_locale() -> str:
    """The signed-in user's language (kept in the session at login and when they
    switch); before login the one picked on the login page; else nl-BE."""
    return supported(session.get("locale", DEFAULT_LOCALE)).replace("-", "_")


def money(value: Decimal | None) -> str:
    return "" if value is None else format_currency(value, "EUR")


def number(value: float | Decimal | int | None, digits: int = 1) -> str:
    if value is None:
        return ""
    return format_decimal(value, format=f"#,##0.{'0' * digits}" if digits else "#,##0")


def day(value: date | None, style: str = "medium") -> str:
    return "" if value is None else format_date(value, style)


def moment(value: datetime | None, style: str = "medium") -> str:
    """A UTC timestamp shown in Europe/Brussels time."""
    return "" if value is None else format_datetime(value, style)


def compile_catalogs(root: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .po whose .mo is missing or stale; returns what was written.
    Written atomically, so parallel workers starting together do not clash."""
    written = []
    for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parts[-3])
        try:
            fd, tmp = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
        except OSError:  # a read-only install: it must ship compiled catalogs
            logging.getLogger(__name__).warning("cannot write %s; texts stay English", mo_path)
            continue
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, mo_path)
        written.append(mo_path)
    return written
