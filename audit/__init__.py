"""The audit log: who did what, when and from where, for the SCN team to read."""
