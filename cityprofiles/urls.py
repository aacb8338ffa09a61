from django.urls import path
from django.utils.translation import gettext_lazy as _

from scn_portal.views import AreaIndexView

app_name = "cityprofiles"

urlpatterns = [
    path(
        "",
        AreaIndexView.as_view(
            area_url_name="cityprofiles:index",
            empty_message=_("No city profiles have been published yet."),
        ),
        name="index",
    ),
]
