from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from django.db.models import IntegerField

        from library import signals  # noqa: F401  (connects the receivers)
        from library.lookups import AnyLookup

        IntegerField.register_lookup(AnyLookup)
