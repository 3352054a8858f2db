"""What a template's `{% cache %}` blocks need to be kept like the site shell's fragments (home.page_cache): for
FRAGMENT_CACHE_SECONDS (0: not kept), per site and language, under the site generation, so that whatever makes
every page stale (an image, a page moved, site settings) makes them stale too. The block varies on the rest:
everything it shows that can change without that (a page's publication, live counts, the time)."""

from dataclasses import dataclass

from django import template
from django.conf import settings

from home import page_cache

register = template.Library()


@dataclass(frozen=True)
class Fragments:
    seconds: int
    key: str  # site, language and site generation


@register.simple_tag(takes_context=True)
def fragment_cache(context) -> Fragments:
    request = context.get("request")
    seconds = settings.FRAGMENT_CACHE_SECONDS if request is not None else 0
    if seconds <= 0:
        return Fragments(0, "")
    return Fragments(seconds, page_cache.fragment_scope(request))
