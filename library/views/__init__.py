"""The library's pages, one module per concern."""
