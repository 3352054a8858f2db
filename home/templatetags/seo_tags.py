"""Template tags for the <head>: canonical URL, hreflang alternates and Open Graph locales (home.seo)."""

from django import template
from django.utils import translation

from home import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def head_links(context, languages) -> dict:
    """From the language switcher's links (navigation_tags.language_links): the page's canonical URL, its
    alternates in every language it exists in plus x-default, and og:locale with its alternates."""
    request = context.get("request")
    current = translation.get_language()
    same_content = {link.code: link.url.split("?")[0] for link in languages if link.is_translation}
    canonical = seo.absolute_url(request.path, request) if request is not None else ""
    return {
        "canonical": canonical,
        "alternates": seo.alternates(same_content, request),
        "og_locale": seo.og_locale(current),
        "og_locale_alternates": [seo.og_locale(code) for code in same_content if code != current],
    }


SHARE_IMAGE_FIELDS = ("image", "hero_image", "photo")
# The fallback picture (the home page's hero) is read at most once per language every few minutes.
SITE_SHARE_IMAGE_SECONDS = 300


def _page_image(page):
    for name in SHARE_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


def _rendition_url(image, request) -> str:
    return seo.absolute_url(image.get_rendition("fill-1200x630").url, request)


def _site_share_image(request) -> str:
    """The home page's hero picture in the visitor's language (else the default one's), as an absolute URL."""
    from django.core.cache import cache
    from wagtail.models import Site

    from home.models import HomePage

    site = Site.find_for_request(request)
    if site is None:
        return ""
    language = translation.get_language()

    def find() -> str:
        homes = HomePage.objects.filter(
            translation_key__in=HomePage.objects.filter(pk=site.root_page_id).values("translation_key"),
            hero_image__isnull=False,
        ).select_related("hero_image", "locale")
        by_language = {home.locale.language_code: home for home in homes}
        home = by_language.get(language) or next(iter(by_language.values()), None)
        return _rendition_url(home.hero_image, request) if home else ""

    return cache.get_or_set(f"share-image:{site.pk}:{site.root_page_id}:{language}", find, SITE_SHARE_IMAGE_SECONDS)


@register.simple_tag(takes_context=True)
def share_image(context) -> str:
    """The absolute URL of the picture a shared link shows: the page's own picture, else the home page's hero
    picture, so every page and view (accounts too) has one."""
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    request = context.get("request")
    page = context.get("page")
    image = _page_image(page) if isinstance(page, Page) else None
    if isinstance(image, AbstractImage):
        return _rendition_url(image, request)
    return _site_share_image(request) if request is not None else ""
