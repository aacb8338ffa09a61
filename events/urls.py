from django.urls import path

from events.views import calendar_feeds, checkin, event_pages, registrations, surveys

app_name = "events"

urlpatterns = [
    path("", event_pages.EventListView.as_view(), name="index"),
    path("calendar/", event_pages.CalendarMonthView.as_view(), name="calendar"),
    path("my/", registrations.MyEventsView.as_view(), name="my_events"),
    path("my/calendar-feed/", calendar_feeds.CalendarFeedView.as_view(), name="calendar_feed"),
    # Calendar apps cannot log in: the secret in the address is the authentication.
    path("feed/<str:token>.ics", calendar_feeds.PersonalFeedView.as_view(), name="feed"),
    path("surveys/", surveys.SurveyFiguresView.as_view(), name="survey_figures"),
    path("<slug:slug>/", event_pages.EventDetailView.as_view(), name="event"),
    path("<slug:slug>/event.ics", calendar_feeds.EventIcsView.as_view(), name="event_ics"),
    path("<slug:slug>/register/", registrations.RegisterView.as_view(), name="register"),
    path("<slug:slug>/cancel/", registrations.CancelView.as_view(), name="cancel"),
    path(
        "<slug:slug>/participants/",
        registrations.ParticipantListView.as_view(),
        name="participants",
    ),
    path("<slug:slug>/check-in/", checkin.CheckInView.as_view(), name="check_in"),
    path("<slug:slug>/survey/", surveys.SurveyView.as_view(), name="survey"),
    path("<slug:slug>/survey/results/", surveys.SurveyResultsView.as_view(), name="survey_results"),
]
