"""The portal's pure rules: texture levels in words and colour, reheating steps, plate
fractions and glasses (no Flask, no SQLAlchemy)."""
