"""The dietitian's pages: the day, the client, screening, targets and meal plans."""
