from django.urls import path
from django.views.generic import TemplateView

app_name = "cityprofiles"

urlpatterns = [
    path("", TemplateView.as_view(template_name="cityprofiles/index.html"), name="index"),
]
