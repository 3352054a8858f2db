"""The whole-page cache for anonymous visitors: what may be stored, how a stored page is found without the
ORM or the templates, and how publishing, moving, deleting and site-wide edits make stored pages stale.

Staleness works by generations, never by finding and deleting entries. A generation is a random token in the
cache under a name that stands for something a page shows:

- `site`: everything on every page (menu, footer, site settings, snippets, page URLs); bumped by an edit of
  a model in PAGE_CACHE_SITE_WIDE_MODELS, by moving or deleting a page, and by publishing or unpublishing a
  page that can be in the menu (a home page or its children, or a page a navigation link points at);
- `node:<tree path>`: one page of the tree; publishing or unpublishing a page bumps its own and each of its
  ancestors' (the listings above it: news index, home page), found from its tree path without a query;
- `translation:<key>`: one page in every language; publishing a translation changes the language switcher
  and the hreflang links of the other languages' versions.

A stored page keeps the generations of `site`, its node and its translation key as they were read before it
was rendered; a stored page whose generations no longer match is a miss. Generations are bumped at once and
again when the transaction commits, so a page rendered from the old data in between is never kept.

Pages whose content moves with time or seats (PAGE_CACHE_LIVE_PAGE_TYPES: seats left, next events) are kept
for PAGE_CACHE_LIVE_SECONDS only. The cache is the "default" alias: Redis in production (shared by every web
server, so an invalidation on one reaches all), local memory in development. A cache that fails answers as a
miss (home.cache), so the page is rendered as without it.
"""

import hashlib
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

SITE = "pagecache:gen:site"
# The only query parameters a cached page may have (pagination and the listings' filters); a request with any
# other parameter is served uncached, so a parameter the page reads can never be answered with another's page.
QUERY_PARAMETERS = frozenset({"page", "tag", "month", "past"})
HIT_HEADER = "X-Page-Cache"


def _node(path: str) -> str:
    return f"pagecache:gen:node:{path}"


def _translation(key) -> str:
    return f"pagecache:gen:translation:{key}"


def _entry_key(request: HttpRequest, host: str) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    language = get_language_from_path(request.path_info) or ""
    raw = f"{request.scheme}://{host}{request.path}?{query!r}#{language}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def may_be_anonymous_visitor(request: HttpRequest) -> bool:
    """A request that might get a stored page: a GET without a session (the only way to be logged in) and
    without a message waiting to be shown, with no query parameter other than QUERY_PARAMETERS."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and QUERY_PARAMETERS.issuperset(request.GET)
    )


@dataclass
class Entry:
    """A stored page: its body and headers, and the generations it was rendered under."""

    content: bytes
    headers: list[tuple[str, str]]
    generations: dict[str, str | None]

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response


@dataclass
class Recording:
    """What the middleware learns about a request it may store: set on the request as `page_cache`."""

    key: str
    site_generation: str | None
    generations: dict[str, str | None] = field(default_factory=dict)
    page_label: str = ""  # app_label.ModelName of the Wagtail page served; empty for any other view


def note_page(page, request: HttpRequest) -> None:
    """Called when Wagtail serves `page`, before anything is rendered: reads the page's generations now, so
    that a publish while the page renders makes the stored copy stale."""
    recording = getattr(request, "page_cache", None)
    if recording is None:
        return
    names = [_node(page.path), _translation(page.translation_key)]
    found = cache.get_many(names)
    recording.generations = {SITE: recording.site_generation, **{name: found.get(name) for name in names}}
    recording.page_label = page._meta.label


def _may_store(request: HttpRequest, response: HttpResponse, recording: Recording) -> bool:
    return (
        recording.page_label != ""
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that used the CSRF token (a form) carries a token of this visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and not getattr(request, "is_preview", False)
        and "Cache-Control" not in response
        and getattr(request, "user", None) is not None
        and not request.user.is_authenticated
    )


def _seconds_for(recording: Recording) -> int:
    if recording.page_label in settings.PAGE_CACHE_LIVE_PAGE_TYPES:
        return min(settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_LIVE_SECONDS)
    return settings.PAGE_CACHE_SECONDS


def _mark_public(response: HttpResponse, seconds: int) -> None:
    """Headers for a shared cache in front (CDN, reverse proxy): browsers ask again every time; a proxy may keep
    the page PAGE_CACHE_CDN_SECONDS (never longer than this server keeps it), and varies on the cookie so that a
    logged-in visitor is never answered from it."""
    cdn_seconds = min(settings.PAGE_CACHE_CDN_SECONDS, seconds)
    if cdn_seconds > 0:
        patch_cache_control(response, public=True, max_age=0, s_maxage=cdn_seconds)
    else:
        patch_cache_control(response, public=True, max_age=0)
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Answers anonymous visitors from the page cache before sessions, users or the ORM are touched, and stores
    the Wagtail pages it may keep. Every logged-in answer is marked `private, no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not enabled() or not may_be_anonymous_visitor(request):
            return self._private_if_logged_in(request, self.get_response(request))
        try:
            key = _entry_key(request, request.get_host())
        except DisallowedHost:
            return self.get_response(request)
        found = cache.get_many([key, SITE])
        entry, site_generation = found.get(key), found.get(SITE)
        if entry is not None and self._fresh(entry, site_generation):
            return entry.response()

        request.page_cache = recording = Recording(key, site_generation)
        response = self.get_response(request)
        if _may_store(request, response, recording):
            seconds = _seconds_for(recording)
            _mark_public(response, seconds)
            headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
            cache.set(key, Entry(response.content, headers, recording.generations), seconds)
        return self._private_if_logged_in(request, response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if view_func is serve:
            from home.serving import prime_route

            remember_site(request)
            prime_route(request, view_args[0] if view_args else view_kwargs.get("path", ""))

    @staticmethod
    def _fresh(entry: Entry, site_generation: str | None) -> bool:
        if entry.generations.get(SITE) != site_generation:
            return False
        others = [name for name in entry.generations if name != SITE]
        found = cache.get_many(others)
        return all(found.get(name) == entry.generations[name] for name in others)

    @staticmethod
    def _private_if_logged_in(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


def site_generation(request: HttpRequest | None) -> str | None:
    """The `site` generation this request is served under (read once per request), for what every page shows
    (menu, footer, the Site itself): such fragments are kept under it and go stale with it."""
    recording = getattr(request, "page_cache", None)
    if recording is not None:
        return recording.site_generation
    if request is None:
        return cache.get(SITE)
    if not hasattr(request, "_page_cache_site_generation"):
        request._page_cache_site_generation = cache.get(SITE)
    return request._page_cache_site_generation


def translation_generation(request: HttpRequest | None, page) -> str | None:
    """The `translation:<key>` generation of `page` this request is served under: as read before rendering when
    the page may be stored (note_page), else read now."""
    name = _translation(page.translation_key)
    recording = getattr(request, "page_cache", None)
    if recording is not None and name in recording.generations:
        return recording.generations[name]
    return cache.get(name)


def fragment(request: HttpRequest, name: str, build, *, per_site: bool = True):
    """`build()` kept in the cache for FRAGMENT_CACHE_SECONDS per site (unless not `per_site`) and language,
    under the site generation: stale whenever every page is."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return build()
    return cache.get_or_set(f"fragment:{name}:{fragment_scope(request, per_site=per_site)}", build, seconds)


def fragment_scope(request: HttpRequest, *, per_site: bool = True) -> str:
    """What a kept fragment is kept under besides its name: the site (unless not `per_site`), the language and the
    site generation. Also the key of a template's `{% cache %}` blocks (home.templatetags.fragment_tags)."""
    from django.utils import translation
    from wagtail.models import Site

    site = Site.find_for_request(request) if per_site else None
    return f"{site.pk if site else ''}:{translation.get_language()}:{site_generation(request)}"


def remember_site(request: HttpRequest) -> None:
    """Give Wagtail the request's Site from the cache (it would ask the database on every request); the Site is
    a site-wide model, so an edit makes the kept one stale."""
    from wagtail.models import Site

    if settings.FRAGMENT_CACHE_SECONDS <= 0 or hasattr(request, "_wagtail_site"):
        return
    key = f"fragment:site:{request._get_raw_host()}:{request.get_port()}:{site_generation(request)}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, settings.FRAGMENT_CACHE_SECONDS)
    request._wagtail_site = site


# --- Invalidation -------------------------------------------------------------------------------------------


def _bump(names: list[str]) -> None:
    def bump() -> None:
        cache.set_many({name: secrets.token_hex(8) for name in names}, timeout=None)

    bump()
    transaction.on_commit(bump)


def invalidate_site() -> None:
    """Every stored page and fragment is stale (menu, footer, settings, snippets, URLs)."""
    _bump([SITE])


def _in_menu(page) -> bool:
    from home.models import NavigationLink

    # A home page (depth 2) or its child can be in the menu that stands in when no links are configured.
    return page.depth <= 3 or NavigationLink.objects.filter(page__translation_key=page.translation_key).exists()


def invalidate_page(page) -> None:
    """`page` was published or unpublished: it, its translations and the listings above it are stale; all
    pages are when it can be in the menu."""
    steps = page.steplen
    nodes = [_node(page.path[:end]) for end in range(steps, len(page.path) + 1, steps)]
    _bump([*nodes, _translation(page.translation_key), *([SITE] if _in_menu(page) else [])])


# Saves that change nothing a visitor sees: Wagtail records an image's size and hash on first use.
UNSEEN_FIELDS = frozenset({"file_size", "file_hash"})


def _site_wide_edit(sender, update_fields=None, created=False, **kwargs) -> None:
    from wagtail.contrib.settings.models import BaseSiteSetting

    if update_fields and UNSEEN_FIELDS.issuperset(update_fields):
        return
    # A site's settings row is made with its defaults when a page first reads it: nothing shown changes.
    if created and issubclass(sender, BaseSiteSetting):
        return
    invalidate_site()


def _page_published_or_unpublished(sender, instance, **kwargs) -> None:
    invalidate_page(instance)


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate_site()


def connect_signals() -> None:
    """Called from HomeConfig.ready()."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from home.locales import forget_locales

    post_save.connect(forget_locales, sender=Locale, dispatch_uid="locales_saved")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="locales_deleted")
    page_published.connect(_page_published_or_unpublished, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_published_or_unpublished, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_site_wide_edit, dispatch_uid="page_cache_moved")
    # Deleting a page (and its subtree) sends one signal per page; no sender: each page type is its own model.
    post_delete.connect(_page_deleted, dispatch_uid="page_cache_page_deleted")
    for label in settings.PAGE_CACHE_SITE_WIDE_MODELS:
        model = apps.get_model(label)
        post_save.connect(_site_wide_edit, sender=model, dispatch_uid=f"page_cache_saved_{label}")
        post_delete.connect(_site_wide_edit, sender=model, dispatch_uid=f"page_cache_deleted_{label}")
