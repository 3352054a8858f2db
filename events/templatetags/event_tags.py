"""Template tags for event lists: the next events for any page (the home page uses it)."""

from django import template
from django.utils import timezone

from home import page_cache
from home.locales import active_locale
from home.renditions import CARD, with_renditions
from home.serving import public

register = template.Library()


@register.simple_tag(takes_context=True)
def next_events(context, count: int = 3) -> list:
    """The next `count` live, public events in the visitor's language, soonest first, images loaded in bulk."""
    from events.models import EventPage

    locale = active_locale()
    if locale is None:
        return []
    return list(
        public(EventPage.objects.live(), context.get("request"))
        .filter(locale=locale, end__gte=timezone.now())
        .select_related("locale", "event")
        .select_related("image")
        .prefetch_related(with_renditions("image", CARD))
        .order_by("start", "pk")[: max(0, min(int(count), 12))]
    )


@register.simple_tag(takes_context=True)
def event_index_url(context) -> str:
    """The URL of the events index in the visitor's language, or '' when there is none. Kept as a fragment: the
    index is a home page's child, so publishing or moving it makes every page stale (home.page_cache)."""
    from events.models import EventIndexPage

    request = context.get("request")

    def find() -> str:
        locale = active_locale()
        index = EventIndexPage.objects.live().filter(locale=locale).first() if locale else None
        return index.get_url(request=request) if index else ""

    return page_cache.fragment(request, "event-index-url", find) if request is not None else find()
