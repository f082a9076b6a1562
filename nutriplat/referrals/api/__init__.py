"""The referrals area's blueprints: ``referrals`` (the API of issue 19) and ``fhir``
(the same referrals as FHIR R4 ServiceRequest and Task)."""
