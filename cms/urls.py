"""The site's URLs: language-prefixed pages (/da/…, /en/…), the admin, the read-only API, health, sitemap, robots."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community.views import accounts as account_views
from home import seo_views
from home import views as home_views
from home.api import api_router
from search import views as search_views

urlpatterns = [
    # The admin's password reset is the site's (limited, through the outbox, links valid for hours); Wagtail's
    # own sent its mail directly and had no limit. Before Wagtail's admin URLs, so these win.
    re_path(r"^admin/password_reset/", account_views.admin_password_reset),
    # The admin's log in follows only a `next` on this site (Wagtail's took a bare word for a view's name).
    path("admin/login/", account_views.AdminLoginView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("health/", home_views.health, name="health"),
    path("health/detail/", home_views.health_detail, name="health_detail"),
    path("sitemap.xml", seo_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DJANGO_ADMIN_ENABLED:
    # Django's own admin is for development only (everything is in Wagtail's); its log in is limited like the rest.
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include("community.urls")),
    path("events/", include("events.urls")),
    path("stats/", include("stats.urls")),
    path("polls/", include("polls.urls")),
    # Wagtail serves every other URL from the page tree; keep this last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
