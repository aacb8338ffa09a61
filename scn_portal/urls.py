from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from scn_portal import views
from scn_portal.numbers import NetworkNumbersView

# The admin has no login form of its own: staff log in through allauth (rate limits,
# two-factor authentication), then come back.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("SCN Online Hub administration")
admin.site.site_title = _("SCN Online Hub")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("network/", include("membership.urls")),
    path("numbers/", NetworkNumbersView.as_view(), name="numbers"),
    path("library/", include("library.urls")),
    path("cities/", include("cityprofiles.urls")),
    path("training/", include("training.urls")),
    path("events/", include("events.urls")),
]
