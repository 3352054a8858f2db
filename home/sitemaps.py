"""The sitemap: every live public page in every language, each with its language alternates and x-default."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home import seo

# The protocol's limit per file; past it /sitemap.xml becomes an index of numbered files.
URLS_PER_FILE = 50_000


class MultilingualSitemap(Sitemap):
    limit = URLS_PER_FILE

    def _site_pages(self):
        """Live public pages under the site's home page in any language (each home page is a translation)."""
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        under_a_home = reduce(or_, (Q(path__startswith=path) for path in homes), Q(pk=root.pk))
        return Page.objects.live().public().filter(under_a_home)

    def items(self):
        return self._site_pages().order_by("path").defer_streamfields().specific()

    def _alternates_by_key(self, keys: set) -> dict:
        """{translation_key: {language: absolute URL}} of the live versions of those pages: one query."""
        found: dict = {}
        versions = self._site_pages().filter(translation_key__in=keys).select_related("locale").defer_streamfields()
        for version in versions:
            url = version.get_full_url(self.request)
            if url:
                found.setdefault(version.translation_key, {})[version.locale.language_code] = url
        return found

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates_by_key({item.translation_key for item in items})
        urls, last_mods = [], set()
        for item in items:
            versions = alternates.get(item.translation_key, {})
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = [
                    {"lang_code": alternate.hreflang, "location": alternate.url}
                    for alternate in seo.alternates(versions, self.request)
                ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
