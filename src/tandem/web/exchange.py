"""Pages of the exchange app (urlpatterns are included under /exchange/ by tandem.web.urls)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
