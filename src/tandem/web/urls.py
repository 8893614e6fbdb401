from django.urls import path

from tandem.web import core as core_views
from tandem.web import programme as programme_views

app_name = "web"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("language/", core_views.set_language, name="set_language"),
    path("organisations/", core_views.organisation_list, name="organisation_list"),
    path("programme/", programme_views.programme_detail, name="programme"),
]
