"""The five areas of the hub: one list that drives the navigation bar and the home page."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Area:
    url_name: str
    title: Promise
    description: Promise


AREAS = (
    Area(
        "library:index",
        _("Library"),
        _("Research, strategies, local action plans and evaluations from across the network."),
    ),
    Area(
        "cityprofiles:index",
        _("Cities"),
        _("Member cities' profiles: their challenges, approaches and initiatives."),
    ),
    Area(
        "training:index",
        _("Training"),
        _("Working-group toolkits and interactive training modules."),
    ),
    Area(
        "events:index",
        _("Events"),
        _("Global summits, regional workshops and city-to-city exchanges."),
    ),
    Area(
        "membership:index",
        _("Network"),
        _("Member cities, the Steering Committee and the Regional Advisory Groups."),
    ),
)
