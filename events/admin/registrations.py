"""Admin for registrations (placeholder until its part lands)."""
