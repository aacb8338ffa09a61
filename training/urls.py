from django.urls import path
from django.views.generic import TemplateView

app_name = "training"

urlpatterns = [
    path("", TemplateView.as_view(template_name="training/index.html"), name="index"),
]
