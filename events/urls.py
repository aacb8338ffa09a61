from django.urls import path
from django.utils.translation import gettext_lazy as _

from scn_portal.views import AreaIndexView

app_name = "events"

urlpatterns = [
    path(
        "",
        AreaIndexView.as_view(
            area_url_name="events:index",
            empty_message=_("No events have been published yet."),
        ),
        name="index",
    ),
]
