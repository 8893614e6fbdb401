"""Work the task worker does (``tandem db_worker``): keep the matching index in step."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.matching import matching_index, profiles_index_pending
from tandem.matchmaking.services.profiles import profiles_expire_due


@task()
def index_company_profile(profile_id: int) -> int:
    """Index the changed profile, with any others waiting; returns how many were indexed."""
    if not CompanyProfile.objects.filter(pk=profile_id).exists():
        index = matching_index()
        index.keep_in_memory = True  # this worker writes the node's files from it
        index.index.remove(str(profile_id))
        index.mapped()  # the new generation's file, before a page asks for it
        return 0
    return profiles_index_pending()


@task()
def expire_company_profiles() -> int:
    """Expire published profiles past their date (run daily)."""
    return len(profiles_expire_due(today=timezone.localdate()))
