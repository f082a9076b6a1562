"""Screening instruments, GLIM diagnosis and nutrient targets (spec/screening.md)."""
