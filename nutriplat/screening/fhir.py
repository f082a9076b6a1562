"""A stored screening as a FHIR R4 Observation (built with fhir.resources' R4B models,
which are wire-compatible with R4 for Observation).

Codes: MNA-SF uses LOINC 107107-5 (the MNA-SF panel) as the Observation code and
LOINC 107114-1 for the total-score component; MUST uses SNOMED CT 444297006 (MUST score).
Everything else — the other instruments, their items and the risk categories — uses the
local code system ``LOCAL_SYSTEM`` (documented in docs/fhir.md)."""
from __future__ import annotations

from typing import Any

from fhir.resources.R4B.observation import Observation

from nutriplat.screening.domain import INSTRUMENTS
from nutriplat.screening.domain.outcomes import LABELS
from nutriplat.screening.models import Screening

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
LOCAL_SYSTEM = "urn:nutriplat:codesystem:screening"
CATEGORY = {"system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey", "display": "Survey"}

STANDARD_CODES = {
    "mna_sf": {"system": LOINC, "code": "107107-5",
               "display": "Mini nutritional assessment - short form 3 months Reported.MNA-SF"},
    "must": {"system": SNOMED, "code": "444297006",
             "display": "Malnutrition Universal Screening Tool score"},
}
TOTAL_COMPONENT_CODES = {"mna_sf": {"system": LOINC, "code": "107114-1"}}


def _local(code: str, display: str | None = None) -> dict[str, Any]:
    coding = {"system": LOCAL_SYSTEM, "code": code}
    return coding | ({"display": display} if display else {})


def observation(screening: Screening) -> Observation:
    instrument = screening.instrument
    name = LABELS.get(instrument, instrument)
    codings = [STANDARD_CODES[instrument]] if instrument in STANDARD_CODES else []
    codings.append(_local(instrument, INSTRUMENTS[instrument].name if instrument in INSTRUMENTS else name))
    components = [{"code": {"coding": [_local(f"{instrument}.{item}")], "text": item},
                   "valueInteger": points} for item, points in screening.components.items()]
    if screening.total_score is not None and instrument in TOTAL_COMPONENT_CODES:
        components.insert(0, {"code": {"coding": [TOTAL_COMPONENT_CODES[instrument]],
                                       "text": f"{name} total score"},
                              "valueInteger": screening.total_score})
    body: dict[str, Any] = {
        "resourceType": "Observation",
        "id": f"screening-{screening.id}",
        "status": "amended" if screening.corrects_id else "final",
        "category": [{"coding": [CATEGORY]}],
        "code": {"coding": codings, "text": name},
        "subject": {"reference": f"Patient/{screening.client_id}"},
        "effectiveDateTime": screening.performed_at.isoformat(),
        "issued": screening.recorded_at.isoformat(),
        "interpretation": [{"coding": [_local(f"risk.{screening.risk}")],
                            "text": screening.risk.replace("_", " ")}],
        "component": components or None,
        # A correction says why it replaces the result it names.
        "note": [{"text": f"Corrects screening {screening.corrects_id}: {screening.correction_reason}"}]
        if screening.corrects_id and screening.correction_reason else None,
    }
    if screening.performed_by is not None:
        body["performer"] = [{"reference": f"Practitioner/{screening.performed_by}"}]
    if screening.total_score is not None:
        body["valueInteger"] = screening.total_score
    else:
        body["valueCodeableConcept"] = {"coding": [_local(f"risk.{screening.risk}")],
                                        "text": screening.risk.replace("_", " ")}
    return Observation.model_validate({k: v for k, v in body.items() if v is not None})
