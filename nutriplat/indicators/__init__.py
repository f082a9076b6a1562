"""Indicators: definitions as data, cohorts, anonymised reports with small-cell
suppression, result-based agreements, payment rules and settlement statements.
See README.md in this package."""
