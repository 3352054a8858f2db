"""The daily lapse task is scheduled and does what the service does, once."""

from datetime import date

import pytest
from celery import current_app

from community.factories import MemberFactory
from community.models import Member
from community.tasks import mark_lapsed_members

pytestmark = pytest.mark.django_db


def test_the_lapse_task_is_in_the_beat_schedule():
    current_app.loader.import_default_modules()
    tasks = {entry["task"] for entry in current_app.conf.beat_schedule.values()}
    assert "community.tasks.mark_lapsed_members" in tasks
    assert "community.tasks.mark_lapsed_members" in current_app.tasks


def test_running_the_task_twice_lapses_and_mails_each_member_once(sent):
    member = MemberFactory(expires_on=date(2020, 12, 31))

    first, mails = sent(lambda: mark_lapsed_members.delay().get())
    second, mails_again = sent(lambda: mark_lapsed_members.delay().get())

    member.refresh_from_db()
    assert member.status == Member.Status.LAPSED
    assert (first, second) == (1, 0)
    assert (len(mails), len(mails_again)) == (1, 0)
