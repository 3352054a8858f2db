"""The throwaway database's side of `make load` (locust_run.py runs these through `manage.py shell`).

`prepare()` readies the demo content for the crowd in locustfile.py and writes what the crowd needs to
BENCH_DIR/load-setup.json: the pages to browse in each language, the demo's monthly meetup with LOAD_SEATS seats
and a waiting list (its Danish and English pages), LOAD_ACCOUNTS verified accounts with logged-in sessions (half
of them writing in English) to register for it, and an event at the door with LOAD_DOOR_TICKETS tickets and two
assigned volunteers (checkin.door_event).

`outcome()` waits (up to LOAD_MAIL_WAIT seconds, sweeping the outbox as beat would) until no mail is owed, then
prints one line `OUTCOME {json}`:
the meetup's capacity and tickets, the registrations, the mail each registration owed and what became of it.
"""

import json
import os
import time
from collections import Counter
from pathlib import Path

SEATS = int(os.environ.get("LOAD_SEATS", "300"))
ACCOUNTS = int(os.environ.get("LOAD_ACCOUNTS", "750"))
DOOR_TICKETS = int(os.environ.get("LOAD_DOOR_TICKETS", "300"))
MAIL_WAIT = float(os.environ.get("LOAD_MAIL_WAIT", "90"))
SWEEP_SECONDS = 5
MEMBER_DOMAIN = "load.example.com"
# The mails a registration owes: a ticket, or a place on the waiting list (events.services.registration._mail).
REGISTRATION_MAILS = ["events/mail/ticket", "events/mail/waiting"]
SEARCHES = {"da": ["data", "meetup", "python", "sprogmodeller"], "en": ["data", "meetup", "python", "language"]}


def _paths(model, language: str) -> list[str]:
    return [page.url for page in model.objects.live().filter(locale__language_code=language).order_by("path")]


def _browsing(language: str) -> dict:
    from django.urls import reverse
    from django.utils import translation

    from community.models import ArticleIndexPage, ArticlePage
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage, NewsIndexPage, NewsPage

    with translation.override(language):
        search = reverse("search")
    pages = {
        "home": _paths(HomePage, language),
        "news index": _paths(NewsIndexPage, language),
        "news page": _paths(NewsPage, language),
        "event index": _paths(EventIndexPage, language),
        "event page": _paths(EventPage, language),
        "article index": _paths(ArticleIndexPage, language),
        "article page": _paths(ArticlePage, language),
        "search": [f"{search}?query={word}" for word in SEARCHES[language]],
    }
    missing = [name for name, paths in pages.items() if not paths]
    if missing:
        raise RuntimeError(f"load_demo made no {', '.join(missing)} in {language!r}")
    return pages


def _meetup():
    """The demo's monthly meetup (events/demo.py), with LOAD_SEATS seats and a waiting list, in both languages."""
    from events.demo import EVENTS
    from events.models import Event, EventPage

    danish = EventPage.objects.live().get(locale__language_code="da", slug=EVENTS[0].da["slug"])
    Event.objects.filter(pk=danish.event_id).update(capacity=SEATS, waiting_list=True)
    return danish.event_id, EventPage.objects.live().filter(event_id=danish.event_id)


def prepare() -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    from tests.benchmarks.accounts import csrf_secret, sessions_for
    from tests.benchmarks.checkin import door_event

    event_id, pages = _meetup()
    meetup = {}
    for page in pages:
        language = page.locale.language_code
        with translation.override(language):
            meetup[language] = {"page": page.url, "register": reverse("events:register", kwargs={"page_id": page.pk})}
    User = get_user_model()
    languages = list(meetup)
    members = User.objects.bulk_create(
        [
            User(email=f"member{n}@{MEMBER_DOMAIN}", first_name=f"Member{n}", last_name="Load", password="!",
                 is_verified=True, language=languages[n % len(languages)])
            for n in range(ACCOUNTS)
        ],
        batch_size=1000,
    )  # fmt: skip
    sessions = sessions_for(members)
    setup = {
        "browse": {language: _browsing(language) for language in languages},
        "meetup": {"event": event_id, "seats": SEATS, "pages": meetup},
        "members": [
            {"session": session, "language": member.language}
            for member, session in zip(members, sessions, strict=True)
        ],
        "session_cookie_name": settings.SESSION_COOKIE_NAME,
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        "csrf": csrf_secret(),
        "door": door_event(tickets=DOOR_TICKETS, volunteers=2, title="Load test door"),
    }
    setup_file = Path(settings.BENCH_DIR) / "load-setup.json"
    setup_file.write_text(json.dumps(setup))
    print(f"SETUP {setup_file}")


def _wait_for_mail() -> float:
    """Seconds waited until no mail was owed (sent or given up), at most MAIL_WAIT. Meanwhile the outbox is swept
    every SWEEP_SECONDS as beat does (home.tasks.resend_owed_mail, here in process): a mail whose hand-over to the
    broker timed out under load is sent again once nobody touched it for MAIL_OUTBOX_RETRY_AFTER_SECONDS."""
    from home.models import OutboxMail
    from home.tasks import resend_owed_mail

    began = swept = time.monotonic()
    while OutboxMail.objects.owed().exists() and time.monotonic() - began < MAIL_WAIT:
        if time.monotonic() - swept >= SWEEP_SECONDS:
            resend_owed_mail()
            swept = time.monotonic()
        time.sleep(1)
    return time.monotonic() - began


def outcome() -> None:
    from django.db.models import Count

    from events.models import Event, Registration
    from home.models import OutboxMail

    event_id = int(os.environ["LOAD_EVENT"])
    waited = _wait_for_mail()
    event = Event.objects.get(pk=event_id)
    registrations = Registration.objects.filter(event_id=event_id, user__email__endswith=f"@{MEMBER_DOMAIN}")
    by_status = dict(registrations.values_list("status").annotate(count=Count("pk")).order_by())
    registered = set(registrations.values_list("user__email", flat=True))
    rows = list(
        OutboxMail.objects.filter(template__in=REGISTRATION_MAILS, recipient__endswith=f"@{MEMBER_DOMAIN}").order_by(
            "pk"
        )
    )
    mailed = Counter(row.recipient for row in rows)
    print(
        "OUTCOME "
        + json.dumps(
            {
                "capacity": event.capacity,
                "confirmed": Registration.objects.confirmed().filter(event_id=event_id).count(),
                "waiting": by_status.get(Registration.Status.WAITING, 0),
                "registrations": len(registered),
                # A registration owes exactly one mail (its ticket, or its place on the waiting list).
                "without_mail": sorted(registered - set(mailed)),
                "mailed_twice": sorted(email for email, count in mailed.items() if count > 1),
                "owed": sum(1 for row in rows if row.sent_at is None and row.gave_up_at is None),
                "given_up": sum(1 for row in rows if row.gave_up_at is not None),
                "message_ids": [row.message_id for row in rows],
                # Mail nobody registering owed (none is expected: the run has no beat, so no poll invitations).
                "other_mail": dict(
                    OutboxMail.objects.exclude(pk__in=[row.pk for row in rows])
                    .values_list("template")
                    .annotate(count=Count("pk"))
                    .order_by()
                ),
                "mail_wait_seconds": round(waited, 1),
            }
        )
    )
