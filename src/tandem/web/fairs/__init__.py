"""Pages of the fairs app (URL names ``web:fair_*``): fairs and meeting requests
(:mod:`.pages`), schedules and their computations (:mod:`.schedules`), a participant's agenda
and availability (:mod:`.participation`)."""

from django.urls import path

from tandem.web.fairs.pages import fair_detail, fair_list, fair_setup, request_list, request_respond
from tandem.web.fairs.participation import agenda, agenda_ics, agenda_pdf_view, availability
from tandem.web.fairs.schedules import (
    meeting_move_view,
    meeting_pin_toggle,
    schedule_job,
    version_compute,
    version_detail,
    version_plan_pdf,
    version_publish,
)

urlpatterns = [
    path("", fair_list, name="fair_list"),
    path("<slug:slug>/", fair_detail, name="fair_detail"),
    path("<slug:slug>/setup/", fair_setup, name="fair_setup"),
    path("<slug:slug>/requests/", request_list, name="fair_requests"),
    path("<slug:slug>/requests/<id:pk>/answer/", request_respond, name="fair_request_respond"),
    path("<slug:slug>/schedules/compute/", version_compute, name="fair_compute"),
    path("<slug:slug>/schedules/jobs/<id:job>/", schedule_job, name="fair_schedule_job"),
    path("<slug:slug>/schedules/<id:number>/", version_detail, name="fair_version"),
    path("<slug:slug>/schedules/<id:number>/publish/", version_publish, name="fair_publish"),
    path(
        "<slug:slug>/schedules/<id:number>/table-plan.pdf",
        version_plan_pdf,
        name="fair_table_plan_pdf",
    ),
    path(
        "<slug:slug>/schedules/<id:number>/meetings/<id:pk>/pin/",
        meeting_pin_toggle,
        name="fair_meeting_pin",
    ),
    path(
        "<slug:slug>/schedules/<id:number>/meetings/<id:pk>/move/",
        meeting_move_view,
        name="fair_meeting_move",
    ),
    path("<slug:slug>/agenda/<id:pk>/", agenda, name="fair_agenda"),
    path("<slug:slug>/agenda/<id:pk>/agenda.pdf", agenda_pdf_view, name="fair_agenda_pdf"),
    path("<slug:slug>/agenda/<id:pk>/agenda.ics", agenda_ics, name="fair_agenda_ics"),
    path(
        "<slug:slug>/participants/<id:pk>/availability/",
        availability,
        name="fair_availability",
    ),
]
