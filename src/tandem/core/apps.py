from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tandem.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from allauth.mfa.signals import authentication_failed
        from django.db.models.signals import pre_save
        from django.urls import register_converter

        from tandem.core.security.mfa import mfa_failure_record
        from tandem.core.translated_text import blank_untranslated_before_save
        from tandem.core.validators import RecordIdConverter, install_field_validators

        authentication_failed.connect(mfa_failure_record, dispatch_uid="tandem-mfa-failed")
        pre_save.connect(blank_untranslated_before_save, dispatch_uid="tandem-blank-translations")
        install_field_validators()
        register_converter(RecordIdConverter, "id")
