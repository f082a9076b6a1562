"""The Dutch catalog covers every text of the web application, and compiles."""
from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from nutriplat.webapp import i18n

WEBAPP = Path(i18n.__file__).parent
# The web app, and the pages other areas render for it (the printable driver manifest).
SOURCES = (WEBAPP, WEBAPP.parent / "templates")
METHODS = [("**.py", "python"), ("**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


def _catalog():  # type: ignore[no-untyped-def]
    with (WEBAPP / "translations/nl/LC_MESSAGES/messages.po").open("rb") as handle:
        return read_po(handle, locale="nl")


def test_every_text_in_the_code_has_a_dutch_translation():
    catalog = _catalog()
    missing, untranslated = set(), set()
    for _file, _line, message, _comments, _context in (
            found for source in SOURCES for found in extract_from_dir(str(source), METHODS, keywords=KEYWORDS)):
        msgid = message if isinstance(message, str) else message[0]
        entry = catalog.get(msgid)
        if entry is None:
            missing.add(msgid)
        elif entry.fuzzy or not all(entry.string if isinstance(entry.string, tuple) else [entry.string]):
            untranslated.add(msgid)
    assert not missing, f"run `make translations`; not in the catalog: {sorted(missing)}"
    assert not untranslated, f"translate in messages.po: {sorted(untranslated)}"


def test_catalogs_compile_when_missing_or_stale(tmp_path):
    po = WEBAPP / "translations/nl/LC_MESSAGES/messages.po"
    target = tmp_path / "nl/LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.po").write_bytes(po.read_bytes())
    assert i18n.compile_catalogs(tmp_path) == [target / "messages.mo"]
    assert i18n.compile_catalogs(tmp_path) == []  # up to date: nothing to do
    assert (target / "messages.mo").stat().st_size > 1000


def test_formats_follow_the_users_locale(app):
    from datetime import date
    from decimal import Decimal

    from flask import session

    with app.test_request_context("/app/"):
        session["locale"] = "nl-BE"
        assert i18n.money(Decimal("1234.5")) == "€\xa01.234,50"
        assert i18n.day(date(2026, 11, 25)) == "25 nov 2026"
        assert i18n.number(61.55, 1) == "61,6"
    with app.test_request_context("/app/"):
        session["locale"] = "en-GB"
        assert i18n.money(Decimal("1234.5")) == "€1,234.50"
        assert i18n.day(date(2026, 11, 25)) == "25 Nov 2026"
