"""NutriPlat: the operations backend of a nutrition service against malnutrition.

Imports nothing: the app factory lives in ``nutriplat.app``, so a domain module can be
imported without Flask."""
