"""Editors' schedules run: beat calls publish_scheduled every minute, and a page scheduled two minutes ahead is
live once beat has run after its time (and not before)."""

import datetime
from unittest import mock

import pytest
from celery import current_app
from celery.schedules import crontab
from django.utils import timezone

from home.factories import StandardPageFactory
from home.models import StandardPage
from home.tasks import publish_scheduled
from tests.home.tree import ensure_home_page

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 30, 16, 0, tzinfo=datetime.UTC)


def test_beat_runs_publish_scheduled_every_minute():
    entries = [
        entry for entry in current_app.conf.beat_schedule.values() if entry["task"] == "home.tasks.publish_scheduled"
    ]

    assert len(entries) == 1
    assert entries[0]["schedule"] == crontab()  # every minute
    current_app.loader.import_default_modules()
    assert "home.tasks.publish_scheduled" in current_app.tasks


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_page_scheduled_two_minutes_ahead_goes_live_when_beat_runs_after_its_time():
    home = ensure_home_page()
    with _at(NOW):
        page = StandardPageFactory(parent=home, title="Planlagt", slug="planlagt", live=False)
        page.go_live_at = NOW + datetime.timedelta(minutes=2)
        page.save_revision(approved_go_live_at=page.go_live_at)
        page.refresh_from_db()
        assert not page.live

    with _at(NOW + datetime.timedelta(minutes=1)):
        publish_scheduled.delay()
    assert not StandardPage.objects.get(pk=page.pk).live

    with _at(NOW + datetime.timedelta(minutes=2, seconds=30)):
        publish_scheduled.delay()
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live
    assert page.first_published_at == NOW + datetime.timedelta(minutes=2, seconds=30)


def test_a_page_whose_expiry_passed_is_unpublished_when_beat_runs():
    home = ensure_home_page()
    page = StandardPageFactory(parent=home, title="Udløber", slug="udloeber")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()

    publish_scheduled.delay()

    page.refresh_from_db()
    assert not page.live
    assert page.expired
