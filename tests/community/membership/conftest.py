"""Users and members for the membership tests, and a way to see the mails a change owed."""

import itertools
from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from community.models import Member, User

_numbers = itertools.count(1)


def make_user(*, verified: bool = True, language: str = "da", **fields) -> User:
    n = next(_numbers)
    fields.setdefault("email", f"person{n}@example.com")
    fields.setdefault("first_name", f"Person{n}")
    fields.setdefault("last_name", "Jensen")
    return User.objects.create_user(password="a-long-passphrase", is_verified=verified, language=language, **fields)


def make_member(user: User | None = None, *, status: str = Member.Status.ACTIVE, **fields) -> Member:
    fields.setdefault("street", "Nørrebrogade 1")
    fields.setdefault("postal_code", "2200")
    fields.setdefault("city", "København N")
    fields.setdefault("accepted_statutes_at", timezone.now())
    if status == Member.Status.ACTIVE:
        fields.setdefault("expires_on", date(timezone.localdate().year, 12, 31))
    return Member.objects.create(user=user or make_user(), status=status, **fields)


def make_staff(*permissions: str, group: str | None = None) -> User:
    """A staff user who may open the Wagtail admin, with the given `app_label.codename` permissions."""
    user = make_user(is_staff=True)
    codenames = ["wagtailadmin.access_admin", *permissions]
    for dotted in codenames:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh: no cached permissions


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run `action()`, commit-callbacks included (so the Celery tasks run in-process), and return the mails sent."""

    def run(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result, list(mail.outbox)

    return run
