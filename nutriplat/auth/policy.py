"""Who may do what with accounts, organisations and the audit log (``nutriplat.policy``)."""
from nutriplat.auth.roles import ADMIN, ROLES
from nutriplat.policy import Policy

POLICY = Policy("auth", {
    # Signing out: every signed-in role revokes the token it holds.
    "revoke_token": ROLES,
    # A provider's admin sees its own organisation; a platform admin every one and is the
    # only one who creates them (services.create_organisation checks the platform).
    "list_organisations": (ADMIN,),
    "create_organisation": (ADMIN,),
    # An organisation's admin manages its own users; a platform admin everyone's.
    "list_users": (ADMIN,),
    "create_user": (ADMIN,),
    "deactivate_user": (ADMIN,),
    # The audit log is filtered to the admin's organisation (audit.query).
    "read_audit_log": (ADMIN,),
})
