"""Pages of SME matchmaking (urlpatterns are included under /matchmaking/ by tandem.web.urls)."""

from django.urls import path

from tandem.web.matchmaking.introductions import (
    funnel_page,
    introduction_detail,
    introduction_inbox,
    introduction_meeting_view,
    introduction_new,
    introduction_outcome_view,
    introduction_respond_view,
)
from tandem.web.matchmaking.ownership import profile_organisation
from tandem.web.matchmaking.profiles import (
    profile_detail,
    profile_edit,
    profile_list,
    profile_new,
    profile_state,
    suggestions_page,
)

urlpatterns = [
    path("", suggestions_page, name="matchmaking_suggestions"),
    path("profiles/", profile_list, name="matchmaking_profiles"),
    path("profiles/new/", profile_new, name="matchmaking_profile_new"),
    path("profiles/<id:pk>/", profile_detail, name="matchmaking_profile"),
    path("profiles/<id:pk>/edit/", profile_edit, name="matchmaking_profile_edit"),
    path("profiles/<id:pk>/state/", profile_state, name="matchmaking_profile_state"),
    path(
        "profiles/<id:pk>/organisation/",
        profile_organisation,
        name="matchmaking_profile_organisation",
    ),
    path("introductions/", introduction_inbox, name="matchmaking_inbox"),
    path("introductions/request/", introduction_new, name="matchmaking_introduction_new"),
    path("introductions/<id:pk>/", introduction_detail, name="matchmaking_introduction"),
    path(
        "introductions/<id:pk>/answer/",
        introduction_respond_view,
        name="matchmaking_introduction_answer",
    ),
    path(
        "introductions/<id:pk>/meeting/",
        introduction_meeting_view,
        name="matchmaking_introduction_meeting",
    ),
    path(
        "introductions/<id:pk>/outcome/",
        introduction_outcome_view,
        name="matchmaking_introduction_outcome",
    ),
    path("funnel/", funnel_page, name="matchmaking_funnel"),
]
