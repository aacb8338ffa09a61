from django.urls import path

from training.views import certificates, figures, modules, toolkits

app_name = "training"

urlpatterns = [
    path("", modules.TrainingHomeView.as_view(), name="index"),
    path("modules/<str:slug>/", modules.ModuleDetailView.as_view(), name="module"),
    path("modules/<str:slug>/enrol/", modules.EnrolView.as_view(), name="enrol"),
    path(
        "modules/<str:slug>/lessons/<int:position>/",
        modules.LessonView.as_view(),
        name="lesson",
    ),
    path(
        "modules/<str:slug>/certificate/",
        certificates.CertificateDownloadView.as_view(),
        name="certificate",
    ),
    path("certificates/verify/", certificates.VerifyCertificateView.as_view(), name="verify"),
    path("figures/", figures.TrainingFiguresView.as_view(), name="figures"),
    path("toolkits/", toolkits.ToolkitListView.as_view(), name="toolkits"),
    path("toolkits/<slug:slug>/", toolkits.ToolkitDetailView.as_view(), name="toolkit"),
    path(
        "toolkits/<slug:slug>/download/",
        toolkits.ToolkitDownloadView.as_view(),
        name="toolkit_download",
    ),
    path("toolkits/<slug:slug>/edit/", toolkits.ToolkitEditView.as_view(), name="toolkit_edit"),
    path(
        "toolkits/<slug:slug>/sections/<int:pk>/",
        toolkits.SectionEditView.as_view(),
        name="section_edit",
    ),
]
