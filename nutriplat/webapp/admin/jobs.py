"""Job runs: every attempt of the nightly and monthly jobs, newest first, filtered by
job, outcome and period (``jobs.services.list_runs``, as ``GET /api/v1/jobs/runs``)."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.jobs import services
from nutriplat.jobs.models import OUTCOMES, JobRun
from nutriplat.jobs.policy import POLICY
from nutriplat.jobs.registry import JOBS
from nutriplat.jobs.schemas import JobRunQuerySchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_jobs", __name__, url_prefix="/admin/jobs")
PAGE_SIZE = 50


@bp.get("/")
@login_required(*POLICY.roles("list_runs"))
def index() -> ResponseReturnValue:
    form = Form({k: v for k, v in request.args.items() if k != "page"})
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    runs: list[JobRun] = []
    total = 0
    with form.handling():
        runs, total = services.list_runs(uow(), actor(), form.load(JobRunQuerySchema()), page, PAGE_SIZE)
    return render_template("admin/jobs.html", form=form, runs=runs, total=total, page=page,
                           pages=max(1, -(-total // PAGE_SIZE)), jobs=[(j, j) for j in sorted(JOBS)],
                           outcomes=[(o, label("job_outcome", o)) for o in OUTCOMES],
                           withheld=services.WITHHELD), form.status
