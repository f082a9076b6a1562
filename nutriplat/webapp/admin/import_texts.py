"""The refusals of a cofinancer's file in the user's language, by their stable codes
(``indicators.domain.import_problems``): the API keeps its English, the pages show these."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from nutriplat.webapp.coded_texts import CodedTexts

IMPORT_TEXTS = CodedTexts(reasons={
    "invalid_file": _l("The file breaks the documented layout or the agreement's rules; nothing was written."),
    "differencing": _l("The file would change a month's published reconciliation by too few rows; "
                       "nothing was written."),
    "settled_period": _l("The file covers a settled period, whose figures never change."),
    "duplicate_file": _l("This file was imported already."),
    "no_pseudonym_key": _l("No pseudonym key is configured, so nothing can be matched."),
    "report_changed": _l("A frozen report cannot be made again with the file's figures without exposing a person."),
    "conflict": _l("Another import of the agreement was written at the same moment."),
}, problems={
    "file_empty": _l("The file is empty."),
    "header": _l("The header must be %(columns)s."),
    "no_rows": _l("The file has no rows."),
    "too_many_rows": _l("At most %(limit)s rows per file."),
    "columns": _l("Must have %(expected)s columns, not %(found)s."),
    "pseudonym_format": _l("Must be the 64 hexadecimal characters of the agreed keyed hash."),
    "pseudonym_repeated": _l("Repeats line %(line)s (same pseudonym, month and measure)."),
    "month_format": _l("Must be a month, YYYY-MM."),
    "month_outside": _l("Must lie within the agreement, %(first)s to %(last)s."),
    "measure_not_counted": _l("Must be a measure the agreement counts from this source: %(measures)s."),
    "no_measure_counted": _l("The agreement counts no measure from this source."),
    "value_number": _l("Must be a number, 0 or more."),
    "value_whole": _l("Must be a whole number."),
    "source_unknown": _l("Must be a data source the agreement names: %(sources)s."),
    "settled": _l("Covers the settled period %(period)s."),
    "differencing_rows": _l("%(month)s %(measure)s: %(rows)s of its rows differ from an earlier file's; a correction "
                            "must change none or at least %(threshold)s, or the two summaries would tell whether "
                            "those rows match a client."),
    "differencing_counts": _l("%(month)s %(measure)s: a count of its summary (matched, unmatched, ambiguous, "
                              "differing or compared rows) would move by 1 to %(below)s from an earlier file's, "
                              "which would tell single rows' match."),
    "duplicate": _l("Imported already."),
    "no_key": _l("Set %(variable)s in the service's environment."),
    "report_changed": _l("%(period)s was frozen on other records (%(indicator)s)."),
    "report_breakdown_changed": _l("%(period)s was frozen on other records (a breakdown)."),
    "report_exposes": _l("%(period)s cannot take these figures without exposing a person."),
})
COLUMN_TEXT = {"pseudonym": _l("pseudonym"), "month": _l("month"), "measure": _l("measure"), "value": _l("value"),
               "line": _l("columns")}
STATUS_TEXT = {"imported": _l("imported"), "refused": _l("refused")}


def field_labels(names: list[str]) -> dict[str, str]:
    """``rows.<line>.<column>`` as the user reads it: "Line 12, month"."""
    labels = {}
    for name in names:
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == "rows":
            labels[name] = _l("Line %(line)s, %(column)s", line=parts[1],
                              column=COLUMN_TEXT.get(parts[2], parts[2]))
    return labels
