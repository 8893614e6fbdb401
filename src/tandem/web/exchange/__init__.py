"""Pages of the productivity exchange (included under /exchange/ by tandem.web.urls).

Programme staff see everything; coordinators edit and delete; a company representative sees
their own organisation's records only, and anyone else's record answers 404.
"""

from django.urls import path

from tandem.web.exchange import kpi, outcomes, records, removal, report

urlpatterns = [
    path("", records.home, name="exchange_home"),
    path("enterprises/", records.enterprise_list, name="exchange_enterprise_list"),
    path("enterprises/new/", records.enterprise_edit, name="exchange_enterprise_new"),
    path("enterprises/<id:pk>/", records.enterprise_detail, name="exchange_enterprise"),
    path("enterprises/<id:pk>/edit/", records.enterprise_edit, name="exchange_enterprise_edit"),
    path("enterprises/<id:pk>/indicators/new/", kpi.indicator_new, name="exchange_indicator_new"),
    path("enterprises/<id:pk>/outcomes/new/", outcomes.outcome_new, name="exchange_outcome_new"),
    path("indicators/<id:pk>/edit/", kpi.indicator_edit, name="exchange_indicator_edit"),
    path("indicators/<id:pk>/delete/", removal.indicator_remove, name="exchange_indicator_delete"),
    path("indicators/<id:pk>/measure/", kpi.measurement_new, name="exchange_measurement_new"),
    path("measurements/<id:pk>/edit/", kpi.measurement_edit, name="exchange_measurement_edit"),
    path("dispatches/", records.dispatch_list, name="exchange_dispatch_list"),
    path("dispatches/new/", records.dispatch_edit, name="exchange_dispatch_new"),
    path("dispatches/<id:pk>/", records.dispatch_detail, name="exchange_dispatch"),
    path("dispatches/<id:pk>/edit/", records.dispatch_edit, name="exchange_dispatch_edit"),
    path("dispatches/<id:pk>/delete/", removal.dispatch_remove, name="exchange_dispatch_delete"),
    path("placements/", records.placement_list, name="exchange_placement_list"),
    path("placements/new/", records.placement_edit, name="exchange_placement_new"),
    path("placements/<id:pk>/", records.placement_detail, name="exchange_placement"),
    path("placements/<id:pk>/edit/", records.placement_edit, name="exchange_placement_edit"),
    path("placements/<id:pk>/delete/", removal.placement_remove, name="exchange_placement_delete"),
    path("outcomes/", outcomes.outcome_list, name="exchange_outcome_list"),
    path("files/<str:owner>/<id:pk>/new/", kpi.file_new, name="exchange_file_new"),
    path("files/<id:pk>/", kpi.file_download, name="exchange_file"),
    path("kpi/template.xlsx", kpi.kpi_template_download, name="exchange_kpi_template"),
    path("kpi/import/", kpi.kpi_import_page, name="exchange_kpi_import"),
    path("effect/", report.report_page, name="exchange_effect_report"),
    path("effect.pdf", report.report_pdf, name="exchange_effect_report_pdf"),
    path("effect.json", report.report_json, name="exchange_effect_report_json"),
]
