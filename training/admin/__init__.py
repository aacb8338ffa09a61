"""The training app's admin: modules with their lessons and quizzes (modules.py), and
toolkits (toolkits.py)."""

from training.admin import modules, toolkits  # noqa: F401 - registers the model admins
