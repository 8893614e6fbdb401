import rules

from tandem.core.permissions import is_agency_staff, is_superuser, programme_staff

rules.add_perm("fairs.view_fair", programme_staff | rules.is_authenticated)
rules.add_perm("fairs.change_fair", is_agency_staff | is_superuser)
