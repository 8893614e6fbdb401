"""History of the interop models (loaded with the apps' translation modules)."""

from tandem.core.audit import track_history
from tandem.interop.models import IatiActivity, OrganisationToReview

track_history(IatiActivity, OrganisationToReview)
