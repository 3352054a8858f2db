"""Template tags for event lists: the next events for any page (the home page uses it)."""

from django import template
from django.utils import timezone
from wagtail.models import Locale

register = template.Library()


@register.simple_tag(takes_context=True)
def next_events(context, count: int = 3) -> list:
    """The next `count` live, public events in the visitor's language, soonest first, images loaded in bulk."""
    from events.models import EventPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    return list(
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .select_related("image", "locale", "event")
        .prefetch_related("image__renditions")
        .order_by("start", "pk")[: max(0, min(int(count), 12))]
    )


@register.simple_tag(takes_context=True)
def event_index_url(context) -> str:
    """The URL of the events index in the visitor's language, or '' when there is none."""
    from events.models import EventIndexPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return ""
    index = EventIndexPage.objects.live().filter(locale=locale).first()
    return index.get_url(request=context.get("request")) if index else ""
