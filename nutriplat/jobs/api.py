"""/jobs/runs: what the scheduler, the CLI and the demo simulation ran, and how it went."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.jobs import services
from nutriplat.jobs.policy import POLICY
from nutriplat.jobs.schemas import JobRunQuerySchema, JobRunSchema
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs",
                description="Runs of the nightly and monthly jobs (one per job and period)")


@blp.route("/runs")
class JobRuns(MethodView):
    @roles_required(*POLICY.roles("list_runs"))
    @blp.arguments(JobRunQuerySchema, location="query")
    @blp.response(200, JobRunSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Job runs, newest first: every attempt with its outcome; counts and error for platform admins"""
        found, pagination_parameters.item_count = services.list_runs(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found
