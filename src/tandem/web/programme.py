"""The programme page: the plan's areas and the partner's national projects."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.core.permissions import permission_required
from tandem.programme.selectors import current_programme, national_projects, plan_areas


@permission_required("programme.view_programme")
def programme_detail(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/programme.html",
        {
            "programme": current_programme(),
            "plan_areas": plan_areas(),
            "national_projects": national_projects(),
        },
    )
