"""The reminder beat task: each ticket of an event starting about a day from now is reminded once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.factories import UserFactory
from events.tasks import send_event_reminders
from home.models import OutboxMail
from tests.events.tickets.conftest import make_event, make_registration


def starting_in(index, hours: float, slug: str):
    start = timezone.now() + timedelta(hours=hours)
    return make_event(index, slug=slug, start=start, end=start + timedelta(hours=2))


@pytest.fixture
def tomorrow(event_index):
    return starting_in(event_index, 24, "tomorrow")


def reminders():
    return OutboxMail.objects.filter(template="events/mail/reminder")


def test_ticket_holders_of_tomorrows_event_get_one_reminder_in_their_language(
    tomorrow, django_capture_on_commit_callbacks
):
    ticket_da = make_registration(tomorrow, UserFactory(email="ada@example.com", language="da"))
    ticket_en = make_registration(tomorrow, UserFactory(email="bo@example.com", language="en"))

    with django_capture_on_commit_callbacks():
        assert send_event_reminders() == 2
        assert send_event_reminders() == 0  # a second run (or an overlapping one) finds nothing left

    assert sorted(reminders().values_list("recipient", "language")) == [
        ("ada@example.com", "da"),
        ("bo@example.com", "en"),
    ]
    for ticket in (ticket_da, ticket_en):
        ticket.refresh_from_db()
        assert ticket.reminder_mailed_at is not None


def test_waiting_cancelled_and_other_days_get_no_reminder(event_index, tomorrow):
    make_registration(tomorrow, UserFactory(email="wait@example.com"), status="waiting")
    make_registration(tomorrow, UserFactory(email="gone@example.com"), status="cancelled")
    make_registration(starting_in(event_index, 3, "today"), UserFactory(email="today@example.com"))
    make_registration(starting_in(event_index, 24 * 7, "next-week"), UserFactory(email="later@example.com"))

    assert send_event_reminders() == 0
    assert not reminders().exists()


def test_a_draft_event_gets_no_reminder(tomorrow):
    make_registration(tomorrow, UserFactory())
    tomorrow.unpublish()
    assert send_event_reminders() == 0


def test_a_ticket_already_reminded_is_not_reminded_again(tomorrow):
    ticket = make_registration(tomorrow, UserFactory())
    ticket.reminder_mailed_at = timezone.now() - timedelta(hours=1)
    ticket.save(update_fields=["reminder_mailed_at"])
    assert send_event_reminders() == 0


def test_the_reminder_task_is_on_the_beat_schedule():
    from cms.celery import app

    assert "events.tasks.send_event_reminders" in {e["task"] for e in app.conf.beat_schedule.values()}
