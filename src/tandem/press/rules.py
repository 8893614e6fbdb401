"""Who reads and changes the press monitor.

Press articles are published text, but what tandem makes of them is programme-internal: the
links to records, the figures checked against the registry (which counts internal projects)
and the proposals to change the registry. So:

- programme staff of both sides read (secretariat, officials, agency staff, coordinators,
  auditors); company representatives and the public do not;
- the secretariat and coordinators (and superusers) ingest articles and decide proposals:
  they are the ones who keep the registry.
"""

import rules

from tandem.core.permissions import is_coordinator, is_secretariat, is_superuser, programme_staff

press_editor = is_secretariat | is_coordinator | is_superuser

rules.add_perm("press.view_press", programme_staff)
rules.add_perm("press.ingest_article", press_editor)
rules.add_perm("press.review_proposal", press_editor)
