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


def _page_image(page):
    for name in SHARE_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


@register.simple_tag(takes_context=True)
def share_image(context) -> str:
    """The absolute URL of the picture a shared link shows: the page's own picture, else the home page's hero
    picture, so every page and view (accounts too) has one."""
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, Site

    request = context.get("request")
    page = context.get("page")
    image = _page_image(page) if isinstance(page, Page) else None
    if not isinstance(image, AbstractImage) and request is not None:
        site = Site.find_for_request(request)
        home = site.root_page.specific if site is not None else None
        image = getattr(home.localized if home is not None else None, "hero_image", None)
    if not isinstance(image, AbstractImage):
        return ""
    return seo.absolute_url(image.get_rendition("fill-1200x630").url, request)
