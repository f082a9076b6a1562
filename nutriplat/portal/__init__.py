"""The client's and the caregiver's own place (issue 17): invitations to a client account,
the message thread with the dietitian, and what the portal pages show, read through the
services of the areas upstream (clients, meal plans, delivery, billing, monitoring,
handovers' FHIR builders)."""
