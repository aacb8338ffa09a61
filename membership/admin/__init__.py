"""The membership app's admin, one module per concern; importing them registers them."""

from membership.admin import applications, governance, people, places, themes

__all__ = ["applications", "governance", "people", "places", "themes"]
