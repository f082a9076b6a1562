"""Monitoring's tables, one module per resource; imported together so the mappers know
each other (``from nutriplat.monitoring.models import Case``)."""
from .alerts import Alert
from .cases import Case, CaseChange
from .goals import Goal, GoalProgress
from .surveys import ExperienceSurvey
from .thresholds import ClientThreshold

__all__ = ["Alert", "Case", "CaseChange", "ClientThreshold", "ExperienceSurvey", "Goal", "GoalProgress"]
