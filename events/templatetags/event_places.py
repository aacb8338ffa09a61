"""A member city on an event's page: `{{ city|city_link:cities_with_profile }}` gives its
name, linked to its profile when the viewer may read that profile (`cities_with_profile`,
ids), then its country. A filter rather than an included template: a summit lists a
hundred cities or more, and an include costs more than the line it draws."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.filter
def city_link(city, cities_with_profile) -> str:
    if city.pk in cities_with_profile:
        name = format_html(
            '<a href="{}" dir="auto">{}</a>',
            reverse("cityprofiles:profile", args=[city.slug]),
            city.name,
        )
    else:
        name = format_html('<span dir="auto">{}</span>', city.name)
    return format_html("{}, {}", name, city.country.name)
