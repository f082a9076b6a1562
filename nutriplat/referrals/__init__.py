"""Referrals: GPs, hospitals and home-nursing services refer a person to a provider (through
the API or as a FHIR ServiceRequest); the provider's dietitian triages the inbox, and an
accepted referral becomes (or joins) a client. Downstream of clients and screening."""
