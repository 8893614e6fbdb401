"""Pages of the committee app (urlpatterns are included under /committee/ by tandem.web.urls)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
