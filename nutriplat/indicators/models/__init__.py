"""The indicators' tables, one module per part; imported together so the mappers know
each other (``from nutriplat.indicators.models import Agreement``)."""
from .agreements import Agreement, AgreementIndicator, AgreementVersion, PaymentRule
from .audits import MeasurementAudit
from .definitions import IndicatorDefinition
from .external import ClientPseudonym, ExternalFigure, ExternalImport, ExternalImportRefusal
from .settlements import IndicatorSnapshot, Settlement
from .staff import StaffSurveyQuestionnaire, StaffSurveyResponse

__all__ = ["Agreement", "AgreementIndicator", "AgreementVersion", "ClientPseudonym", "ExternalFigure", "ExternalImport",
           "ExternalImportRefusal", "IndicatorDefinition", "IndicatorSnapshot", "MeasurementAudit", "PaymentRule",
           "Settlement", "StaffSurveyQuestionnaire", "StaffSurveyResponse"]
