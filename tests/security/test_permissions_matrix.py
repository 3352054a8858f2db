"""Who may open what: every protected URL of the site, and a sample of each admin section, requested by each
role, with the status each must get. One row per URL, one column per role:

    anon  anonymous visitor            vol    volunteer at this event
    user  activated account            ed     event editor
    mem   active member                tr     translator
    laps  lapsed member                mod    moderator
    ovol  volunteer at another event   mm     membership manager
                                       su     superuser

200 the page, 302 to a log-in or application page (or, in the admin, to its dashboard), 403 refused, 400 a
scan without a body (the door let the volunteer in). The members page (/members/) is public by design.
The roles are the demo's accounts (home/demo, community/, events/demo) plus those the demo lacks.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import Page

from community.models import Member

ROLES = ["anon", "user", "mem", "laps", "ovol", "vol", "ed", "tr", "mod", "mm", "su"]
DEMO_EMAILS = {
    "mem": "member@ddsc.example",
    "vol": "volunteer@ddsc.example",
    "tr": "translator@ddsc.example",
    "mod": "moderator@ddsc.example",
    "mm": "membership@ddsc.example",
    "su": "admin@ddsc.example",
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo site with one account per role, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield make_world()
        transaction.set_rollback(True)


def make_world() -> dict:
    User = get_user_model()  # noqa: N806 - a model class
    Event = apps.get_model("events", "Event")  # noqa: N806
    EventPage = apps.get_model("events", "EventPage")  # noqa: N806
    EventVolunteer = apps.get_model("events", "EventVolunteer")  # noqa: N806
    Registration = apps.get_model("events", "Registration")  # noqa: N806
    users = {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
    users["user"] = User.objects.create_user("activated@example.org", "x", is_verified=True)
    users["laps"] = User.objects.create_user("lapsed@example.org", "x", is_verified=True)
    Member.objects.create(
        user=users["laps"],
        status=Member.Status.LAPSED,
        street="Vej 1",
        postal_code="2100",
        city="København",
        accepted_statutes_at=timezone.now() - timedelta(days=800),
        expires_on=timezone.localdate() - timedelta(days=30),
    )
    users["ed"] = User.objects.create_user("events@example.org", "x", is_verified=True)
    users["ed"].groups.add(Group.objects.get(name="Event editors"))

    event_id = EventVolunteer.objects.get(user=users["vol"]).event_id  # the workshop the demo volunteer scans
    other = Event.objects.exclude(pk=event_id).first()
    users["ovol"] = User.objects.create_user("other-volunteer@example.org", "x", is_verified=True)
    users["ovol"].groups.add(Group.objects.get(name="Volunteers"))
    EventVolunteer.objects.create(event_id=other.pk, user=users["ovol"])

    ticket = Registration.objects.filter(event_id=event_id).exclude(user__in=users.values()).first()
    return {
        "users": users,
        "event": event_id,
        "event_page": EventPage.objects.filter(event_id=event_id, locale__language_code="da").get().pk,
        "ticket": ticket,
        "home": Page.objects.filter(depth=2).order_by("pk").first().pk,
    }


def site(name: str, **kwargs) -> str:
    with translation.override("da"):
        return reverse(name, kwargs=kwargs)


def ticket_url(name: str, ticket) -> str:
    """The ticket's address, by whichever parameter the URL takes: its token, or its id."""
    token = getattr(ticket, "token", None)
    try:
        return site(name, token=token)
    except NoReverseMatch:
        return site(name, pk=ticket.pk)


# (method, url maker, expected status per role in ROLES order)
MATRIX = [
    # My page and account
    ("GET", lambda w: site("community:dashboard"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("community:profile"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("community:password_change"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("community:export_data"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("community:delete_account"), "302 200 200 200 200 200 200 200 200 200 200"),
    # Membership and the members page
    ("GET", lambda w: site("community:membership"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("community:membership_renew"), "302 302 200 200 302 302 302 302 302 302 302"),
    # Tickets and the door
    ("GET", lambda w: site("events:my_tickets"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("polls:my_polls"), "302 200 200 200 200 200 200 200 200 200 200"),
    ("GET", lambda w: site("events:checkin_desks"), "302 403 403 403 200 200 200 403 403 403 200"),
    ("GET", lambda w: site("events:checkin_desk", event_id=w["event"]), "302 403 403 403 403 200 200 403 403 403 200"),
    (
        "GET",
        lambda w: site("events:checkin_counts", event_id=w["event"]),
        "403 403 403 403 403 200 200 403 403 403 200",
    ),
    (
        "GET",
        lambda w: site("events:checkin_attendees", event_id=w["event"]),
        "403 403 403 403 403 200 200 403 403 403 200",
    ),
    (
        "POST",
        lambda w: site("events:checkin_scan", event_id=w["event"]),
        "403 403 403 403 403 400 400 403 403 403 400",
    ),
    (
        "POST",
        lambda w: site("events:checkin_undo", event_id=w["event"]),
        "403 403 403 403 403 400 400 403 403 403 400",
    ),
    (
        "POST",
        lambda w: site("events:checkin_sync", event_id=w["event"]),
        "403 403 403 403 403 400 400 403 403 403 400",
    ),
    # Someone else's ticket: only its holder and event staff
    ("POST", lambda w: site("events:cancel", pk=w["ticket"].pk), "302 403 403 403 403 403 302 403 403 403 302"),
    # The ticket's QR by id: anyone but its holder and the event's staff gets a 404, not even told it exists.
    ("GET", lambda w: ticket_url("events:ticket_qr", w["ticket"]), "302 404 404 404 404 404 200 404 404 404 200"),
    ("POST", lambda w: site("events:leave_waiting", pk=w["ticket"].pk), "302 403 403 403 403 403 302 403 403 403 302"),
    # Checking someone's ticket in: the event's volunteers and staff, not a volunteer of another event
    (
        "POST",
        lambda w: ticket_url("events:checkin_confirm", w["ticket"]),
        "302 403 403 403 403 200 200 403 403 403 200",
    ),
    # Staff and monitoring
    ("GET", lambda w: "/health/detail/", "403 403 403 403 403 403 403 403 403 403 200"),
    # The admin: a sample per section
    ("GET", lambda w: "/admin/", "302 403 403 403 403 403 200 200 200 200 200"),
    ("GET", lambda w: f"/admin/pages/{w['home']}/", "302 403 403 403 403 403 200 200 200 302 200"),
    ("GET", lambda w: f"/admin/pages/{w['event_page']}/edit/", "302 403 403 403 403 403 200 200 200 302 200"),
    ("GET", lambda w: "/admin/images/", "302 403 403 403 403 403 200 302 200 302 200"),
    ("GET", lambda w: "/admin/documents/", "302 403 403 403 403 403 302 302 200 302 200"),
    ("GET", lambda w: "/admin/users/", "302 403 403 403 403 403 302 302 302 302 200"),
    ("GET", lambda w: "/admin/groups/", "302 403 403 403 403 403 302 302 302 302 200"),
    ("GET", lambda w: "/admin/snippets/home/footertext/", "302 403 403 403 403 403 302 200 200 302 200"),
    ("GET", lambda w: "/admin/snippets/community/member/", "302 403 403 403 403 403 302 302 302 200 200"),
    ("GET", lambda w: "/admin/event-registrations/", "302 403 403 403 403 403 200 403 403 403 200"),
    ("GET", lambda w: f"/admin/event-registrations/{w['event']}/", "302 403 403 403 403 403 200 403 403 403 200"),
    ("GET", lambda w: "/admin/poll-results/", "302 403 403 403 403 403 403 403 403 403 200"),
    ("GET", lambda w: "/admin/survey-import/", "302 403 403 403 403 403 403 403 403 403 200"),
    ("GET", lambda w: "/admin/translations/", "302 403 403 403 403 403 302 200 302 302 200"),
    ("GET", lambda w: "/admin/snippets/home/outboxmail/", "302 403 403 403 403 403 302 302 302 302 200"),
    # Django's own admin is served in development only (DJANGO_ADMIN_ENABLED): elsewhere the path is an ordinary
    # page address, sent to its language version (and a 404 there) for everyone, superusers too.
    ("GET", lambda w: "/django-admin/", "302 302 302 302 302 302 302 302 302 302 302"),
]


@pytest.mark.django_db
def test_every_protected_url_answers_each_role_as_the_table_says(world):
    expected, actual = {}, {}
    for method, url_of, statuses in MATRIX:
        url = url_of(world)
        for role, status in zip(ROLES, statuses.split(), strict=True):
            client = Client()
            if role != "anon":
                client.force_login(world["users"][role])
            with transaction.atomic():  # what one role's request changed (a cancelled ticket) is undone
                response = client.get(url) if method == "GET" else client.post(url)
                transaction.set_rollback(True)
            expected[(method, url, role)] = int(status)
            actual[(method, url, role)] = response.status_code
    wrong = [
        f"{m} {u} as {r}: expected {expected[m, u, r]}, got {actual[m, u, r]}"
        for m, u, r in expected
        if expected[m, u, r] != actual[m, u, r]
    ]
    assert not wrong, "\n".join(wrong)
