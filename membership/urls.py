from django.urls import path

from membership.views import network

app_name = "membership"

urlpatterns = [
    path("", network.MemberCityListView.as_view(), name="index"),
    path("application/", network.ApplicationStatusView.as_view(), name="application_status"),
]
