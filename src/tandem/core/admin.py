from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from tandem.core.admin_base import HistoryAdmin, TranslatedHistoryAdmin
from tandem.core.models import (
    ApiToken,
    Country,
    FederalDistrict,
    Organisation,
    Person,
    Region,
    SecurityEvent,
    User,
)


@admin.register(Country)
class CountryAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "default_language")


@admin.register(FederalDistrict)
class FederalDistrictAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name")


@admin.register(Region)
class RegionAdmin(TranslatedHistoryAdmin):
    list_display = ("code", "name", "country", "federal_district", "status_disputed")
    list_filter = ("country", "federal_district", "status_disputed", "kind")
    search_fields = ("code", "name_en", "name_ja", "name_ru")


@admin.register(Organisation)
class OrganisationAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "kind", "side", "region", "is_illustrative")
    list_filter = ("side", "kind", "is_illustrative")
    search_fields = ("name_en", "name_ja", "name_ru", "reference")
    autocomplete_fields = ("region",)


@admin.register(Person)
class PersonAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "position", "organisation", "side", "is_illustrative")
    list_filter = ("side", "is_illustrative")
    search_fields = ("name_en", "name_ja", "name_ru", "reference")
    autocomplete_fields = ("organisation",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin, HistoryAdmin):
    list_display = ("username", "role", "side", "organisation", "is_active", "is_staff")
    list_filter = ("role", "side", "is_active", "is_staff")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Programme"), {"fields": ("role", "side", "organisation", "language")}),
    )
    autocomplete_fields = ("organisation",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("name", "user", "scope", "created_at", "expires_at", "last_used_at")
    readonly_fields = ("token_hash", "created_at", "last_used_at")


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin[SecurityEvent]):
    """The security log, read-only: it is evidence, written only by tandem.core.security."""

    list_display = ("at", "kind", "username", "ip", "scope")
    list_filter = ("kind", "scope")
    search_fields = ("username", "ip")
    date_hierarchy = "at"

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
