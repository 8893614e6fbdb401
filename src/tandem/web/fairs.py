"""Pages of the fairs app (urlpatterns are included under /fairs/ by tandem.web.urls)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
