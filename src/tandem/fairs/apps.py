from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairsConfig(AppConfig):
    name = "tandem.fairs"
    label = "fairs"
    verbose_name = _("Trade fairs")

    def ready(self) -> None:
        from tandem.core.jobs import register_reclaimer
        from tandem.fairs.tasks import schedule_jobs_reclaim

        register_reclaimer(schedule_jobs_reclaim)  # the worker takes back jobs whose lease expired
