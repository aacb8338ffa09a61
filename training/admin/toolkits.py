"""Admin for toolkits (placeholder until its part lands)."""
