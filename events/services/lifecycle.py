"""What may happen to an event's pages: a page may go as long as its Event keeps a page or holds nothing, so no
ticket, waiting place or check-in is ever left without its event."""

from django.db.models import Exists, OuterRef

from events.models import CheckIn, Event, EventPage, Registration


def events_orphaned_by_deleting(pages) -> list[Event]:
    """The Events holding registrations or check-ins that would have no page left if `pages` (and everything
    under them) were deleted."""
    doomed: set[int] = set()
    for page in pages:
        doomed.update(EventPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    if not doomed:
        return []
    event_ids = set(EventPage.objects.filter(pk__in=doomed).values_list("event_id", flat=True))
    surviving = EventPage.objects.filter(event=OuterRef("pk")).exclude(pk__in=doomed)
    holding = Exists(Registration.objects.filter(event=OuterRef("pk"))) | Exists(
        CheckIn.objects.filter(event=OuterRef("pk"))
    )
    return list(Event.objects.filter(holding, pk__in=event_ids).exclude(Exists(surviving)))
