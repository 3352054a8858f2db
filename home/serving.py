"""Serving a Wagtail page with fewer questions to the database: where a URL led last time, and whether the site
restricts any page at all. Both are kept like the site shell's fragments (home.page_cache.fragment: under the
site generation, only while FRAGMENT_CACHE_SECONDS > 0), and neither is trusted beyond what it can check.

Wagtail finds a page by asking for the site's locale, the root page's specific row, then each level's child and
its specific row (four to six queries), and before serving it asks for the view restrictions of the page and its
ancestors (two more), as does every listing through `PageQuerySet.public()`. Here a path that led to a page is
remembered as that page's type, id and URL path; the next request loads the page with one query that also
checks it is still live at that very URL path (a move, a new slug, an unpublish or a deletion makes it miss,
and the path is routed as in Wagtail). Restrictions are read as the list of restricted tree paths, usually
empty: then nothing needs asking. An edit of a restriction bumps the site generation
(PAGE_CACHE_SITE_WIDE_MODELS).
"""

import hashlib
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home import page_cache


def _fragments_on() -> bool:
    return settings.FRAGMENT_CACHE_SECONDS > 0


def restricted_paths(request: HttpRequest | None = None) -> list[str] | None:
    """The tree paths of the pages that carry a view restriction (each covers its subtree); None when the
    fragments are off and nothing is known without asking."""
    if not _fragments_on():
        return None
    return page_cache.fragment(
        request,
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
        per_site=False,
    )


def public(pages, request: HttpRequest | None = None):
    """`pages` (a PageQuerySet) without those in a restricted section: `pages.public()`, without its query for
    the restrictions, and unchanged on a site that has none."""
    paths = restricted_paths(request)
    if paths is None:
        return pages.public()
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))


def _route_key(request: HttpRequest, site: Site, path: str) -> str:
    components = "/".join(component for component in path.split("/") if component)
    raw = f"{site.pk}:{translation.get_language()}:{page_cache.site_generation(request)}:{components}"
    return "route:" + hashlib.sha256(raw.encode()).hexdigest()


def _reached_by_walking(page: Page, site: Site, components: list[str]) -> bool:
    """Whether `page` is the page the path's components lead to level by level, not a page that answered the rest
    of the path with routes of its own (RoutablePageMixin): only such a page is found again by its URL path."""
    suffix = "".join(f"{component}/" for component in components)
    return page.depth == site.root_page.depth + len(components) and page.url_path.endswith("/" + suffix)


def _remembered_route(request: HttpRequest, key: str):
    known = cache.get(key)
    if known is None:
        return None
    content_type_id, page_id, url_path = known
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.filter(pk=page_id, url_path=url_path, live=True).first()
    if page is None:
        return None
    try:
        return page.route(request, [])
    except Http404:
        return None


def prime_route(request: HttpRequest, path: str) -> None:
    """Before Wagtail's `serve` view: give it the page for `path` (the route it keeps on the request) from where the
    path led last time, and tell it the page has no view restrictions when the site has none."""
    if not _fragments_on() or hasattr(request, "_wagtail_route_for_request"):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    key = _route_key(request, site, path)
    result = _remembered_route(request, key)
    if result is None:
        result = Page.route_for_request(request, path)
        if result is None:
            return
        page = result[0]
        components = [component for component in path.split("/") if component]
        if _reached_by_walking(page, site, components):
            cache.set(key, (page.content_type_id, page.pk, page.url_path), settings.FRAGMENT_CACHE_SECONDS)
    request._wagtail_route_for_request = result
    if restricted_paths(request) == []:
        # Wagtail's serve asks for the restrictions of the page and each ancestor; on a site without any, none.
        result[0].get_view_restrictions = PageViewRestriction.objects.none
