"""Who may do what with indicators, agreements and settlements (``nutriplat.policy``).
The two parties to an agreement, the provider's admin and the cofinancer, see it, its
reports and its settlements; ``agreements.visible`` narrows each to its own."""
from nutriplat.auth.roles import ADMIN, COFINANCER, DIETITIAN, LOGISTICS
from nutriplat.policy import Policy

PARTIES = (ADMIN, COFINANCER)

POLICY = Policy("indicators", {
    "list_definitions": PARTIES,
    # An indicator as data (numerator and denominator over the recorded measures), no code change
    "create_definition": (ADMIN,),
    "list_agreements": PARTIES,
    "get_agreement": PARTIES,
    # The provider drafts the agreement (and each renegotiated version) and proposes it;
    # the cofinancer accepts the proposed version (lifecycle.py); only an accepted one pays.
    "create_agreement": (ADMIN,),
    "propose_agreement": (ADMIN,),
    "renegotiate_agreement": (ADMIN,),
    "accept_agreement": (COFINANCER,),
    "list_versions": PARTIES,
    # Either party simulates a version's payments before (or after) signing it.
    "simulate": PARTIES,
    "list_snapshots": PARTIES,
    # Either party may settle a complete period: the statement follows from the snapshot.
    "list_settlements": PARTIES,
    "settle": PARTIES,
    "get_settlement": PARTIES,
    "verify": PARTIES,
    # Anonymised reports and their trend charts (reports.py)
    "indicator_report": PARTIES,
    "trends": PARTIES,
    # A cofinancer's own figures, matched by keyed-hash pseudonym (external_import.py): the
    # provider enrols its clients and imports the file; the per-row report names clients.
    "enrol_pseudonyms": (ADMIN,),
    "import_external": (ADMIN,),
    # Both parties see the reconciliation per source, measure and month: counts, suppressed.
    "reconciliation_summary": PARTIES,
    # The measurement audit (audits.py): the provider draws the seeded sample and its second
    # person verifies it against the source — its admin or a dietitian (the natural second
    # person for a screening) named in the audit rule; both parties see the seed and rate.
    "draw_audit": (ADMIN,),
    "verify_audit": (ADMIN, DIETITIAN),
    "list_audits": PARTIES,
    # The staff survey (staff_survey.py): staff answer; the parties see suppressed aggregates only.
    "answer_staff_survey": (DIETITIAN, LOGISTICS),
    # The survey's questions are data (staff_questions.py): staff read the quarter's, the
    # provider's admin revises them for the next quarter; answers keep their version.
    "staff_survey_questions": (ADMIN, DIETITIAN, LOGISTICS),
    "revise_staff_survey": (ADMIN,),
    "staff_wellbeing": PARTIES,
})
