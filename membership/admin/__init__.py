"""The membership app's admin, one module per concern; importing them registers them."""

from membership.admin import people, places, themes

__all__ = ["people", "places", "themes"]
