"""Text cells that a spreadsheet shows as text and never runs as a formula (OWASP
"CSV injection"): an agreement named ``=HYPERLINK(…)`` or a description starting with
``@`` must stay the words it is. Every CSV and Excel export writes through here."""
from __future__ import annotations

from typing import Any

from openpyxl.workbook.workbook import Workbook

# A cell starting with one of these is read as a formula (or DDE) by Excel, LibreOffice
# and Google Sheets; tab and carriage return because some importers strip them first.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_text(value: Any) -> Any:
    """For a CSV cell: text starting with a trigger gets a leading single quote, which the
    spreadsheet shows as text; numbers (a negative weight change) are left as they are."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def xlsx_text(workbook: Workbook) -> Workbook:
    """Every text cell of every sheet typed as a string, not a formula. openpyxl types a
    value that starts with "=" as a formula when it is set; typing it back as a string
    with the quote prefix keeps the exact text and makes Excel never evaluate it."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value.startswith(TRIGGERS)):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    return workbook
