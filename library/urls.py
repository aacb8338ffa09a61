from django.urls import path

from library.views import contributions, downloads, search

app_name = "library"

urlpatterns = [
    path("", search.LibraryHomeView.as_view(), name="index"),
    path("search/", search.DocumentSearchView.as_view(), name="search"),
    path("documents/<int:pk>/", search.DocumentDetailView.as_view(), name="document"),
    path("upload/", contributions.UploadDocumentView.as_view(), name="upload"),
    path("my-uploads/", contributions.MyUploadsView.as_view(), name="my_uploads"),
    path("documents/<int:pk>/edit/", contributions.EditDocumentView.as_view(), name="edit"),
    path(
        "documents/<int:pk>/download/",
        downloads.DocumentDownloadView.as_view(),
        name="download",
    ),
]
