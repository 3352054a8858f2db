"""Demo events for `manage.py load_demo`: the events index in both languages and five events (a monthly
meetup, a full workshop with a waiting list, a conference with external sign-up, a members-only general
assembly and a past event), each translated into English. A second run changes nothing."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from events.models import EventIndexPage, EventPage, EventVolunteer, Registration
from events.services.checkin import VOLUNTEERS_GROUP
from home.demo.context import DemoContext
from home.demo.images import demo_image
from home.demo.pages import LANGUAGES, child_by_slug, publish, translate_page
from home.models import NavigationLink, SiteSettings

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

EVENT_INDEX = {
    "da": {"title": "Arrangementer", "slug": "arrangementer", "intro": "Meetups, workshops og konferencer."},
    "en": {"title": "Events", "slug": "events", "intro": "Meetups, workshops and conferences."},
}


@dataclass
class DemoEvent:
    key: str
    days_ahead: int  # from today; negative is in the past
    start_hour: int
    hours: int
    da: dict
    en: dict
    fields: dict


DTU = {"location_name": "DTU Skylab", "street": "Diplomvej 371", "postal_code": "2800", "city": "Kongens Lyngby"}
EVENTS = [
    DemoEvent(
        "maanedligt-meetup",
        12,
        17,
        2,
        {
            "title": "Månedligt meetup",
            "slug": "maanedligt-meetup",
            "summary": "To korte oplæg om data science i praksis, pizza og snak bagefter.",
        },
        {
            "title": "Monthly meetup",
            "slug": "monthly-meetup",
            "summary": "Two short talks on data science in practice, pizza and a chat afterwards.",
        },
        {"capacity": 30, **DTU},
    ),
    DemoEvent(
        "workshop-llm",
        20,
        9,
        6,
        {
            "title": "Workshop: sprogmodeller i produktion",
            "slug": "workshop-sprogmodeller",
            "summary": "En dags hands-on workshop om at sætte sprogmodeller i drift. Kun tre pladser.",
        },
        {
            "title": "Workshop: language models in production",
            "slug": "workshop-language-models",
            "summary": "A hands-on day on running language models in production. Only three seats.",
        },
        {"capacity": 3, **DTU},
    ),
    DemoEvent(
        "konference",
        45,
        9,
        8,
        {
            "title": "Data Science Day 2027",
            "slug": "data-science-day",
            "summary": "Årets konference med foredrag fra industri og forskning. Tilmelding hos arrangøren.",
        },
        {
            "title": "Data Science Day 2027",
            "slug": "data-science-day",
            "summary": "The year's conference with talks from industry and research. Sign up with the organiser.",
        },
        {
            "signup_type": EventPage.SignUp.EXTERNAL,
            "external_signup_url": "https://example.org/data-science-day",
            "location_name": "Tivoli Congress Center",
            "street": "Arni Magnussons Gade 2",
            "postal_code": "1577",
            "city": "København V",
        },
    ),
    DemoEvent(
        "generalforsamling",
        30,
        18,
        2,
        {
            "title": "Generalforsamling",
            "slug": "generalforsamling",
            "summary": "Foreningens årlige generalforsamling. Kun for medlemmer.",
        },
        {
            "title": "General assembly",
            "slug": "general-assembly",
            "summary": "The association's annual general assembly. Members only.",
        },
        {"members_only": True, "capacity": 100, **DTU},
    ),
    DemoEvent(
        "julemeetup",
        -40,
        17,
        3,
        {"title": "Julemeetup", "slug": "julemeetup", "summary": "Årets sidste meetup med quiz og gløgg."},
        {
            "title": "Christmas meetup",
            "slug": "christmas-meetup",
            "summary": "The last meetup of the year with a quiz and mulled wine.",
        },
        {"capacity": 40, **DTU},
    ),
]

# The full workshop: three tickets and one waiting, from the directory people community's demo makes.
WORKSHOP_TICKETS = ["rasmus.bech@ddsc.example", "freja.holm@ddsc.example", "ali.hassan@ddsc.example"]
WORKSHOP_WAITING = ["sara.lund@ddsc.example"]


def _index(demo: DemoContext) -> None:
    for language in LANGUAGES:
        text = EVENT_INDEX[language]
        index = child_by_slug(demo.page("home", language), EventIndexPage, text["slug"])
        if index is None and language == "da":
            index = publish(demo.page("home", "da").add_child(instance=EventIndexPage(**text)))
        elif index is None:
            index = translate_page(demo.page("event_index", "da"), demo.locales[language], **text)
        demo.remember("event_index", language, index.specific)


def _start(event: DemoEvent) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=event.days_ahead)
    return datetime.datetime(day.year, day.month, day.day, event.start_hour, tzinfo=COPENHAGEN)


def events(demo: DemoContext) -> None:
    """The events index and the five events in Danish and English."""
    _index(demo)
    for event in EVENTS:
        picture = demo_image(f"event-{event.key}", event.da["title"], event.da["title"])
        for language in LANGUAGES:
            text = getattr(event, language)
            index = demo.page("event_index", language)
            page = child_by_slug(index, EventPage, text["slug"])
            if page is None and language == "da":
                start = _start(event)
                page = index.add_child(
                    instance=EventPage.with_new_event(
                        start=start,
                        end=start + datetime.timedelta(hours=event.hours),
                        image=picture,
                        **event.fields,
                        **text,
                    )
                )
                page = publish(page)
            elif page is None:
                page = translate_page(demo.page(f"event:{event.key}", "da"), demo.locales[language], **text)
            demo.remember(f"event:{event.key}", language, page.specific)


def registrations(demo: DemoContext) -> None:
    """The workshop full, with one person waiting (made directly: demo data sends no mail)."""
    workshop = demo.page("event:workshop-llm", "da")
    users = get_user_model().objects.filter(email__in=WORKSHOP_TICKETS + WORKSHOP_WAITING)
    for user in users:
        status = Registration.Status.CONFIRMED if user.email in WORKSHOP_TICKETS else Registration.Status.WAITING
        Registration.objects.get_or_create(
            event_id=workshop.event_id,
            user=user,
            status=status,
            defaults={
                "language": user.language or "da",
                "confirmed_at": timezone.now() if status == Registration.Status.CONFIRMED else None,
            },
        )


VOLUNTEER = "volunteer@ddsc.example"


def volunteers(demo: DemoContext) -> None:
    """The demo volunteer checks people in at the workshop: in the Volunteers group and assigned to it."""
    volunteer = get_user_model().objects.filter(email=VOLUNTEER).first()
    if volunteer is None:
        return
    volunteer.groups.add(Group.objects.get(name=VOLUNTEERS_GROUP))
    EventVolunteer.objects.get_or_create(event_id=demo.page("event:workshop-llm", "da").event_id, user=volunteer)
    with translation.override("da"):
        demo.link("Check-in at the door (log in as the volunteer)", reverse("events:checkin_desks"))


def navigation(demo: DemoContext) -> None:
    """The menu gains the events index (once), and the summary its address."""
    site_settings = SiteSettings.for_site(demo.site)
    index = demo.page("event_index", "da")
    if not site_settings.navigation_links.filter(page=index).exists():
        NavigationLink.objects.create(
            settings=site_settings, page=index, sort_order=site_settings.navigation_links.count()
        )
    demo.link("Events", index.url)


SECTIONS = [events, registrations, volunteers, navigation]
