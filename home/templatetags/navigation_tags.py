"""Template tags for the site shell: main navigation, language switcher, footer text and social links.

Each tag runs a fixed number of queries whatever the number of links or translations. The menu, the footer
and the social links are the same on every page of a site in one language: they are kept in the cache as
fragments (FRAGMENT_CACHE_SECONDS) under the page cache's site generation, so whatever makes every page stale
(an edit of the settings or the footer, a menu page published, a page moved or deleted) makes them stale too.
The language switcher's links for a page are kept the same way, also under the page's translation generation
(publishing any of its language versions makes them stale).
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from home import page_cache
from home.locales import active_locale, language_code_of
from home.models import FooterText, SiteSettings

register = template.Library()


@dataclass(frozen=True)
class NavigationItem:
    title: str
    url: str
    is_current: bool  # the visitor is on this very page
    is_ancestor: bool  # the visitor is somewhere below this page
    lang: str | None = None  # the page's language when it is not the visitor's (an untranslated page)


@dataclass(frozen=True)
class MenuEntry:
    """A menu link as the fragment cache keeps it: what does not depend on the page being shown."""

    title: str
    url: str
    pk: int
    path: str  # the page's tree path: a page below it has a path starting with it
    lang: str | None


@dataclass(frozen=True)
class Footer:
    html: str  # the footer snippet's text, rendered (links expanded)
    language_code: str


@dataclass(frozen=True)
class SocialLinkItem:
    name: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's name in that language ("Dansk", "English")
    url: str
    is_current: bool
    is_translation: bool  # the link shows the same content (not a fallback to that language's home page)
    # The language the current page exists in, when this language has no version of it ("only in Danish").
    only_in: str | None = None


def _request(context) -> HttpRequest | None:
    return context.get("request")


def _current_page(context) -> Page | None:
    # Views other than Wagtail's may put a paginator page called `page` in the context: only trust real pages.
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _active_locale() -> Locale | None:
    return active_locale()


def _site_settings(request: HttpRequest) -> SiteSettings | None:
    if Site.find_for_request(request) is None:
        return None
    return SiteSettings.for_request(request)


def _localized_pages(pages: list[Page], locale: Locale | None) -> list[Page]:
    """Each page in `locale` when a live translation exists, else the page itself: one query for all of them."""
    if locale is None or not pages:
        return pages
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {
        page.translation_key: page for page in Page.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    return [page if page.locale_id == locale.pk else translations.get(page.translation_key, page) for page in pages]


def _translation_or_original(queryset, original_pk: int, locale: Locale | None):
    """The object `original_pk` of `queryset` in `locale` if translated there, else the original: one query."""
    wanted = Q(pk=original_pk) | Q(locale=locale) if locale else Q(pk=original_pk)
    same_key = queryset.model.objects.filter(pk=original_pk).values("translation_key")
    candidates = list(queryset.filter(wanted, translation_key__in=same_key))
    in_locale = [obj for obj in candidates if locale is not None and obj.locale_id == locale.pk]
    original = [obj for obj in candidates if obj.pk == original_pk]
    return (in_locale or original or [None])[0]


def _locale_home(request: HttpRequest, locale: Locale | None) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    return _translation_or_original(Page.objects.live(), site.root_page_id, locale)


@register.simple_tag(takes_context=True)
def navigation_items(context) -> list[NavigationItem]:
    """The main menu from the site settings, each page in the visitor's language.

    With no links configured yet, the home page's children that are marked "show in menus" stand in, so that
    a fresh site still has a usable menu.
    """
    request = _request(context)
    if request is None:
        return []
    current = _current_page(context)
    items = []
    for entry in page_cache.fragment(request, "menu", lambda: _menu_entries(request)):
        is_current = current is not None and current.pk == entry.pk
        is_ancestor = current is not None and not is_current and current.path.startswith(entry.path)
        items.append(
            NavigationItem(
                title=entry.title, url=entry.url, is_current=is_current, is_ancestor=is_ancestor, lang=entry.lang
            )
        )
    return items


def _menu_entries(request: HttpRequest) -> list[MenuEntry]:
    site_settings = _site_settings(request)
    if site_settings is None:
        return []
    locale = _active_locale()
    links = site_settings.navigation_links.select_related("page", "page__locale").order_by("sort_order", "pk")
    pages = [link.page for link in links if link.page.live]
    if not pages and not links:
        home = _locale_home(request, locale)
        pages = list(home.get_children().live().in_menu().select_related("locale")) if home else []
    pages = _localized_pages(pages, locale)
    entries = []
    for page in pages:
        url = page.get_url(request)
        if url:
            lang = page.locale.language_code if locale is not None and page.locale_id != locale.pk else None
            entries.append(MenuEntry(title=page.title, url=url, pk=page.pk, path=page.path, lang=lang))
    return entries


def _translations_by_language(request: HttpRequest, page: Page | None) -> tuple[dict[str, Page], dict[str, Page]]:
    """Live translations of `page` and of the site's home page, by language code: one query for both."""
    site = Site.find_for_request(request)
    wanted = Q(translation_key=page.translation_key) if page else Q(pk__in=[])
    if site is not None:
        wanted |= Q(translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"))
    translations, homes = {}, {}
    for candidate in Page.objects.live().filter(wanted).select_related("locale"):
        found = translations if page and candidate.translation_key == page.translation_key else homes
        found[candidate.locale.language_code] = candidate
    return translations, homes


def _home_url(request: HttpRequest, code: str, homes: dict[str, Page]) -> str:
    url = homes[code].get_url(request) if code in homes else None
    if url:
        return url
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def _language_urls(request: HttpRequest, page: Page | None, codes: list[str]) -> dict[str, tuple[str, bool]]:
    """Where each language's link goes, and whether it goes to the same content in that language.

    A Wagtail page links to its live translation, or to that language's home page when it has none. A view
    outside the page tree (search, accounts…) links to the same URL in the other language, query string kept.
    A missing page (404) has no counterpart, so it links to the home page.
    """
    match = request.resolver_match
    if page is None and match is not None and match.url_name != "wagtail_serve":
        full_path = request.get_full_path()
        urls = {}
        for code in codes:
            try:
                urls[code] = (translate_url(full_path, code), True)
            except NoReverseMatch:
                urls[code] = (_home_url(request, code, {}), False)
        return urls

    def build() -> dict[str, tuple[str, bool]]:
        translations, homes = _translations_by_language(request, page)
        urls = {}
        for code in codes:
            url = translations[code].get_url(request) if code in translations else None
            urls[code] = (url, True) if url else (_home_url(request, code, homes), False)
        return urls

    if page is None or page.pk is None or getattr(request, "is_preview", False):
        return build()
    # Publishing or unpublishing any language version bumps the translation generation; a move or a home
    # page published bumps the site's (home.page_cache).
    generation = page_cache.translation_generation(request, page)
    return page_cache.fragment(request, f"language-urls:{page.pk}:{generation}", build)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per site language that keeps the visitor on the same page (or view) in that language."""
    request = _request(context)
    if request is None:
        return []
    codes = [code for code, _name in settings.LANGUAGES]
    current_code = translation.get_language()
    page = _current_page(context)
    urls = _language_urls(request, page, codes)
    only_in = language_code_of(page) if page is not None else None
    return [
        LanguageLink(
            code=code,
            name=get_language_info(code)["name_local"],
            url=request.get_full_path() if code == current_code else urls[code][0],
            is_current=code == current_code,
            is_translation=code == current_code or urls[code][1],
            only_in=only_in if code != current_code and not urls[code][1] and only_in != code else None,
        )
        for code in codes
    ]


@register.simple_tag(takes_context=True)
def footer_text(context) -> Footer | None:
    """The footer snippet chosen in the site settings, in the visitor's language when it is translated."""
    request = _request(context)
    if request is None:
        return None
    return page_cache.fragment(request, "footer", lambda: _footer(request))


def _footer(request: HttpRequest) -> Footer | None:
    from wagtail.templatetags.wagtailcore_tags import richtext

    site_settings = _site_settings(request)
    if site_settings is None or site_settings.footer_id is None:
        return None
    # Only approved text: a footer or a translation waiting for review is a draft, and drafts are not live.
    footer = _translation_or_original(
        FooterText.objects.filter(live=True).select_related("locale"), site_settings.footer_id, _active_locale()
    )
    if footer is None:
        return None
    return Footer(html=str(richtext(footer.body)), language_code=footer.locale.language_code)


@register.simple_tag(takes_context=True)
def contact_email(context) -> str:
    """The site's contact address from the site settings ('' when none)."""
    request = _request(context)
    if request is None:
        return ""

    def read() -> str:
        site_settings = _site_settings(request)
        return site_settings.contact_email if site_settings is not None else ""

    return page_cache.fragment(request, "contact-email", read)


@register.simple_tag(takes_context=True)
def social_links(context) -> list[SocialLinkItem]:
    request = _request(context)
    if request is None:
        return []

    def read() -> list[SocialLinkItem]:
        site_settings = _site_settings(request)
        if site_settings is None or site_settings.pk is None:
            return []
        links = site_settings.social_links.order_by("sort_order", "pk")
        return [SocialLinkItem(link.name, link.url) for link in links]

    return page_cache.fragment(request, "social-links", read)
