from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tandem.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from allauth.mfa.signals import authentication_failed

        from tandem.core.security.mfa import mfa_failure_record

        authentication_failed.connect(mfa_failure_record, dispatch_uid="tandem-mfa-failed")
