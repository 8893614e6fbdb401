"""The open-data portal's URLs, under /open/ (names ``web:open_…``)."""

from django.urls import URLPattern, path

from tandem.web.open import committee, downloads, project_page, projects, regions, trade

urlpatterns: list[URLPattern] = [
    path("", projects.portal_home, name="open_home"),
    path("projects/", projects.project_list, name="open_projects"),
    path("projects/embed/", projects.project_embed, name="open_projects_embed"),
    path("projects/<str:code>/", project_page.project_page, name="open_project"),
    path("committee/", committee.committee, name="open_committee"),
    path("regions/", regions.regions, name="open_regions"),
    path("trade/", trade.trade, name="open_trade"),
    path("downloads/", downloads.downloads, name="open_downloads"),
    path("downloads/<str:day>/<str:name>", downloads.download_file, name="open_download_file"),
    path("about/", downloads.about, name="open_about"),
]
