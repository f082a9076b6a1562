"""Referrals as FHIR R4 (built and validated with fhir.resources' R4B models, which are
wire-compatible with R4 for these resources; docs/fhir/README.md): a ServiceRequest read
into a referral (``reading``), a referral written back as a ServiceRequest and a Task
(``writing``), and the OperationOutcome that names each problem (``outcome``)."""
