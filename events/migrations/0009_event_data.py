"""The language-neutral Event (data, step 2 of 3): one Event per translation key of the event pages, with the
settings of its version in the default language (or the first version); every page, registration, check-in and
volunteer assignment linked to it. Backwards, the settings go back to every page and the links to the page in
the default language, which is where they were."""

from django.conf import settings
from django.db import migrations

SETTINGS = ["capacity", "registration_opens", "registration_closes", "members_only", "terms_id"]
LINKED = ["Registration", "CheckIn", "EventVolunteer"]


def _seat_pages(EventPage):
    """The page of each translation key that held the seats: the default-language one, else the first."""
    chosen = {}
    for page in EventPage.objects.select_related("locale").order_by("pk"):
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == settings.LANGUAGE_CODE and current.locale.language_code != settings.LANGUAGE_CODE
        ):
            chosen[page.translation_key] = page
    return chosen


def forwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Event = apps.get_model("events", "Event")
    EventSeriesDate = apps.get_model("events", "EventSeriesDate")
    series_of = dict(EventSeriesDate.objects.values_list("page_id", "series_id"))
    for key, seat_page in _seat_pages(EventPage).items():
        event = Event.objects.create(
            translation_key=key,
            series_id=series_of.get(seat_page.pk),
            **{name: getattr(seat_page, name) for name in SETTINGS},
        )
        pages = list(EventPage.objects.filter(translation_key=key).values_list("pk", flat=True))
        EventPage.objects.filter(pk__in=pages).update(event=event)
        for model in LINKED:
            apps.get_model("events", model).objects.filter(event_id__in=pages).update(record=event)


def backwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Event = apps.get_model("events", "Event")
    seat_pages = {key: page.pk for key, page in _seat_pages(EventPage).items()}
    for event in Event.objects.all():
        EventPage.objects.filter(event=event).update(**{name: getattr(event, name) for name in SETTINGS})
        seat_page = seat_pages.get(event.translation_key)
        for model in LINKED:
            rows = apps.get_model("events", model).objects.filter(record=event)
            if seat_page is None:  # an event whose pages were all deleted: its rows go, as they did before
                rows.delete()
            else:
                rows.update(event_id=seat_page)


class Migration(migrations.Migration):
    dependencies = [("events", "0008_event")]

    operations = [migrations.RunPython(forwards, backwards)]
