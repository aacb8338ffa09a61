"""Admin for modules, lessons and quizzes (placeholder until its part lands)."""
