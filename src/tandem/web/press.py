"""Pages of the press monitor."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
