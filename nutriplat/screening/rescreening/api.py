"""/screening-tasks: the rescreening work list made at 06:00."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.screening.policy import POLICY
from nutriplat.screening.rescreening import tasks
from nutriplat.screening.rescreening.schemas import TaskQuerySchema, TaskSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("screening_tasks", __name__, url_prefix="/api/v1/screening-tasks",
                description="The rescreening work list: clients due for a screening, with their dietitian")


@blp.route("")
class ScreeningTasks(MethodView):
    @roles_required(*POLICY.roles("list_tasks"))
    @blp.arguments(TaskQuerySchema, location="query")
    @blp.response(200, TaskSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, args, pagination_parameters):
        """Rescreening tasks of the caller's clients: open ones longest due first, or done ones"""
        found, pagination_parameters.item_count = tasks.list_tasks(
            uow(), actor(), args["status"], args["mine"],
            pagination_parameters.page, pagination_parameters.page_size)
        return found
