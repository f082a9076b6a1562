"""The report as CSV or as an Excel workbook, and a trend chart as a PNG image."""
from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd
from matplotlib.figure import Figure  # the object API: no global pyplot state shared by threads

from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.reports import Report
from nutriplat.spreadsheets import csv_text, xlsx_text

COLUMNS = ["indicator", "period", "dimension", "category", "numerator", "denominator", "value", "suppressed", "no_data"]


def rows_frame(report: Report) -> pd.DataFrame:
    return pd.DataFrame([{
        "indicator": row.indicator, "period": row.period,
        "dimension": next(iter(row.disaggregation), ""),
        "category": next(iter(row.disaggregation.values()), ""),
        "numerator": row.numerator, "denominator": row.denominator, "value": row.value,
        "suppressed": row.suppressed, "no_data": row.no_data or ""} for row in report.rows], columns=COLUMNS)


def as_csv(report: Report) -> str:
    # Decimals are written as they are: exact, with a point, never in scientific notation.
    return rows_frame(report).map(csv_text).to_csv(index=False, lineterminator="\n")


def as_xlsx(report: Report) -> bytes:
    buffer = io.BytesIO()
    about = pd.DataFrame([
        ("agreement", report.agreement_name), ("period", report.period),
        ("baseline period", report.baseline_period), ("report date", report.report_date.isoformat()),
        ("small cells", "fewer than 5 clients are suppressed, with complementary cells")], columns=["", " "])
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows_frame(report).to_excel(writer, sheet_name="Report", index=False)
        pd.DataFrame(report.indicators).to_excel(writer, sheet_name="Indicators", index=False)
        about.to_excel(writer, sheet_name="About", index=False)
        xlsx_text(writer.book)  # the agreement's name, categories, units: text, never a formula
    return buffer.getvalue()


def trend_png(definition: Definition, series: Sequence[tuple[str, Decimal | None]],
              target: Decimal | None) -> bytes:
    """A line over the periods; a suppressed or empty period is a gap, not a zero."""
    labels = [label for label, _ in series]
    values = [float("nan") if value is None else float(value) for _, value in series]
    figure = Figure(figsize=(8, 4), dpi=100)
    axes = figure.subplots()
    axes.plot(labels, values, marker="o", color="#2b6cb0")
    if target is not None:
        axes.axhline(float(target), linestyle="--", color="#c05621", label=f"target {target.normalize():f}")
        axes.legend(loc="best")
    axes.set_title(f"{definition.name} (v{definition.version})")
    axes.set_ylabel(definition.unit)
    axes.grid(alpha=0.3)
    axes.tick_params(axis="x", labelrotation=45)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
