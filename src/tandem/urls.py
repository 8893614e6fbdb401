from django.contrib import admin
from django.urls import include, path

from tandem.api.urls import api
from tandem.core.security.sign_in import admin_sign_in
from tandem.web.search import site_search

# The admin signs in through the site's sign-in: lockout, two-factor and the security log.
admin.site.login = admin_sign_in  # type: ignore[method-assign]

# Error pages in the site's layout and the reader's language (tandem.web.errors).
handler400 = "tandem.web.errors.bad_request"
handler403 = "tandem.web.errors.permission_denied"
handler404 = "tandem.web.errors.page_not_found"
handler500 = "tandem.web.errors.server_error"

urlpatterns = [
    path("", include("tandem.web.urls")),
    # Outside the "web" namespace: base.html asks for it as "search" to show the box.
    path("search/", site_search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
