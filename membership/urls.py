from django.urls import path

from membership.views import access, applications, governance, network

app_name = "membership"

urlpatterns = [
    path("", network.MemberCityListView.as_view(), name="index"),
    path("application/", network.ApplicationStatusView.as_view(), name="application_status"),
    path("my-city/", access.MyCityView.as_view(), name="my_city"),
    path(
        "my-city/people/<int:pk>/decide/",
        access.DecideMemberView.as_view(),
        name="decide_member",
    ),
    path(
        "steering-committee/", governance.SteeringCommitteeView.as_view(), name="steering_committee"
    ),
    path("advisory-groups/", governance.AdvisoryGroupListView.as_view(), name="advisory_groups"),
    path("working-groups/", governance.WorkingGroupListView.as_view(), name="working_groups"),
    path(
        "working-groups/<slug:slug>/",
        governance.WorkingGroupDetailView.as_view(),
        name="working_group",
    ),
    path(
        "working-groups/<slug:slug>/join/",
        governance.WorkingGroupMembershipView.as_view(),
        name="join_working_group",
    ),
    path(
        "working-groups/<slug:slug>/leave/",
        governance.WorkingGroupMembershipView.as_view(join=False),
        name="leave_working_group",
    ),
    path("expectations/", governance.ExpectationTableView.as_view(), name="expectations"),
    path("join/", applications.JoinNetworkView.as_view(), name="join"),
    path("join/thanks/", applications.JoinThanksView.as_view(), name="join_done"),
]
