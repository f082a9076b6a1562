"""The indicators' tables, one module per part; imported together so the mappers know
each other (``from nutriplat.indicators.models import Agreement``)."""
from .agreements import Agreement, AgreementIndicator, PaymentRule
from .definitions import IndicatorDefinition
from .settlements import IndicatorSnapshot, Settlement

__all__ = ["Agreement", "AgreementIndicator", "IndicatorDefinition", "IndicatorSnapshot",
           "PaymentRule", "Settlement"]
