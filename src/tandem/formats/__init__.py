"""tandem's date formats, one per language (Django's FORMAT_MODULE_PATH).

Each reader sees one form of a date on every page, PDF and e-mail: English "9 July 2019",
Japanese "2019年7月9日(火)" with the weekday, Russian "9 июля 2019 г.". The short formats are
the same as the long ones, so no page shows an ambiguous "08/10/2020". Input formats are left
to Django's own locale files.
"""
