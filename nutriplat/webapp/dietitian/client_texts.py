"""The client page's texts that the domain gives as codes or in English (the API's
words): why the targets cannot be computed, the timeline's details and the reasons the
service wrote itself, in the reader's language. The domain stays free of Flask; the
codes are mapped here, and what people typed is shown as typed."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from nutriplat.clients.vocabulary import INITIAL_SETTING, RECORD_CREATED
from nutriplat.errors import InvalidInput
from nutriplat.webapp.i18n import day, number
from nutriplat.webapp.labels import label

SYSTEM_REASONS = {INITIAL_SETTING: _l("initial setting"), RECORD_CREATED: _l("record created")}
MEASURED = {"weight_kg": _l("weight"), "height_cm": _l("height")}  # what the targets wait for


def targets_missing(problem: InvalidInput, on: date) -> list[str]:
    """One sentence per measurement the targets wait for (the errors are keyed by it)."""
    return [_("No %(measurement)s measured on or before %(date)s; the targets need it.",
              measurement=MEASURED.get(name, name), date=day(on)) for name in problem.errors]


def system_reason(reason: str | None) -> object:
    return SYSTEM_REASONS.get(reason or "", reason or "")


def timeline_details(entry: Any) -> object:
    """Each kind of timeline entry in words: labels for the codes, what people typed (a
    coaching session's assessment) as typed. An alert shows its rule, severity and status; its
    cause is the domain's English sentence, read on the alerts page."""
    ref = entry.ref
    if entry.kind == "screening":
        result = f"{label('instrument', ref['instrument'])}: {label('risk', ref['risk'])}"
        score = ref.get("total_score")
        return result if score is None else _("%(result)s, score %(score)s", result=result, score=score)
    if entry.kind == "assessment":
        if not ref["malnourished"]:
            return f"GLIM: {label('risk', 'not_malnourished')}"
        return _("GLIM: %(result)s, stage %(stage)s", result=label("risk", "malnourished"), stage=ref["stage"])
    if entry.kind == "weight":
        return f"{number(ref['weight_kg'], 1)} kg"
    if entry.kind == "intake":
        eaten = _("%(meals)d meals, %(percent)d %% eaten", meals=ref["meals"], percent=ref["mean_percent_eaten"])
        return eaten if ref["fluid_ml"] is None else f"{eaten}, {number(ref['fluid_ml'], 0)} ml"
    if entry.kind == "content_assigned":
        return f"{ref['title']} ({_('read') if ref['read'] else _('not read yet')})"
    if entry.kind == "delivery":
        return f"{label('order_status', ref['status'])} ({day(date.fromisoformat(ref['delivery_date']))})"
    if entry.kind == "alert":
        severity, status = label("severity", ref["severity"]), label("alert_status", ref["status"])
        return f"{label('rule', ref['rule'])} ({severity}), {status}"
    if entry.kind == "coaching_session":
        held = f"{label('coaching_status', ref['status'])}: {label('coaching_mode', ref['mode'])}"
        return f"{held} — {ref['assessment']}" if ref.get("assessment") else held
    if entry.kind == "plan_change":
        return _("week of %(week)s: %(action)s", week=day(date.fromisoformat(ref["week_start"])),
                 action=label("plan_action", ref["action"]))
    return entry.summary
