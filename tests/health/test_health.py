"""/health/: the JSON a load balancer or monitor polls; 503 as soon as the database, cache or broker is down."""

import os
import socket
import time

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def get_health(client):
    started = time.perf_counter()
    response = client.get("/health/")
    return response, time.perf_counter() - started


def test_health_is_ok_when_every_service_answers(client):
    response, _ = get_health(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "broker": True,
    }


@override_settings(CELERY_BROKER_URL=UNREACHABLE_REDIS, CELERY_TASK_ALWAYS_EAGER=False)
def test_health_is_503_quickly_when_the_broker_refuses_connections(client):
    response, seconds = get_health(client)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert seconds < 3


def test_health_is_503_quickly_when_the_broker_accepts_but_never_answers(client):
    # A socket that accepts connections and then says nothing: a hung broker, not a refused one.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        host, port = silent.getsockname()
        with override_settings(CELERY_BROKER_URL=f"redis://{host}:{port}/0", CELERY_TASK_ALWAYS_EAGER=False):
            response, seconds = get_health(client)

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert seconds < 4


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
)
def test_health_is_503_when_the_cache_is_down(client):
    response, seconds = get_health(client)

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["ok"] is False
    assert checks["broker"]["ok"] is True
    assert seconds < 5


@pytest.mark.integration
def test_health_reports_a_real_redis_broker_as_ok(client):
    broker = os.environ["REDIS_URL"]
    with override_settings(CELERY_BROKER_URL=broker, CELERY_TASK_ALWAYS_EAGER=False):
        response, _ = get_health(client)

    assert response.status_code == 200
    broker_check = response.json()["checks"]["broker"]
    assert (broker_check["ok"], broker_check["detail"]) == (True, "redis")
