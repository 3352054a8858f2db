"""Celery tasks of the events app: the reminder mail the day before an event."""

import logging
from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from events.models import EventPage, Registration
from home.mail import queue_mail

logger = logging.getLogger(__name__)

# Hourly runs look at events starting 20 to 28 hours ahead: every event is seen by several runs (so a missed
# run costs nothing), and each ticket is reminded once, by whichever run claims it first.
WINDOW_START = timedelta(hours=20)
WINDOW_END = timedelta(hours=28)


@shared_task(name="events.tasks.send_event_reminders", acks_late=True)
def send_event_reminders() -> int:
    """Queue a reminder for every ticket (confirmed registration) of a live event starting about a day from now
    that has none yet. Returns how many were queued."""
    now = timezone.now()
    candidates = (
        Registration.objects.confirmed()
        .filter(
            Exists(
                EventPage.objects.live().filter(
                    event=OuterRef("event_id"), start__gte=now + WINDOW_START, start__lt=now + WINDOW_END
                )
            ),
            reminder_mailed_at__isnull=True,
        )
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    for registration in candidates:
        with transaction.atomic():
            # The conditional UPDATE claims the ticket: of two overlapping runs only one gets a row back, and
            # the mail is queued in the same transaction, so it is owed exactly when the claim commits.
            claimed = Registration.objects.filter(
                pk=registration.pk, status=Registration.Status.CONFIRMED, reminder_mailed_at__isnull=True
            ).update(reminder_mailed_at=timezone.now())
            if not claimed:
                continue
            queue_mail(
                to=registration.user.email,
                template="events/mail/reminder",
                context={"registration_id": registration.pk},
                language=registration.user.language,
            )
            sent += 1
    if sent:
        logger.info("Queued %d event reminders", sent)
    return sent
