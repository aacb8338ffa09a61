"""Writes of the membership app, one module per concern. Views validate input, call one of
these functions (each a transaction), and add a message."""
