"""Poll mails through the outbox: an invitation to everyone who may vote when a poll opens, and a reminder a day
before it closes to those who have not voted, each sent once, in the recipient's language."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from community.factories import MemberFactory, UserFactory
from community.models import Member
from home.models import OutboxMail
from polls import services
from polls.tasks import run_poll_schedule
from tests.polls.builders import choose, make_poll, member, translate_poll

pytestmark = pytest.mark.django_db

INVITATION, REMINDER = "polls/mail/invitation", "polls/mail/reminder"


def owed(template: str) -> list[tuple[str, str]]:
    return sorted(OutboxMail.objects.filter(template=template).values_list("recipient", "language"))


def test_everyone_who_may_vote_is_invited_once_when_the_poll_opens(index, django_capture_on_commit_callbacks):
    now = timezone.now()
    page = make_poll(index, opens_at=now + datetime.timedelta(hours=2), closes_at=now + datetime.timedelta(days=5))
    member(email="ada@example.com")
    member(email="bo@example.com", language="en")
    UserFactory(email="not-a-member@example.com")
    MemberFactory(user=UserFactory(email="lapsed@example.com"), status=Member.Status.LAPSED)
    MemberFactory(user=UserFactory(email="unverified@example.com", verified=False))

    assert run_poll_schedule()["invitations"] == 0  # not open yet
    with time_machine.travel(page.poll.opens_at + datetime.timedelta(minutes=3), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert run_poll_schedule()["invitations"] == 2
        assert run_poll_schedule()["invitations"] == 0  # the next run finds the poll invited

    assert owed(INVITATION) == [("ada@example.com", "da"), ("bo@example.com", "en")]
    assert len(mail.outbox) == 2


def test_a_poll_for_every_activated_account_invites_non_members_too(index):
    make_poll(index, eligibility="accounts")
    UserFactory(email="curious@example.com")
    UserFactory(email="unverified@example.com", verified=False)

    run_poll_schedule()

    assert owed(INVITATION) == [("curious@example.com", "da")]


def test_an_unpublished_poll_invites_nobody(index):
    page = make_poll(index)
    page.unpublish()
    member()

    assert run_poll_schedule()["invitations"] == 0


def test_the_invitation_is_in_the_recipients_language_and_links_their_page(
    index, english_index, django_capture_on_commit_callbacks
):
    danish = make_poll(index, title="Næste emne")
    translate_poll(danish, title="Next topic", slug="next-topic")
    member(email="ada@example.com")
    member(email="bo@example.com", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        run_poll_schedule()

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient["ada@example.com"].subject == "Din stemme, tak: Næste emne"
    assert "/da/afstemninger/" in by_recipient["ada@example.com"].body
    assert by_recipient["bo@example.com"].subject == "Your vote, please: Next topic"
    assert "/en/polls/next-topic/" in by_recipient["bo@example.com"].body


def test_a_day_before_closing_those_who_have_not_voted_are_reminded_once(index, django_capture_on_commit_callbacks):
    page = make_poll(index)
    voter = member(email="voted@example.com")
    member(email="forgot@example.com")
    services.cast_ballot(voter, page, choose(page, 0))
    run_poll_schedule()  # the invitations

    assert run_poll_schedule()["reminders"] == 0  # a week left
    with time_machine.travel(page.poll.closes_at - datetime.timedelta(hours=23), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert run_poll_schedule()["reminders"] == 1
        assert run_poll_schedule()["reminders"] == 0

    assert owed(REMINDER) == [("forgot@example.com", "da")]
    reminder = next(message for message in mail.outbox if message.to == ["forgot@example.com"])
    assert reminder.subject.startswith("Sidste dag for at stemme:")


def test_a_poll_open_for_less_than_a_day_sends_no_reminder(index):
    now = timezone.now()
    make_poll(index, opens_at=now - datetime.timedelta(hours=1), closes_at=now + datetime.timedelta(hours=12))
    member()

    result = run_poll_schedule()

    assert (result["invitations"], result["reminders"]) == (1, 0)
    assert owed(REMINDER) == []


def test_voting_sends_no_mail(index):
    page = make_poll(index)
    before = OutboxMail.objects.count()

    services.cast_ballot(member(), page, choose(page, 0))

    assert OutboxMail.objects.count() == before


def test_the_poll_schedule_is_on_the_beat_schedule():
    from cms.celery import app

    assert "polls.tasks.run_poll_schedule" in {entry["task"] for entry in app.conf.beat_schedule.values()}
