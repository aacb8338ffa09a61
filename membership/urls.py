from django.urls import path

from membership import views

app_name = "membership"

urlpatterns = [
    path("", views.MemberCityListView.as_view(), name="index"),
    path("application/", views.ApplicationStatusView.as_view(), name="application_status"),
]
