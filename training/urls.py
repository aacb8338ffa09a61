from django.urls import path
from django.utils.translation import gettext_lazy as _

from scn_portal.views import AreaIndexView

app_name = "training"

urlpatterns = [
    path(
        "",
        AreaIndexView.as_view(
            area_url_name="training:index",
            empty_message=_("No training modules have been published yet."),
        ),
        name="index",
    ),
]
