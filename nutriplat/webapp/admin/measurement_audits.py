"""A provider admin's page for an agreement's measurement audits: draw the seeded sample of
an indicator for a closed period, then the second person records a finding on every sampled
scale reading or screening form (the API's ``audits`` service)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_percent
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from nutriplat.indicators import agreements, audits
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.audits import DrawSchema, FindingsSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_measurement_audits", __name__, url_prefix="/admin")
KIND_TEXT = {"weight": _l("scale reading"), "screening": _l("screening form"), "glim": _l("GLIM assessment"),
             "intake": _l("intake record"), "delivery": _l("delivery")}


@bp.route("/agreements/<int:agreement_id>/measurement-audits", methods=["GET", "POST"])
@login_required(*POLICY.roles("draw_audit"))
def index(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    form = Form(request.form, numbers=("seed",))
    if request.method == "POST":
        with form.handling():
            data = form.load(DrawSchema())
            drawn = audits.draw(uow(), actor(), agreement_id, data["indicator"], data["period"], data["seed"])
            return redirect(url_for(".audit", audit_id=drawn.id))
    audited = audits.audited_indicators(uow(), actor(), agreement_id)
    return render_template("admin/measurement_audits.html", agreement=agreement, form=form, audited=audited,
                           audits=audits.list_audits(uow(), actor(), agreement_id),
                           percent=format_percent), form.status


@bp.route("/measurement-audits/<int:audit_id>", methods=["GET", "POST"])
@login_required(*POLICY.roles("verify_audit"))
def audit(audit_id: int) -> ResponseReturnValue:
    """The sample in draw order; every item's finding is named by its place in it. For the
    verifier the audit rule names (the provider's admin or a dietitian)."""
    sampled = audits.sample_records(uow(), actor(), audit_id)
    found, items = sampled["audit"], sampled["items"]
    form = Form(request.form or _given(found.findings))
    if request.method == "POST":
        with form.handling():
            findings = [{"kind": item["kind"], "id": item["id"], "agrees": form.value(f"findings.{n}.agrees"),
                         "note": form.value(f"findings.{n}.note").strip() or None}
                        for n, item in enumerate(items)]
            data = form.load(FindingsSchema(), {"findings": findings})
            done = audits.record_findings(uow(), actor(), audit_id, data["findings"])
            flash(_("The findings are recorded: %(rate)s of the sample agrees with its source.",
                    rate=format_percent(done.agreement_rate)), "success")
            return redirect(url_for(".audit", audit_id=audit_id))
    verdicts = [("true", _("agrees with the source")), ("false", _("differs from the source"))]
    return render_template("admin/measurement_audit.html", agreement=sampled["agreement"], found=found,
                           items=items, form=form, verdicts=verdicts, kinds=KIND_TEXT, mine=sampled["may_verify"],
                           may_draw=actor().role in POLICY.roles("draw_audit"), percent=format_percent), form.status


@bp.get("/measurement-audits")
@login_required(*POLICY.roles("verify_audit"))
def to_verify() -> ResponseReturnValue:
    """The audits waiting for the signed-in user's findings (a dietitian's way in: she is no
    party to the agreement and sees none of its other pages)."""
    return render_template("admin/measurement_audits_to_verify.html", waiting=audits.to_verify(uow(), actor()))


def _given(findings: list[dict[str, Any]] | None) -> dict[str, str]:
    """A verified audit's findings as the form shows them (read-only)."""
    shown = {}
    for n, finding in enumerate(findings or ()):
        shown[f"findings.{n}.agrees"] = "true" if finding["agrees"] else "false"
        shown[f"findings.{n}.note"] = finding.get("note") or ""
    return shown
