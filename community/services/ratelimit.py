"""Rate limits on the account forms (log in, registration, activation resend, password reset), kept in the cache.

The counters live in Django's cache, so with REDIS_URL set they are shared by every gunicorn worker and machine
(with the local-memory cache of a bare development machine they are per process). Each limit is a fixed window:
a counter per action, scope (client IP or e-mail address) and window number, which expires with its window.

When the store (Redis) is down, each limit does what its `if_store_down` says (the table is in README.md,
"Operations"): "local" counts in this process's memory instead, so the limit still holds per web process and
people can still log in, register and reset passwords; "closed" refuses every attempt until the store is back.
"""

import hashlib
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest
from django.utils import timezone

from home.cache import CacheUnavailable

# Tests give each test a prefix of its own, so counters never leak from one test into the next.
KEY_PREFIX = "ratelimit"


LOCAL = "local"  # the store is down: count in this process (the limit holds per web process)
CLOSED = "closed"  # the store is down: refuse every attempt


@dataclass(frozen=True)
class Limit:
    scope: str  # "ip" or "email"
    max_hits: int
    window_seconds: int
    if_store_down: str = LOCAL


MINUTE = 60
HOUR = 60 * MINUTE

# For login the hits are failed attempts; for the other actions every attempt counts.
LIMITS: dict[str, tuple[Limit, ...]] = {
    "login": (Limit("email", 5, 15 * MINUTE), Limit("ip", 20, 15 * MINUTE)),
    "register": (Limit("ip", 10, HOUR),),
    "resend_activation": (Limit("email", 3, HOUR), Limit("ip", 10, HOUR)),
    "password_reset": (Limit("email", 3, HOUR), Limit("ip", 10, HOUR)),
    # Wrong passwords typed to confirm deleting an account: a logged-in session must not become a password oracle.
    # Nothing is lost by waiting for the store to come back, so this one is closed while it is down.
    "confirm_password": (Limit("email", 5, 15 * MINUTE, if_store_down=CLOSED),),
    # The public read-only API (/api/v2/): generous for a site or a chat bot, a wall for a scraper loop.
    "api": (Limit("ip", 120, MINUTE),),
}

# Where "local" limits count while the store is down: this process's memory.
_local = LocMemCache("ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def store():
    """The shared store of the counters (the "ratelimit" cache alias: Redis when configured; errors raise)."""
    return caches["ratelimit"]


def client_ip(request: HttpRequest) -> str:
    """The address of the client, for rate limits.

    REMOTE_ADDR is the address of whoever opened the connection. Behind a reverse proxy (or load balancer) that is
    the proxy, so the proxy must pass the client on: either it sets REMOTE_ADDR itself (gunicorn behind a proxy
    speaking the PROXY protocol, or uWSGI), or set TRUSTED_PROXY_COUNT to the number of proxies in front of the
    app, and the address is read that many hops from the right of X-Forwarded-For. The left part of that header is
    whatever the client wrote, so it is never trusted.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote_addr
    return hops[-proxies]


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()


def _key(action: str, limit: Limit, value: str) -> str:
    window = int(timezone.now().timestamp()) // limit.window_seconds
    # Hashed: an e-mail address never sits in the cache in clear, and any value makes a valid cache key.
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{action}:{limit.scope}:{window}:{digest}"


def _scoped(action: str, ip: str, email: str | None):
    values = {"ip": ip, "email": normalise_email(email)}
    for limit in LIMITS[action]:
        if values[limit.scope]:
            yield limit, values[limit.scope]


def is_limited(action: str, *, ip: str, email: str | None = None) -> bool:
    """Whether any of the action's limits is used up for this IP or e-mail address."""
    keys = {_key(action, limit, value): limit for limit, value in _scoped(action, ip, email)}
    try:
        counts = store().get_many(list(keys))
    except CacheUnavailable:
        if any(limit.if_store_down == CLOSED for limit in keys.values()):
            return True
        counts = _local.get_many(list(keys))
    return any(counts.get(key, 0) >= limit.max_hits for key, limit in keys.items())


def _count(counter, key: str, limit: Limit) -> None:
    # add() starts the window's counter once; incr() is atomic in Redis and under a lock in local memory.
    counter.add(key, 0, timeout=limit.window_seconds)
    try:
        counter.incr(key)
    except ValueError:  # the window ended between add() and incr()
        counter.set(key, 1, timeout=limit.window_seconds)


def record(action: str, *, ip: str, email: str | None = None) -> None:
    """Count one hit against each of the action's limits."""
    for limit, value in _scoped(action, ip, email):
        key = _key(action, limit, value)
        try:
            _count(store(), key, limit)
        except CacheUnavailable:
            if limit.if_store_down == LOCAL:
                _count(_local, key, limit)


def attempt(action: str, *, ip: str, email: str | None = None) -> bool:
    """Count an attempt and say whether it may go ahead (False: a limit was already used up)."""
    if is_limited(action, ip=ip, email=email):
        return False
    record(action, ip=ip, email=email)
    return True


def _forget(keys: list[str]) -> None:
    _local.delete_many(keys)
    with suppress(CacheUnavailable):  # down: the counts expire with their window
        store().delete_many(keys)


def reset(action: str, *, email: str) -> None:
    """Forget an account's hits (a successful log in clears its failures; the IP's count stays)."""
    _forget([_key(action, limit, normalise_email(email)) for limit, _ in _scoped(action, "", email)])


def clear(*, email: str | None = None, ip: str | None = None) -> None:
    """Forget every action's hits for this e-mail address and/or client IP, so a person locked out can try again
    now (`manage.py clear_throttle`)."""
    _forget(
        [key for action in LIMITS for key in (_key(action, lim, val) for lim, val in _scoped(action, ip or "", email))]
    )


def clear_all() -> int | None:
    """Forget every rate-limit count. In Redis only the rate limits' keys are deleted (the page cache shares the
    database) and their number is returned; any other store holds nothing else under its alias and is emptied."""
    _local.clear()
    counters = store()
    client = getattr(counters, "_cache", None)
    if hasattr(client, "get_client"):  # Django's Redis cache
        redis = client.get_client(write=True)
        keys = list(redis.scan_iter(match=counters.make_key(f"{KEY_PREFIX}:*"), count=1000))
        if keys:
            redis.delete(*keys)
        return len(keys)
    counters.clear()
    return None
