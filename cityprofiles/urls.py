from django.urls import path

from cityprofiles.views import directory, introductions, profiles

app_name = "cityprofiles"

urlpatterns = [
    path("", directory.CityDirectoryView.as_view(), name="index"),
    # A member's own introduction requests. "~" never occurs in a city's slug (a SlugField:
    # letters, digits, "-" and "_"), so no city can ever take this path from its profile,
    # whatever the order of the patterns; it still comes before the <slug:slug>/ ones.
    path("~introductions/", introductions.MyIntroductionsView.as_view(), name="my_introductions"),
    path(
        "<slug:slug>/introduction/",
        introductions.RequestIntroductionView.as_view(),
        name="request_introduction",
    ),
    # A city's profile (cityprofiles.views.profiles): keep <slug:slug>/ patterns after the
    # fixed paths of the area.
    path("<slug:slug>/", profiles.CityProfileView.as_view(), name="profile"),
    path("<slug:slug>/photo/", profiles.CityPhotoView.as_view(), name="photo"),
    path("<slug:slug>/edit/", profiles.CityProfileEditView.as_view(), name="edit"),
    path("<slug:slug>/publish/", profiles.PublishView.as_view(), name="publish"),
    path(
        "<slug:slug>/initiatives/new/",
        profiles.InitiativeAddView.as_view(),
        name="initiative_add",
    ),
    path(
        "<slug:slug>/initiatives/<int:pk>/edit/",
        profiles.InitiativeEditView.as_view(),
        name="initiative_edit",
    ),
    path(
        "<slug:slug>/initiatives/<int:pk>/delete/",
        profiles.InitiativeDeleteView.as_view(),
        name="initiative_delete",
    ),
]
