"""The rate limits live in Redis, so every gunicorn worker (and machine) sees the same counters."""

import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.test import Client, override_settings

from community.services import ratelimit
from tests.community.accounts.conftest import log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def redis_cache_settings() -> dict:
    redis_cache = {
        "BACKEND": "home.cache.TolerantRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "cms-test",
    }
    return {"default": redis_cache, "ratelimit": {**redis_cache, "OPTIONS": {"RAISE": True}}}


def test_failures_counted_by_one_worker_limit_another(make_user, monkeypatch):
    make_user()
    with override_settings(CACHES=redis_cache_settings()):
        for _ in range(5):
            log_in(Client(REMOTE_ADDR="10.9.0.1"), "ada@example.com", "wrong-password")

        # Another worker: its own connection to the same Redis, nothing shared in process memory.
        other_worker = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "cms-test"})
        monkeypatch.setattr(ratelimit, "store", lambda: other_worker)

        assert ratelimit.is_limited("login", ip="10.9.0.1", email="ada@example.com")
        assert log_in(Client(REMOTE_ADDR="10.9.0.1"), "ada@example.com").status_code == 429


def test_clear_throttle_all_deletes_the_rate_limits_in_redis_and_nothing_else():
    with override_settings(CACHES=redis_cache_settings()):
        caches["default"].set("a-cached-page", "kept", 60)
        for _ in range(10):
            ratelimit.record("register", ip="10.9.1.1")
        assert ratelimit.is_limited("register", ip="10.9.1.1")

        call_command("clear_throttle", "--all")

        assert not ratelimit.is_limited("register", ip="10.9.1.1")
        assert caches["default"].get("a-cached-page") == "kept"


def test_on_redis_the_window_slides_and_a_burst_across_a_boundary_gets_no_second_budget(make_user):
    import datetime

    import time_machine

    make_user()
    start = datetime.datetime(2026, 11, 30, 12, 14, 58, tzinfo=datetime.UTC)  # 2 s before a 15-minute boundary
    with override_settings(CACHES=redis_cache_settings()), time_machine.travel(start, tick=False) as clock:
        client = Client(REMOTE_ADDR="10.9.0.3")
        for _ in range(4):
            assert log_in(client, "ada@example.com", "wrong-password").status_code == 200
        clock.shift(4)
        assert log_in(client, "ada@example.com", "wrong-password").status_code == 200
        assert log_in(client, "ada@example.com").status_code == 429

        # The hits are kept in a sorted set per key, trimmed to the window.
        key = ratelimit._key("login", ratelimit.LIMITS["login"][0], "ada@example.com\n10.9.0.3")
        redis = ratelimit.store()
        kind = redis.run(lambda client, make_key: client.type(make_key(key)))
        assert kind == b"zset"

        clock.shift(15 * 60 - 3)  # the first four are older than 15 minutes now
        assert log_in(client, "ada@example.com").status_code == 302
