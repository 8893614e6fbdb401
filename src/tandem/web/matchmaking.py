"""Pages of the matchmaking app (urlpatterns are included under /matchmaking/ by tandem.web.urls)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
