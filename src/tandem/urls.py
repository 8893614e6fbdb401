from django.contrib import admin
from django.urls import include, path

from tandem.api.urls import api

urlpatterns = [
    path("", include("tandem.web.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
