"""handovers: what the care team hands over when a client moves between care settings."""
