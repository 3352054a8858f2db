"""Celery tasks of the polls app: the beat task that owes invitations and reminders and counts who could vote."""

import logging

from celery import shared_task
from django.utils import timezone

from polls import services
from polls.models import Poll

logger = logging.getLogger(__name__)


@shared_task(name="polls.tasks.run_poll_schedule", acks_late=True)
def run_poll_schedule() -> dict:
    """Beat task (every few minutes): invitations for polls that opened, reminders for polls closing within a
    day, and the eligible count of polls that closed. Safe to run twice or at once: each step claims its poll."""
    now = timezone.now()
    invited = sum(services.queue_invitations(poll) for poll in services.polls_to_invite(now))
    reminded = sum(services.queue_reminders(poll) for poll in services.polls_to_remind(now))
    closed = sum(
        services.freeze_eligible_count(poll)
        for poll in Poll.objects.filter(closes_at__lte=now, eligible_at_close__isnull=True)
    )
    if invited or reminded or closed:
        logger.info("Polls: %d invitations and %d reminders queued, %d polls closed", invited, reminded, closed)
    return {"invitations": invited, "reminders": reminded, "closed": closed}
