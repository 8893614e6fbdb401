"""Agendas as files: iCalendar (:mod:`.ics`, pure) and PDF (:mod:`.pdf`, WeasyPrint)."""
