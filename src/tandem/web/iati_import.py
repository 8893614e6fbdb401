"""The IATI import page: upload a file, see what each activity would do, confirm the sides the
file leaves open, then import every accepted activity at once."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.interop.iati_registry.plan import IatiPlan, iati_import_plan
from tandem.interop.iati_registry.write import ImportFailedError, iati_import_commit
from tandem.programme.models import Programme
from tandem.programme.selectors import current_programme

SESSION_KEY = "tandem_iati_import"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("IATI activities file"))


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sides(request: HttpRequest, keys: list[str], allowed: set[str]) -> dict[str, str]:
    chosen = {}
    for index, key in enumerate(keys):
        side = request.POST.get(f"side-{index}", "")
        if side in allowed:
            chosen[key] = side
    return chosen


def _keys(plan: IatiPlan) -> list[str]:
    return sorted({key for outcome in plan.outcomes for key in outcome.to_confirm})


def _render(
    request: HttpRequest, form: UploadForm, plan: IatiPlan | None, programme: Programme | None
) -> HttpResponse:
    sides = []
    if programme is not None:
        sides = [programme.plan_side, programme.partner_side]
    return render(
        request,
        "web/projects/iati_import.html",
        {
            "form": form,
            "plan": plan,
            "to_confirm": list(enumerate(_keys(plan))) if plan else [],
            "sides": sides,
            "max_mb": settings.TANDEM_UPLOAD_MAX_BYTES // 1_048_576,
        },
    )


@permission_required("projects.import_projects")
def iati_import(request: HttpRequest) -> HttpResponse:
    """Upload and preview (nothing is written); a second post confirms sides."""
    programme = current_programme()
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or programme is None:
        return _render(request, UploadForm(), None, programme)
    pending: dict[str, Any] = request.session.get(SESSION_KEY) or {}
    stored = _folder() / str(pending.get("token", "-"))
    same = bool(pending) and pending["token"] == request.POST.get("token")
    if "file" not in request.FILES and same and stored.is_file():
        raw = stored.read_bytes()
        name = pending["name"]
        allowed = {programme.plan_side.code, programme.partner_side.code}
        sides = {**pending.get("sides", {}), **_sides(request, pending["keys"], allowed)}
    elif form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.TANDEM_UPLOAD_MAX_BYTES:
            form.add_error("file", _("The file is larger than the limit."))
            return _render(request, form, None, programme)
        raw, name, sides = upload.read(), upload.name, {}
    else:
        return _render(request, form, None, programme)
    plan = iati_import_plan(
        raw=raw,
        source=name,
        actor=request.user,
        programme=programme,
        sides=sides,
        max_bytes=settings.TANDEM_UPLOAD_MAX_BYTES,
    )
    if not plan.file_problems:
        token = (
            pending["token"] if pending and "file" not in request.FILES else secrets.token_hex(16)
        )
        (_folder() / token).write_bytes(raw)
        request.session[SESSION_KEY] = {
            "token": token,
            "name": name,
            "keys": _keys(plan),
            "sides": sides,
        }
    return _render(request, UploadForm(), plan, programme)


@permission_required("projects.import_projects")
def iati_import_commit_view(request: HttpRequest) -> HttpResponse:
    back = reverse("web:project_import_iati")
    pending = request.session.pop(SESSION_KEY, None)
    programme = current_programme()
    if (
        request.method != "POST"
        or not pending
        or pending["token"] != request.POST.get("token")
        or programme is None
    ):
        messages.error(request, _("This import is no longer pending: upload the file again."))
        return HttpResponseRedirect(back)
    path = _folder() / pending["token"]
    try:
        raw = path.read_bytes()
        plan = iati_import_plan(
            raw=raw,
            source=pending["name"],
            actor=request.user,
            programme=programme,
            sides=pending["sides"],
            max_bytes=settings.TANDEM_UPLOAD_MAX_BYTES,
        )
        counts = iati_import_commit(plan=plan, actor=signed_in(request.user), programme=programme)
    except (FileNotFoundError, ImportFailedError):
        messages.error(request, _("Nothing was imported: upload the file again."))
        return HttpResponseRedirect(back)
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request,
        _(
            "Import done. Projects created: %(created)d; changed: %(changed)d; "
            "organisations created for review: %(organisations)d."
        )
        % counts,
    )
    return HttpResponseRedirect(reverse("web:project_list"))
