from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "tandem.committee"
    label = "committee"
    verbose_name = _("Committee")

    def ready(self) -> None:
        from tandem.committee.tasks import briefing_jobs_reclaim
        from tandem.core.jobs import register_reclaimer

        register_reclaimer(briefing_jobs_reclaim)  # the worker takes back jobs whose lease expired
