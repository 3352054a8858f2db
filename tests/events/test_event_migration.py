"""Migrations 0008-0010 move tickets, waiting places, check-ins and volunteers from the Danish event page to the
language-neutral Event without losing any, and moving back gives the old schema its data again."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("events", "0007_body_poll_block")]
AFTER = [("events", "0010_event_cleanup")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def make_page(apps, *, locale, key, path, title, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    EventPage = apps.get_model("events", "EventPage")
    content_type, _created = ContentType.objects.get_or_create(app_label="events", model="eventpage")
    start = timezone.now() + datetime.timedelta(days=7)
    return EventPage.objects.create(
        path=path,
        depth=2,
        numchild=0,
        title=title,
        draft_title=title,
        slug=title.lower().replace(" ", "-"),
        url_path=f"/{path}/",
        content_type=content_type,
        locale=locale,
        translation_key=key,
        live=True,
        start=start,
        end=start + datetime.timedelta(hours=2),
        summary="Resumé",
        **fields,
    )


def old_world(apps) -> dict:
    """Two events (one in two languages) with tickets, a waiting place, a cancelled ticket, check-ins and
    volunteers, made with the models as they were before the Event existed."""
    Locale = apps.get_model("wagtailcore", "Locale")
    User = apps.get_model("community", "User")
    Registration = apps.get_model("events", "Registration")
    CheckIn = apps.get_model("events", "CheckIn")
    EventVolunteer = apps.get_model("events", "EventVolunteer")
    danish = Locale.objects.get_or_create(language_code="da")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    users = [User.objects.create(email=f"person{n}@example.com", password="!") for n in range(5)]
    meetup_key = uuid.uuid4()
    meetup = make_page(apps, locale=danish, key=meetup_key, path="9901", title="Meetup", capacity=2, members_only=True)
    make_page(apps, locale=english, key=meetup_key, path="9902", title="Meetup EN", capacity=99)
    talk = make_page(apps, locale=danish, key=uuid.uuid4(), path="9903", title="Talk", capacity=None)
    now = timezone.now()
    tickets = [
        Registration.objects.create(event=meetup, user=users[0], status="confirmed", token="t0", checked_in_at=now),
        Registration.objects.create(event=meetup, user=users[1], status="confirmed", token="t1"),
        Registration.objects.create(event=meetup, user=users[2], status="waiting", token="t2"),
        Registration.objects.create(event=meetup, user=users[3], status="cancelled", token="t3"),
        Registration.objects.create(event=talk, user=users[0], status="confirmed", token="t4"),
    ]
    CheckIn.objects.create(
        event=meetup, registration=tickets[0], volunteer=users[4], result="checked_in", scanned_at=now
    )
    CheckIn.objects.create(event=meetup, registration=None, volunteer=users[4], result="unknown", scanned_at=now)
    EventVolunteer.objects.create(event=meetup, user=users[4])
    EventVolunteer.objects.create(event=talk, user=users[4])
    return {"meetup": meetup.pk, "talk": talk.pk, "meetup_key": meetup_key}


def by_token(apps, event_field: str) -> dict:
    Registration = apps.get_model("events", "Registration")
    return {
        token: (event, status)
        for token, event, status in Registration.objects.values_list("token", event_field, "status")
    }


def test_the_move_to_the_event_keeps_every_ticket_check_in_and_volunteer_and_reverses():
    latest = leaf_nodes()
    try:
        apps = migrate(BEFORE)
        made = old_world(apps)

        apps = migrate(AFTER)
        Event = apps.get_model("events", "Event")
        EventPage = apps.get_model("events", "EventPage")
        meetup = Event.objects.get(translation_key=made["meetup_key"])
        talk = EventPage.objects.get(pk=made["talk"]).event
        # One Event for both language versions, with the Danish page's settings.
        assert set(EventPage.objects.filter(translation_key=made["meetup_key"]).values_list("event", flat=True)) == {
            meetup.pk
        }
        assert (meetup.capacity, meetup.members_only, meetup.waiting_list) == (2, True, True)
        assert talk.capacity is None
        assert by_token(apps, "event") == {
            "t0": (meetup.pk, "confirmed"),
            "t1": (meetup.pk, "confirmed"),
            "t2": (meetup.pk, "waiting"),
            "t3": (meetup.pk, "cancelled"),
            "t4": (talk.pk, "confirmed"),
        }
        Registration = apps.get_model("events", "Registration")
        assert Registration.objects.get(token="t0").checked_in_at is not None
        CheckIn = apps.get_model("events", "CheckIn")
        assert sorted(CheckIn.objects.values_list("event", "result")) == [
            (meetup.pk, "checked_in"),
            (meetup.pk, "unknown"),
        ]
        EventVolunteer = apps.get_model("events", "EventVolunteer")
        assert sorted(EventVolunteer.objects.values_list("event", flat=True)) == sorted([meetup.pk, talk.pk])

        apps = migrate(BEFORE)
        EventPage = apps.get_model("events", "EventPage")
        assert EventPage.objects.get(pk=made["meetup"]).capacity == 2
        assert EventPage.objects.get(pk=made["meetup"]).members_only is True
        assert by_token(apps, "event") == {
            "t0": (made["meetup"], "confirmed"),
            "t1": (made["meetup"], "confirmed"),
            "t2": (made["meetup"], "waiting"),
            "t3": (made["meetup"], "cancelled"),
            "t4": (made["talk"], "confirmed"),
        }
        CheckIn = apps.get_model("events", "CheckIn")
        assert sorted(CheckIn.objects.values_list("event", "result")) == [
            (made["meetup"], "checked_in"),
            (made["meetup"], "unknown"),
        ]
        EventVolunteer = apps.get_model("events", "EventVolunteer")
        assert sorted(EventVolunteer.objects.values_list("event", flat=True)) == sorted([made["meetup"], made["talk"]])
    finally:
        migrate(latest)
