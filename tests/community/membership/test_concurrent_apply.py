"""On PostgreSQL: a double submit of the application (two requests at once) makes one membership and one mail."""

import threading

import pytest
from django.db import connection

from community.factories import UserFactory
from community.models import Member
from community.services import membership
from community.services.membership import Address, MembershipError
from home.models import OutboxMail

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
SUBMITS = 4


def test_simultaneous_applications_make_one_pending_membership_and_one_mail():
    user = UserFactory()
    start = threading.Barrier(SUBMITS)
    outcomes: list[str] = []

    def submit():
        try:
            start.wait()
            membership.apply(user, address=Address("Vesterbrogade 2", "1620", "København V"), job_title="Analyst")
            outcomes.append("applied")
        except MembershipError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(SUBMITS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["already_applied"] * (SUBMITS - 1) + ["applied"]
    assert Member.objects.filter(user=user).count() == 1
    assert OutboxMail.objects.filter(recipient=user.email, template="community/mail/application_received").count() == 1
