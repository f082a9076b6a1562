"""Meal service's pure rules: what was eaten of a tray, and the IDDSI colours of a label."""
