"""Pages of the trade monitor."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
