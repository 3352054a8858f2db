"""Fixtures for the event page tests: an events index in Danish and English and helpers that add events."""

import datetime
import itertools

import pytest
from django.utils import timezone

from community.models import User
from events.models import EventIndexPage, EventPage, Registration
from home.factories import ImageFactory
from tests.home.tree import english_locale, ensure_home_page, publish_translation

_serial = itertools.count(1)


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def english_home(home_page):
    return publish_translation(home_page, english_locale(), title="Danish Data Science Community in English")


@pytest.fixture
def event_index(home_page) -> EventIndexPage:
    return home_page.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))


@pytest.fixture
def english_index(event_index, english_home) -> EventIndexPage:
    return publish_translation(event_index, english_locale(), title="Events", slug="events")


def add_event(index: EventIndexPage, title: str, *, days: float = 7, hours: float = 2, image=False, **fields):
    """A live event starting `days` from now (negative: in the past)."""
    start = timezone.now() + datetime.timedelta(days=days)
    fields.setdefault("summary", f"Resumé af {title}")
    if image:
        fields["image"] = ImageFactory(width_px=60, height_px=40, title=title)
    slug = f"{title.lower().replace(' ', '-')}-{next(_serial)}"
    return index.add_child(
        instance=EventPage.with_new_event(
            title=title, slug=slug, start=start, end=start + datetime.timedelta(hours=hours), **fields
        )
    )


def translate_event(event: EventPage, **changes) -> EventPage:
    changes.setdefault("title", f"{event.title} (EN)")
    return publish_translation(event, english_locale(), **changes)


def register(event: EventPage, user: User, status: str = Registration.Status.CONFIRMED) -> Registration:
    return Registration.objects.create(event_id=event.event_id, user=user, status=status, language="da")
