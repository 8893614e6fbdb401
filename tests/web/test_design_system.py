"""The design system (docs/decisions/0007-design-system.md): Bootstrap served from the
installed package, Bootstrap's classes on every form widget, the layout's one-control
language switch, breadcrumbs, flash messages inside the content, the admin's branding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.utils import translation

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.web.context_processors import current_area
from tandem.web.errors import error_page

pytestmark = pytest.mark.integration


def test_bootstrap_is_served_from_the_installed_package() -> None:
    css = finders.find("bootstrap/css/bootstrap.min.css")
    js = finders.find("bootstrap/js/bootstrap.bundle.min.js")
    assert css and "site-packages" in str(css) and "Bootstrap  v5.3" in Path(css).read_text()[:300]
    assert js and "site-packages" in str(js)


class _Everything(forms.Form):
    name = forms.CharField(help_text="A name")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    agreed = forms.BooleanField(required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date", "class": "own"}))
    areas = forms.MultipleChoiceField(choices=[("x", "X")], widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(widget=forms.Textarea)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def test_every_widget_gets_bootstraps_class_without_touching_the_form() -> None:
    form = _Everything(data={"kind": "a"})
    html = form.as_div()
    assert 'id="id_name" class="form-control is-invalid"' in html  # aria-invalid: marked
    assert 'name="kind" aria-describedby="id_kind_helptext"' not in html
    assert 'id="id_kind" class="form-select"' in html
    assert 'id="id_agreed" class="form-check-input"' in html
    assert 'class="form-control is-invalid own"' in html  # the form's own class is kept
    assert 'id="id_areas_0" class="form-check-input is-invalid"' in html
    assert 'id="id_notes" class="form-control is-invalid"' in html
    assert 'type="hidden" name="secret" id="id_secret">' in html  # no class on hidden fields
    assert '<option value="a" selected>' in html  # options have no class
    assert '<label class="form-label" for="id_name">' in html
    assert '<div class="form-text" id="id_name_helptext">A name</div>' in html
    assert 'class="invalid-feedback d-block"' in html


def test_the_area_of_a_path_is_its_breadcrumb() -> None:
    entries = [("web:home", "Home"), ("web:project_list", "Joint projects")]
    assert current_area("/", entries) is None
    assert current_area("/projects/", entries) == {
        "url": "/projects/",
        "label": "Joint projects",
        "current": True,
    }
    area = current_area("/projects/JR-2016-0001/", entries)
    assert area is not None and area["current"] is False
    assert current_area("/committee/", entries) is None  # not in this reader's menu


def test_the_layout_in_japanese(client: Client, make_user: Callable[..., User]) -> None:
    user = make_user(Role.SECRETARIAT, "JP")
    user.language = "ja"
    user.save()
    client.force_login(user)
    page = client.get("/projects/").content.decode()
    assert "/static/bootstrap/css/bootstrap.min.css" in page
    assert 'class="site-header navbar navbar-expand-xl"' in page
    assert 'data-bs-toggle="collapse" data-bs-target="#site-menu"' in page
    # One control: the select switches at once; its button is there only for use without script
    assert "data-switch-on-change" in page
    assert 'class="btn btn-sm btn-light visually-hidden-focusable" type="submit"' in page
    # Breadcrumbs: Home, then the area, which is the current page
    with translation.override("ja"):
        home, registry = translation.gettext("Home"), translation.gettext("Joint projects")
    assert f'<a href="/">{home}</a>' in page
    assert f'aria-current="page">{registry}</li>' in page
    assert '<svg class="icon icon-brand"' in page
    # The search box where the search page exists
    assert 'role="search" action="/search/"' in page


def test_flash_messages_are_alerts_inside_the_content(
    rf: RequestFactory, make_user: Callable[..., User]
) -> None:
    request = rf.get("/projects/")
    request.user = make_user(Role.SECRETARIAT, "JP")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    messages.success(request, "Saved it.")
    messages.error(request, "Refused it.")
    page = error_page(request, 404).content.decode()
    main = page.split('<main id="main"', 1)[1]
    assert '<li class="alert alert-success success" role="status">Saved it.</li>' in main
    assert '<li class="alert alert-danger error" role="alert">Refused it.</li>' in main


def test_the_admin_is_branded_in_the_readers_language(
    client: Client, make_user: Callable[..., User]
) -> None:
    admin = make_user(username="root")
    admin.is_staff = admin.is_superuser = True
    admin.language = "ru"  # a signed-in reader's own language wins over the browser's
    admin.save()
    client.force_login(admin)
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "tandem/css/admin.css" in page
    with translation.override("ru"):
        assert translation.gettext("Back to tandem") in page
    assert "Django administration" not in page and "Администрирование Django" not in page
