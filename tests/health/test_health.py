"""/health/ answers a load balancer (200 unless the database is down, nothing but the status); /health/detail/
and `manage.py health` tell staff and monitoring about every service, owed mail and beat, with timings."""

import json
import os
import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from home.cache import reset_pauses
from home.models import Heartbeat, OutboxMail
from tests.timing import timed

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
TOKEN = "a-long-random-monitoring-token"  # noqa: S105 - a test value


@pytest.fixture(autouse=True)
def forget_cache_pauses():
    reset_pauses()
    yield
    reset_pauses()


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="ops@example.com", password="pw", is_staff=True))
    return client


def detail(client, **headers):
    response, timing = timed(lambda: client.get("/health/detail/", headers=headers))
    return response, timing.seconds


def down_cache_settings() -> dict:
    tolerant = {"BACKEND": "home.cache.TolerantRedisCache", "LOCATION": UNREACHABLE_REDIS}
    return {"default": tolerant, "ratelimit": {**tolerant, "OPTIONS": {"RAISE": True}}}


def test_public_health_says_ok_and_nothing_else(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {"status": "ok"}


@override_settings(CELERY_BROKER_URL=UNREACHABLE_REDIS, CELERY_TASK_ALWAYS_EAGER=False)
def test_a_dead_broker_leaves_the_public_health_200_and_the_detail_degraded_quickly(client, staff_client):
    assert client.get("/health/").json() == {"status": "ok"}

    response, seconds = detail(staff_client)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert isinstance(body["checks"]["broker"]["ms"], float)
    assert seconds < 3


def test_a_broker_that_accepts_but_never_answers_reads_as_down_quickly(staff_client):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        host, port = silent.getsockname()
        with override_settings(CELERY_BROKER_URL=f"redis://{host}:{port}/0", CELERY_TASK_ALWAYS_EAGER=False):
            response, seconds = detail(staff_client)

    assert response.json()["checks"]["broker"]["ok"] is False
    assert seconds < 4


def test_a_dead_cache_leaves_the_public_health_200_and_the_detail_degraded(client, staff_client):
    with override_settings(CACHES=down_cache_settings()):
        assert client.get("/health/").json() == {"status": "ok"}
        response, seconds = detail(staff_client)

    checks = response.json()["checks"]
    assert response.json()["status"] == "degraded"
    assert checks["cache"]["ok"] is False
    assert checks["broker"]["ok"] is True
    assert seconds < 3


def test_the_detail_is_for_staff_and_the_monitoring_token_only(client, django_user_model):
    assert detail(client)[0].status_code == 403
    with override_settings(HEALTH_TOKEN=TOKEN):
        assert detail(client, Authorization="Bearer wrong")[0].status_code == 403
        response, _ = detail(client, Authorization=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
    with override_settings(HEALTH_TOKEN=""):
        assert detail(client, Authorization="Bearer ")[0].status_code == 403
    client.force_login(django_user_model.objects.create_user(email="member@example.com", password="pw"))
    assert detail(client)[0].status_code == 403


def test_an_old_owed_mail_makes_the_detail_degraded_with_its_age(staff_client):
    row = OutboxMail.objects.create(recipient="ada@example.com", template="home/mail/test_mail", language="en")
    OutboxMail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=20))

    body = detail(staff_client)[0].json()

    assert body["status"] == "degraded"
    assert body["checks"]["mail"]["ok"] is False
    assert body["checks"]["mail"]["owed"] == 1
    assert 1190 <= body["checks"]["mail"]["oldest_owed_age_s"] <= 1300


@pytest.mark.parametrize(("minutes_ago", "status"), [(None, "degraded"), (30, "degraded"), (1, "ok")])
def test_with_a_real_broker_beat_must_have_swept_the_outbox_recently(staff_client, minutes_ago, status, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "memory://localhost/"
    if minutes_ago is not None:
        Heartbeat.objects.create(name="resend_owed_mail", at=timezone.now() - timedelta(minutes=minutes_ago))

    body = detail(staff_client)[0].json()

    assert body["status"] == status
    assert body["checks"]["beat"]["ok"] is (status == "ok")


def test_the_beat_sweep_records_its_heartbeat():
    from home.tasks import resend_owed_mail

    resend_owed_mail()

    assert timezone.now() - Heartbeat.objects.get(name="resend_owed_mail").at < timedelta(seconds=5)


def test_the_health_command_prints_the_detail_and_exits_non_zero_when_degraded(capsys):
    call_command("health")
    assert json.loads(capsys.readouterr().out)["status"] == "ok"

    with override_settings(CACHES=down_cache_settings()), pytest.raises(SystemExit) as exited:
        call_command("health")
    assert exited.value.code == 1
    assert json.loads(capsys.readouterr().out)["checks"]["cache"]["ok"] is False


@pytest.mark.integration
def test_the_detail_reports_a_real_redis_broker_and_cache_as_ok(staff_client):
    redis_url = os.environ["REDIS_URL"]
    tolerant = {"BACKEND": "home.cache.TolerantRedisCache", "LOCATION": redis_url}
    caches = {"default": tolerant, "ratelimit": {**tolerant, "OPTIONS": {"RAISE": True}}}
    with override_settings(CELERY_BROKER_URL=redis_url, CELERY_TASK_ALWAYS_EAGER=False, CACHES=caches):
        Heartbeat.objects.create(name="resend_owed_mail", at=timezone.now())
        body = detail(staff_client)[0].json()

    assert body["status"] == "ok"
    assert (body["checks"]["broker"]["detail"], body["checks"]["cache"]["detail"]) == ("redis", "TolerantRedisCache")
