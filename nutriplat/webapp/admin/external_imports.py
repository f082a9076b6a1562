"""A provider admin's page for an agreement's external data: upload a cofinancer's CSV of
figures, then read its reconciliation per row and its summary (the API's
``external_import`` and ``external_imports`` services)."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from nutriplat.errors import InvalidInput
from nutriplat.indicators import agreements, external_import, external_imports
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.external import ImportRequestSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.admin.import_texts import IMPORT_TEXTS, field_labels
from nutriplat.webapp.admin.import_texts import STATUS_TEXT as IMPORT_STATUS
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_external_imports", __name__, url_prefix="/admin")
MAX_UPLOAD = 40_000_000  # the API's limit on a file (ImportRequestSchema)
STATUS_TEXT = {"matched": _l("matched"), "unmatched": _l("unmatched"), "ambiguous": _l("ambiguous")}
REASON_TEXT = {"No client of the agreement has this pseudonym.": _l("No client of the agreement has this pseudonym."),
               "The platform records a different figure.": _l("The platform records a different figure."),
               "Both agree.": _l("Both agree.")}


@bp.route("/agreements/<int:agreement_id>/external-imports", methods=["GET", "POST"])
@login_required(*POLICY.roles("import_external"))
def index(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling(texts=IMPORT_TEXTS):
            data = form.load(ImportRequestSchema(), {"csv": _uploaded_text()})
            done = external_import.import_figures(uow(), actor(), agreement_id, data["source"], data["csv"])
            return redirect(url_for(".reconciliation", import_id=done.id))
    # the sources some version in force counts from (a renegotiation may add or drop one)
    sources = [(name, name) for name in external_imports.sources(uow(), actor(), agreement_id)]
    if len(sources) == 1 and not form.value("source"):
        form.values["source"] = sources[0][0]
    return render_template("admin/external_imports.html", agreement=agreement, form=form, sources=sources,
                           imports=external_imports.list_imports(uow(), actor(), agreement_id),
                           reasons=IMPORT_TEXTS.reasons, statuses=IMPORT_STATUS, problems=IMPORT_TEXTS.problems,
                           row_labels=field_labels(list(form.errors))), form.status


def _uploaded_text() -> str:
    """The chosen file as text (UTF-8, with or without a byte-order mark); no file is an
    error on the file field, never a 500."""
    upload = request.files.get("csv")
    content = upload.read(MAX_UPLOAD + 1) if upload and upload.filename else b""
    if not content:
        raise InvalidInput("The file cannot be imported.", {"csv": [_("Choose the CSV file to import.")]})
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("The file cannot be imported.", {"csv": [_("The file must be UTF-8 text.")]}) from None


@bp.get("/external-imports/<int:import_id>")
@login_required(*POLICY.roles("import_external"))
def reconciliation(import_id: int) -> ResponseReturnValue:
    found = external_imports.get_import(uow(), actor(), import_id)
    agreement = agreements.get_agreement(uow(), actor(), found.agreement_id)
    every = request.args.get("rows") == "all"
    # The rows to look at: not matched, or the platform's figure differs from the source's.
    rows = found.report if every else [r for r in found.report if r["status"] != "matched" or r["differs"]]
    return render_template("admin/external_import.html", agreement=agreement, found=found, rows=rows, every=every,
                           statuses=STATUS_TEXT, reasons=REASON_TEXT)
