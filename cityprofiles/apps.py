from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityProfilesConfig(AppConfig):
    name = "cityprofiles"
    verbose_name = _("City profiles")
