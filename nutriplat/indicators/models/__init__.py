"""The indicators' tables, one module per part; imported together so the mappers know
each other (``from nutriplat.indicators.models import Agreement``)."""
from .agreements import Agreement, AgreementIndicator, AgreementVersion, PaymentRule
from .definitions import IndicatorDefinition
from .settlements import IndicatorSnapshot, Settlement

__all__ = ["Agreement", "AgreementIndicator", "AgreementVersion", "IndicatorDefinition", "IndicatorSnapshot",
           "PaymentRule", "Settlement"]
