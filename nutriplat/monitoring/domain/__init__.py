"""Pure early-warning logic on cases (no Flask, no SQLAlchemy): how a client's open
signals add up to one risk score, a severity, a one-line reason and a suggested action."""
