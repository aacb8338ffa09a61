from django.urls import path
from django.utils.translation import gettext_lazy as _

from scn_portal.views import AreaIndexView

app_name = "library"

urlpatterns = [
    path(
        "",
        AreaIndexView.as_view(
            area_url_name="library:index",
            empty_message=_("No documents have been published yet."),
        ),
        name="index",
    ),
]
