"""What search engines and link previews read: absolute URLs, the language alternates of a page or view,
its canonical URL and the Open Graph locale names. The head tags and the sitemap both build on it."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

# Open Graph names a locale as language_TERRITORY; the site writes Danish for Denmark and British English.
OG_LOCALES = {"da": "da_DK", "en": "en_GB"}


@dataclass(frozen=True)
class Alternate:
    hreflang: str  # a language code, or "x-default"
    url: str  # absolute


def root_url(request: HttpRequest | None = None) -> str:
    """The site's address without a trailing slash: the Wagtail site serving `request` (its hostname and port
    are what the sitemap and feeds use), else SITE_URL."""
    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site is not None else settings.SITE_URL


def absolute_url(path_or_url: str, request: HttpRequest | None = None) -> str:
    if "://" in path_or_url:
        return path_or_url
    return root_url(request) + path_or_url


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


def alternates(urls_by_language: dict[str, str], request: HttpRequest | None = None) -> list[Alternate]:
    """One alternate per language that has the same content (the page itself included), then x-default: the
    version in the site's default language, else the first one."""
    found = [Alternate(code, absolute_url(url, request)) for code, url in urls_by_language.items()]
    if not found:
        return []
    default = next((alt for alt in found if alt.hreflang == settings.LANGUAGE_CODE), found[0])
    return [*found, Alternate("x-default", default.url)]
