"""Registration throughput for `make bench`: concurrent `events.services.register` calls, each thread on its own
database connection, against one event (half the people get tickets, half the waiting list). Run by run.py through
`manage.py shell` in the throwaway database after load_demo; prints one line. Mails are queued as in production;
with the bench's in-process tasks they are also built (QR, .ics) and handed to the mail backend inside the
measurement, so the figure is a floor."""

import os
import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.utils import timezone

PEOPLE = int(os.environ.get("BENCH_REGISTRATIONS", "200"))
THREADS = int(os.environ.get("BENCH_CLIENTS", "8"))


def _event():
    import datetime

    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.filter(locale__language_code="da").first()
    start = timezone.now() + datetime.timedelta(days=60)
    event = index.add_child(
        instance=EventPage.with_new_event(
            title="Throughput", slug=f"throughput-{int(time.time())}", start=start,
            end=start + datetime.timedelta(hours=2), summary="Bench", capacity=PEOPLE // 2,
        )
    )  # fmt: skip
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def report() -> None:
    from django.db.utils import OperationalError

    from events import services
    from events.models import Registration

    if connection.vendor != "postgresql":
        print("registration throughput: skipped (needs PostgreSQL; set DATABASE_URL)")
        return
    event = _event()
    User = get_user_model()
    users = [
        User.objects.create_user(email=f"bench{n}-{event.pk}@example.com", password=None, is_verified=True)
        for n in range(PEOPLE)
    ]

    def one(user):
        try:
            services.register(user, event, accepted_terms=True)
            return True
        except (services.RegistrationError, OperationalError):
            return False
        finally:
            connections.close_all()

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        done = sum(pool.map(one, users))
    elapsed = time.perf_counter() - began
    tickets = Registration.objects.filter(event=event.event, status="confirmed").count()
    waiting = Registration.objects.filter(event=event.event, status="waiting").count()
    print(
        f"registration throughput: {done / elapsed:.0f} registrations/s ({done} of {PEOPLE} in {elapsed:.1f} s,"
        f" {THREADS} threads; {tickets} tickets for {event.event.capacity} seats, {waiting} waiting)"
    )
