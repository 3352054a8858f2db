"""The poll mails: an invitation to everyone who may vote when a poll opens, and a reminder a day before it closes
to those who have not voted. Each is queued once per poll: the poll's flag is claimed by a conditional update
in the transaction that queues the mails, so two runs at once queue them once."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from home.mail import queue_mail
from polls.models import Poll, Voter
from polls.services.eligibility import eligible_users

INVITATION_MAIL = "polls/mail/invitation"
REMINDER_MAIL = "polls/mail/reminder"
# The reminder goes this long before the poll closes, to polls open longer than that (a shorter poll has just
# had its invitation).
REMINDER_BEFORE_CLOSING = timedelta(hours=24)


def _published(polls):
    return polls.filter(pages__live=True).distinct()


def polls_to_invite(now=None):
    now = now or timezone.now()
    return _published(Poll.objects.filter(invitations_queued=False, opens_at__lte=now, closes_at__gt=now))


def polls_to_remind(now=None):
    now = now or timezone.now()
    return _published(
        Poll.objects.filter(
            reminders_queued=False, opens_at__lte=now, closes_at__gt=now, closes_at__lte=now + REMINDER_BEFORE_CLOSING
        )
    )


def _queue(poll: Poll, template: str, recipients) -> int:
    count = 0
    for user in recipients.only("email", "first_name", "language").order_by("pk").iterator():
        queue_mail(
            to=user.email,
            template=template,
            context={"poll_id": poll.pk, "first_name": user.first_name},
            language=user.language,
        )
        count += 1
    return count


def queue_invitations(poll: Poll) -> int:
    """Owe the invitation to everyone who may vote in `poll`, once; returns how many were queued."""
    with transaction.atomic():
        if not Poll.objects.filter(pk=poll.pk, invitations_queued=False).update(invitations_queued=True):
            return 0
        return _queue(poll, INVITATION_MAIL, eligible_users(poll))


def queue_reminders(poll: Poll) -> int:
    """Owe the reminder to everyone who may vote in `poll` and has not, once; returns how many were queued.
    A poll that is open for less than a day gets none (its invitation is just as recent)."""
    with transaction.atomic():
        if not Poll.objects.filter(pk=poll.pk, reminders_queued=False).update(reminders_queued=True):
            return 0
        if poll.closes_at - poll.opens_at <= REMINDER_BEFORE_CLOSING:
            return 0
        not_voted = eligible_users(poll).exclude(Exists(Voter.objects.filter(poll=poll, user=OuterRef("pk"))))
        return _queue(poll, REMINDER_MAIL, not_voted)
