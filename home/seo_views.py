"""The files search engines ask for: /sitemap.xml (an index when the site outgrows one file) and /robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from home import seo
from home.sitemaps import MultilingualSitemap


@require_GET
def sitemap(request):
    """The whole site in one file while it fits (50,000 URLs), else an index of the numbered files."""
    pages = MultilingualSitemap(request)
    if pages.paginator.num_pages > 1:
        return sitemap_views.index(request, {"pages": pages}, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, {"pages": pages})


@require_GET
def sitemap_section(request, section: str):
    """One numbered file of the index (`?p=2`…); an unknown section or number is a 404."""
    return sitemap_views.sitemap(request, {"pages": MultilingualSitemap(request)}, section=section)


@require_GET
def robots_txt(request):
    """Everything may be crawled except the admin and the personal pages; the sitemap is named absolutely."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /da/account/",
        "Disallow: /en/account/",
        "",
        f"Sitemap: {seo.absolute_url(reverse('sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
