"""Views of the membership app, one module per concern."""
