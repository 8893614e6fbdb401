"""Who sees and changes the trade monitor.

Trade statistics are public data (customs offices and UN Comtrade publish them), so every
programme role sees the trade pages: secretariat, officials, agency staff, coordinators,
auditors, and company representatives too (exporters use these figures). What the pages add
to the published data is the registry's investment, which follows the registry's own
visibility (a confidential project's financing never reaches anyone who may not see the
project).

Anonymous visitors see nothing: tandem is the programme's closed workspace, and what it
publishes goes out through the public pages and IATI. An imported file may also hold figures
that are not yet published (a ministry's preliminary month), so the trade pages are not
public by default.

Importing files, deleting imports and editing the chapter → plan-area table are for the
secretariat, agency staff and superusers.
"""

import rules

from tandem.core.permissions import (
    has_any_role,
    is_agency_staff,
    is_secretariat,
    is_superuser,
)

rules.add_perm("trade.view_trade", has_any_role | is_superuser)
rules.add_perm("trade.change_trade", is_secretariat | is_agency_staff | is_superuser)

# Which imports the open-data portal publishes (/open/trade/) is the secretariat's choice.
rules.add_perm("trade.publish_trade", is_secretariat | is_superuser)
