"""Admin for events (placeholder until its part lands)."""
