"""The form renderer that gives every form Bootstrap 5's look without touching the forms.

tandem.web overrides Django's ``django/forms/widgets/attrs.html`` (the attributes of every
widget), which adds the Bootstrap class for the kind of widget (``form-control``,
``form-select``, ``form-check-input``) and ``is-invalid`` where Django marks the field
``aria-invalid``; the field template puts the label, help text and errors in Bootstrap's
places. ``TemplatesSetting`` renders widgets with the project's template engine, so the app's
templates win over Django's own.
"""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class BootstrapFormRenderer(TemplatesSetting):
    field_template_name = "web/forms/field.html"
