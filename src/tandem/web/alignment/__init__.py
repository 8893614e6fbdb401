"""Alignment pages: the plan areas x national projects matrix, the portfolio dashboard and
label suggestions for the project form."""

from django.urls import path

from tandem.web.alignment.dashboard import dashboard_export, dashboard_page
from tandem.web.alignment.labels import suggest_labels_view
from tandem.web.alignment.matrix import alignment_export, alignment_page

urlpatterns = [
    path("", alignment_page, name="alignment"),
    path("export.<str:file_format>", alignment_export, name="alignment_export"),
    path("dashboard/", dashboard_page, name="alignment_dashboard"),
    path("dashboard/<str:chart>.csv", dashboard_export, name="alignment_dashboard_export"),
    path("suggest/", suggest_labels_view, name="alignment_suggest"),
]
