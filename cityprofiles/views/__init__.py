"""The city profiles area's pages, one module per concern."""
