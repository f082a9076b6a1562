"""Contract simulation in the web app, for the cofinancer and the provider's admin alike:
the dials of a scenario in a form, the payment distribution as a table (p10/p50/p90 per
rule and in total), each party's risk, each dial's effect, and a histogram drawn as
inline SVG (the API's ``simulations`` service)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.indicators import agreements, simulations
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.simulations import SimulationRequestSchema
from nutriplat.indicators.terms import needed_figures
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_simulation", __name__, url_prefix="/cofinancer/agreements")
NUMBERS = ("draws", "seed", "cohort_size", "expected_improvement", "spread")
WIDTH, HEIGHT = 640, 200


def bars(histogram: dict[str, list[float]]) -> list[dict[str, Any]]:
    """SVG rectangles of the histogram: x and width from the bins, height from the counts."""
    counts, edges = histogram["counts"], histogram["edges"]
    tallest, width = max(counts) or 1, WIDTH / max(len(counts), 1)
    return [{"x": round(i * width, 1), "width": round(width - 2, 1), "height": round(HEIGHT * c / tallest, 1),
             "y": round(HEIGHT - HEIGHT * c / tallest, 1), "count": c, "low": edges[i], "high": edges[i + 1]}
            for i, c in enumerate(counts)]


@bp.get("/<int:agreement_id>/simulation")
@login_required(*POLICY.roles("simulate"))
def simulation(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    terms = agreement.versions[-1].terms if agreement.versions else {"payment_rules": []}
    codes = sorted({code for code, _ in needed_figures(terms["payment_rules"])})
    defaults = {"draws": "1000", "seed": "1", "expected_improvement": "0.05", "spread": "0.05"}
    form = Form({**defaults, **request.args.to_dict()}, numbers=(*NUMBERS, *(f"baselines.{c}" for c in codes)))
    found = None
    if request.args:
        with form.handling():
            found = simulations.simulate(uow(), actor(), agreement_id, form.load(SimulationRequestSchema()))
    return render_template("cofinancer/simulation.html", agreement=agreement, form=form, found=found,
                           codes=codes, bars=bars(found["histogram"]) if found else [], width=WIDTH,
                           height=HEIGHT), form.status
