"""/staff-survey and /agreements/{id}/staff-wellbeing: the quarterly staff survey and its
suppressed summary for the parties to an agreement (``staff_survey.py``)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.indicators import staff_questions, staff_survey
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas import staff_survey as s
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("staff_survey", __name__, url_prefix="/api/v1",
                description="The staff survey (dietitians, drivers, kitchen) behind the staff-wellbeing aim")


@blp.route("/staff-survey")
class Answers(MethodView):
    @roles_required(*POLICY.roles("answer_staff_survey"))
    @blp.arguments(s.AnswerSchema)
    @blp.response(201, s.AnsweredSchema)
    def post(self, body):
        """Answer this quarter's staff survey, once (no one ever sees a single response)"""
        return staff_survey.submit(uow(), actor(), body["staff_group"], body["answers"])


@blp.route("/staff-survey/questions")
class Questions(MethodView):
    @roles_required(*POLICY.roles("staff_survey_questions"))
    @blp.response(200, s.QuestionnaireSchema)
    def get(self):
        """The questions asked this quarter (the provider's version in force, else the built-in five)"""
        return staff_questions.current(uow(), actor())

    @roles_required(*POLICY.roles("revise_staff_survey"))
    @blp.arguments(s.QuestionsRequestSchema)
    @blp.response(201, s.QuestionnaireSchema)
    def post(self, body):
        """A new version of the questions, asked from the next quarter on (answers keep their version)"""
        return staff_questions.revise(uow(), actor(), body["questions"])


@blp.route("/agreements/<int:agreement_id>/staff-wellbeing")
class Wellbeing(MethodView):
    @roles_required(*POLICY.roles("staff_wellbeing"))
    @blp.arguments(s.SummaryQuerySchema, location="query")
    @blp.response(200, s.SummarySchema)
    def get(self, query, agreement_id):
        """Respondents and mean score per staff group for a closed quarter, small groups suppressed"""
        return staff_survey.summary(uow(), actor(), agreement_id, query["period"])
