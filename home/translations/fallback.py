"""A page that exists in another language only: found from the address a visitor tried in theirs, so that
/en/<danish-slug>/ can say where the page is instead of being a dead end."""

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest
from wagtail.models import Page, Site


def page_in_another_language(request: HttpRequest) -> Page | None:
    """The live public page at the same path under another language's home page: /en/nyheder/x/ finds
    /da/nyheder/x/. Two queries; None when there is none (or the database cannot say)."""
    language, _, rest = request.path_info.lstrip("/").partition("/")
    if language not in dict(settings.LANGUAGES) or len(rest) > 1000:
        return None
    try:
        site = Site.find_for_request(request)
        if site is None:
            return None
        homes = Page.objects.live().filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key")
        )
        candidates = [f"{home.url_path}{rest}" for home in homes.exclude(locale__language_code=language)]
        return (
            Page.objects.live().public().filter(url_path__in=candidates).select_related("locale").first()
            if candidates
            else None
        )
    except DatabaseError:  # the 404 page must not fail because the database does
        return None
