from django.urls import include, path

from tandem.web import core as core_views
from tandem.web import errors, saved_filters
from tandem.web import health as health_views
from tandem.web import iati_import as iati_import_views
from tandem.web import imports as import_views
from tandem.web import programme as programme_views
from tandem.web import project_records as project_record_views
from tandem.web import projects as project_views
from tandem.web.open import dump_jobs as open_dump_jobs_views

app_name = "web"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("language/", core_views.set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", errors.favicon, name="favicon"),
    path("readyz", health_views.readyz, name="readyz"),
    path("organisations/", core_views.organisation_list, name="organisation_list"),
    path("filters/<str:area>/save/", saved_filters.saved_filter_add, name="saved_filter_add"),
    path("filters/<int:pk>/delete/", saved_filters.saved_filter_remove, name="saved_filter_remove"),
    path("programme/", programme_views.programme_detail, name="programme"),
    path("projects/", project_views.project_list, name="project_list"),
    path("projects/new/", project_views.project_new, name="project_new"),
    path("projects/bulk-status/", project_views.project_bulk_status, name="project_bulk_status"),
    path("projects/export.<str:file_format>", project_views.project_export, name="project_export"),
    path(
        "projects/export-<str:kind>.csv",
        project_record_views.records_export,
        name="project_records_export",
    ),
    path("projects/import/", import_views.project_import, name="project_import"),
    path("projects/import/iati/", iati_import_views.iati_import, name="project_import_iati"),
    path(
        "projects/import/iati/commit/",
        iati_import_views.iati_import_commit_view,
        name="project_import_iati_commit",
    ),
    path(
        "projects/import/commit/", import_views.project_import_commit, name="project_import_commit"
    ),
    path("projects/iati.xml", import_views.iati_export, name="iati_export"),
    path("projects/<str:code>/", project_views.project_view, name="project_detail"),
    path("projects/<str:code>/edit/", project_views.project_edit, name="project_edit"),
    path("projects/<str:code>/notes/", project_views.project_note_add, name="project_note_add"),
    path("projects/<str:code>/", include("tandem.web.project_records")),
    path("alignment/", include("tandem.web.alignment")),
    path("committee/", include("tandem.web.committee_sessions")),
    path("committee/", include("tandem.web.committee")),
    path("exchange/", include("tandem.web.exchange")),
    path("matchmaking/", include("tandem.web.matchmaking")),
    path("fairs/", include("tandem.web.fairs")),
    path("trade/", include("tandem.web.trade")),
    path("press/", include("tandem.web.press")),
    path("open/", include("tandem.web.open.urls")),
    path("open-data/dumps/", open_dump_jobs_views.dump_jobs, name="open_dump_jobs"),
]
