"""Registered by modeltranslation's autodiscovery: the web app's models keep their history.

A saved filter is its user's own: on the record, but never in the home page's latest changes.
"""

from tandem.core.audit import keep_out_of_latest_changes, track_history
from tandem.web.models import SavedFilter

track_history(SavedFilter)
keep_out_of_latest_changes(SavedFilter)
