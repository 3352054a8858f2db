"""Health: `site_can_serve` for the public /health/ (a load balancer's question: can this server answer pages?)
and `detailed` for staff and monitoring (every service with timings, owed mail and beat's last run)."""

import time

from celery import current_app
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from home.models import OutboxMail
from home.models.heartbeat import last_beat

BROKER_TIMEOUT_SECONDS = 1
OK, DEGRADED, DOWN = "ok", "degraded", "down"


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # noqa: BLE001 - any failure means the service is down
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def site_can_serve() -> bool:
    """Only the database decides: without the cache or the broker pages, log in and registration still work."""
    return _timed(check_database)["ok"]


def check_cache() -> str:
    # The rate limits' alias: the same store, but its errors are raised instead of read as misses.
    cache = caches["ratelimit"]
    key = "health-check"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return the value just written")
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "in-process"
    # Read from the settings, not the Celery app's cached configuration, so the probe checks what is configured.
    # Short timeouts: a broker that hangs must read as down, quickly.
    transport_options = {
        **settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
        "socket_timeout": BROKER_TIMEOUT_SECONDS,
    }
    with current_app.connection_for_write(
        settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT_SECONDS, transport_options=transport_options
    ) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS)
    return conn.transport.driver_name


def check_mail() -> dict:
    """The oldest mail still owed: a worker or the SMTP server is not keeping up when it is old."""
    oldest = OutboxMail.objects.owed().order_by("created_at").values_list("created_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return {
        "ok": age <= settings.HEALTH_OWED_MAIL_MAX_AGE_SECONDS,
        "owed": OutboxMail.objects.owed().count(),
        "given_up": OutboxMail.objects.given_up().count(),
        "oldest_owed_age_s": round(age),
    }


def check_beat() -> dict:
    """When beat's outbox sweep last ran (on a worker): too long ago means beat, the broker or every worker died."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "detail": "no beat: tasks run in process"}
    last = last_beat("resend_owed_mail")
    age = (timezone.now() - last).total_seconds() if last else None
    return {
        "ok": age is not None and age <= settings.HEALTH_BEAT_MAX_AGE_SECONDS,
        "last_run": last.isoformat() if last else None,
        "age_s": round(age) if age is not None else None,
    }


def detailed() -> dict:
    """Every check with its timing; "down" when the database is, "degraded" when anything else is wrong."""
    checks = {"database": _timed(check_database), "cache": _timed(check_cache), "broker": _timed(check_broker)}
    if checks["database"]["ok"]:
        for name, check in (("mail", check_mail), ("beat", check_beat)):
            started = time.perf_counter()
            checks[name] = {**check(), "ms": round((time.perf_counter() - started) * 1000, 1)}
    if not checks["database"]["ok"]:
        status = DOWN
    elif all(check["ok"] for check in checks.values()):
        status = OK
    else:
        status = DEGRADED
    return {"status": status, "checks": checks}
