"""The one limiter: every way in (password checks, resets, registrations, the API) counts its attempts here.

Each limit is a sliding window: the store keeps the time of every counted hit (a Redis sorted set per action,
scope and value, trimmed to the window on every look), so a limit holds over any span of `window_seconds`; a
burst straddling what a fixed window would call its boundary does not get twice the budget.

Scopes: "ip" (the client's address), "email" (the account, whatever address tries it) and "pair" (the account
from this address). Password checks (`password_attempt`) use all three so that someone else's failures never
lock an account's owner out: the pair and the address are blocked, the account alone is only slowed down (past
its budget one attempt per `slow_interval` still goes through, from any address). README.md, "Security", has
the numbers and why.

When the store (Redis) is down, each limit does what its `if_store_down` says (the table is in README.md,
"Operations"): "local" counts in this process's memory instead, so the limit still holds per web process and
people can still log in, register and reset passwords; "closed" refuses every attempt until the store is back.
"""

import fnmatch
import hashlib
import math
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest
from django.utils import timezone

from home.cache import CacheUnavailable, TolerantRedisCache

# Tests give each test a prefix of its own, so counters never leak from one test into the next.
KEY_PREFIX = "ratelimit"


LOCAL = "local"  # the store is down: count in this process (the limit holds per web process)
CLOSED = "closed"  # the store is down: refuse every attempt


@dataclass(frozen=True)
class Limit:
    scope: str  # "ip", "email" or "pair" (this e-mail address from this IP)
    max_hits: int
    window_seconds: int
    if_store_down: str = LOCAL
    # 0: once max_hits are in the window, every attempt is refused until the oldest ages out. Otherwise one
    # attempt per slow_interval seconds still goes through: slowed down, not locked out.
    slow_interval: int = 0


MINUTE = 60
HOUR = 60 * MINUTE

# For password checks ("login", "confirm_password", "page_password", "otp") the hits are failures; for the
# other actions every attempt counts.
LIMITS: dict[str, tuple[Limit, ...]] = {
    # Every door that checks an account's password: the site's and the admin's log in, the private-page log in,
    # the Django admin's. One budget per account, whichever door is knocked on.
    "login": (
        Limit("pair", 5, 15 * MINUTE),
        Limit("ip", 30, 15 * MINUTE),
        Limit("email", 10, 15 * MINUTE, slow_interval=MINUTE),
    ),
    # The one-time code of two-factor log in: the password is already known, so the same shape again.
    "otp": (
        Limit("pair", 5, 15 * MINUTE),
        Limit("ip", 30, 15 * MINUTE),
        Limit("email", 10, 15 * MINUTE, slow_interval=MINUTE),
    ),
    # The password of a password-protected page (one page's restriction is the "email" here).
    "page_password": (Limit("pair", 5, 15 * MINUTE), Limit("ip", 30, 15 * MINUTE)),
    "register": (Limit("ip", 10, HOUR),),
    "resend_activation": (Limit("email", 3, HOUR), Limit("ip", 10, HOUR)),
    "password_reset": (Limit("email", 3, HOUR), Limit("ip", 10, HOUR)),
    # Wrong passwords typed by a logged-in session (changing the password, deleting the account): a session must
    # not become a password oracle. Nothing is lost by waiting for the store to come back, so these are closed
    # while it is down.
    "confirm_password": (Limit("email", 5, 15 * MINUTE, if_store_down=CLOSED),),
    # The public read-only API (/api/v2/): generous for a site or a chat bot, a wall for a scraper loop.
    "api": (Limit("ip", 120, MINUTE),),
}


class Throttled(Exception):
    """A limit is used up: nothing was checked or done. `retry_after` is in seconds."""

    def __init__(self, action: str, retry_after: int):
        super().__init__(f"{action} limited for {retry_after} s")
        self.action = action
        self.retry_after = retry_after


@dataclass(frozen=True)
class Window:
    count: int  # hits within the window
    oldest: float  # their first and last times (0 when there are none)
    newest: float


class LocalWindows:
    """Hit times in this process's memory (the store without Redis, and the fallback while Redis is down)."""

    MAX_KEYS = 10_000

    def __init__(self):
        self._hits: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def look(self, key: str, now: float, window: int) -> Window:
        with self._lock:
            hits = [t for t in self._hits.get(key, ()) if t > now - window]
            if hits:
                self._hits[key] = hits
            else:
                self._hits.pop(key, None)
        return Window(len(hits), hits[0] if hits else 0, hits[-1] if hits else 0)

    def add(self, key: str, now: float, window: int, keep: int) -> None:
        with self._lock:
            hits = [t for t in self._hits.pop(key, ()) if t > now - window]
            self._hits[key] = [*hits, now][-keep:]
            while len(self._hits) > self.MAX_KEYS:
                self._hits.popitem(last=False)

    def delete(self, keys: list[str]) -> None:
        with self._lock:
            for key in keys:
                self._hits.pop(key, None)

    def delete_matching(self, pattern: str) -> int:
        with self._lock:
            keys = [key for key in self._hits if fnmatch.fnmatchcase(key, pattern)]
            for key in keys:
                del self._hits[key]
        return len(keys)


class CacheWindows(LocalWindows):
    """Hit times kept in a Django cache that other processes share without Redis (the development settings' file
    cache), so `manage.py clear_throttle` reaches the counts of a running server. One entry holds every key's
    hits; fine for one developer, not made for production traffic (production counts in Redis)."""

    def __init__(self, cache):
        super().__init__()
        self.cache = cache

    def _load(self) -> None:
        self._hits = OrderedDict(self.cache.get(f"{KEY_PREFIX}-hits") or {})

    def _save(self) -> None:
        self.cache.set(f"{KEY_PREFIX}-hits", dict(self._hits), timeout=None)

    def look(self, key: str, now: float, window: int) -> Window:
        with _cache_lock:
            self._load()
            return super().look(key, now, window)

    def add(self, key: str, now: float, window: int, keep: int) -> None:
        with _cache_lock:
            self._load()
            super().add(key, now, window, keep)
            self._save()

    def delete(self, keys: list[str]) -> None:
        with _cache_lock:
            self._load()
            super().delete(keys)
            self._save()

    def delete_matching(self, pattern: str) -> int:
        with _cache_lock:
            self._load()
            deleted = super().delete_matching(pattern)
            self._save()
        return deleted


_cache_lock = threading.Lock()


class RedisWindows:
    """Hit times in a Redis sorted set per key (score = time), shared by every process; expires with its window."""

    def __init__(self, cache: RedisCache):
        self.cache = cache

    def _run(self, command):
        if isinstance(self.cache, TolerantRedisCache):
            return self.cache.run(command)
        return command(self.cache._cache.get_client(write=True), self.cache.make_and_validate_key)

    def look(self, key: str, now: float, window: int) -> Window:
        def command(client, make_key):
            name = make_key(key)
            pipe = client.pipeline()
            pipe.zremrangebyscore(name, "-inf", now - window)
            pipe.zrange(name, 0, 0, withscores=True)
            pipe.zrange(name, -1, -1, withscores=True)
            pipe.zcard(name)
            _, first, last, count = pipe.execute()
            return Window(count, first[0][1] if first else 0, last[0][1] if last else 0)

        return self._run(command)

    def add(self, key: str, now: float, window: int, keep: int) -> None:
        def command(client, make_key):
            name = make_key(key)
            pipe = client.pipeline()
            pipe.zadd(name, {f"{now:.6f}:{uuid.uuid4().hex[:8]}": now})
            pipe.zremrangebyrank(name, 0, -(keep + 1))  # only the newest `keep` hits matter
            pipe.expire(name, window + 1)
            pipe.execute()

        self._run(command)

    def delete(self, keys: list[str]) -> None:
        self._run(lambda client, make_key: client.delete(*[make_key(key) for key in keys]) if keys else None)

    def delete_matching(self, pattern: str) -> int:
        def command(client, make_key):
            keys = list(client.scan_iter(match=make_key(pattern), count=1000))
            if keys:
                client.delete(*keys)
            return len(keys)

        return self._run(command)


# Where "local" limits count while the store is down, and the store itself when the cache is not Redis.
_local = LocalWindows()


def store():
    """The shared store of the counters (the "ratelimit" cache alias: Redis when configured; errors raise)."""
    return caches["ratelimit"]


def _windows(cache) -> LocalWindows | RedisWindows:
    if isinstance(cache, RedisCache):
        return RedisWindows(cache)
    if isinstance(cache, FileBasedCache):
        return CacheWindows(cache)
    return _local


def client_ip(request: HttpRequest) -> str:
    """The address of the client, for rate limits.

    REMOTE_ADDR is the address of whoever opened the connection. Behind a reverse proxy (or load balancer) that is
    the proxy, so the proxy must pass the client on: either it sets REMOTE_ADDR itself (gunicorn behind a proxy
    speaking the PROXY protocol, or uWSGI), or set TRUSTED_PROXY_COUNT to the number of proxies in front of the
    app, and the address is read that many hops from the right of X-Forwarded-For. The left part of that header is
    whatever the client wrote, so it is never trusted. (community.checks refuses a production start where the
    setting cannot be right.)
    """
    remote_addr = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    if proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote_addr
    return hops[-proxies]


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def _key(action: str, limit: Limit, value: str) -> str:
    # Hashed: an e-mail address never sits in the store in clear, and any value makes a valid key. A pair's two
    # parts are hashed apart, so `clear` can find every pair of one account or of one address.
    if limit.scope == "pair":
        email, _, ip = value.partition("\n")
        return f"{KEY_PREFIX}:{action}:pair:{_digest(email)}:{_digest(ip)}"
    return f"{KEY_PREFIX}:{action}:{limit.scope}:{_digest(value)}"


def _scoped(action: str, ip: str, email: str | None):
    email = normalise_email(email)
    values = {"ip": ip, "email": email, "pair": f"{email}\n{ip}" if email and ip else ""}
    for limit in LIMITS[action]:
        if values[limit.scope]:
            yield limit, values[limit.scope]


def _now() -> float:
    return timezone.now().timestamp()


def _wait(limit: Limit, window: Window, now: float) -> int:
    """Seconds until `limit` lets an attempt through again (0: it does now)."""
    if window.count < limit.max_hits:
        return 0
    if limit.slow_interval:
        return max(0, math.ceil(window.newest + limit.slow_interval - now))
    # Blocked until enough hits age out: with `keep` = max_hits, the oldest kept one is the one to wait for.
    return max(1, math.ceil(window.oldest + limit.window_seconds - now))


def retry_after(action: str, *, ip: str, email: str | None = None) -> int:
    """Seconds until every one of the action's limits lets an attempt through (0: now)."""
    now = _now()
    wait = 0
    for limit, value in _scoped(action, ip, email):
        key = _key(action, limit, value)
        try:
            window = _windows(store()).look(key, now, limit.window_seconds)
        except CacheUnavailable:
            if limit.if_store_down == CLOSED:
                wait = max(wait, limit.window_seconds)
                continue
            window = _local.look(key, now, limit.window_seconds)
        wait = max(wait, _wait(limit, window, now))
    return wait


def is_limited(action: str, *, ip: str, email: str | None = None) -> bool:
    """Whether any of the action's limits is used up for this IP or e-mail address."""
    return retry_after(action, ip=ip, email=email) > 0


def record(action: str, *, ip: str, email: str | None = None) -> None:
    """Count one hit against each of the action's limits."""
    now = _now()
    for limit, value in _scoped(action, ip, email):
        key = _key(action, limit, value)
        try:
            _windows(store()).add(key, now, limit.window_seconds, keep=limit.max_hits)
        except CacheUnavailable:
            if limit.if_store_down == LOCAL:
                _local.add(key, now, limit.window_seconds, keep=limit.max_hits)


def attempt(action: str, *, ip: str, email: str | None = None) -> bool:
    """Count an attempt and say whether it may go ahead (False: a limit was already used up)."""
    if is_limited(action, ip=ip, email=email):
        return False
    record(action, ip=ip, email=email)
    return True


def reset(action: str, *, email: str, ip: str = "") -> None:
    """Forget the hits of an account from an address (a successful log in clears that pair's failures; the
    account's and the address's own counts stay, so a success does not give an attacker a fresh budget)."""
    keys = [_key(action, limit, value) for limit, value in _scoped(action, ip, email) if limit.scope == "pair"]
    _local.delete(keys)
    with suppress(CacheUnavailable):  # down: the hits age out with their window
        _windows(store()).delete(keys)


def password_attempt(action: str, *, ip: str, account: str, check: Callable[[], bool]) -> bool:
    """Check a password (or one-time code) under the action's limits: refused outright (`Throttled`, nothing
    checked) while a limit is used up; a failure is counted, a success clears this address's failures."""
    wait = retry_after(action, ip=ip, email=account)
    if wait:
        raise Throttled(action, wait)
    if check():
        reset(action, email=account, ip=ip)
        return True
    record(action, ip=ip, email=account)
    return False


def _forget(patterns: list[str]) -> int:
    deleted = sum(_local.delete_matching(pattern) for pattern in patterns)
    with suppress(CacheUnavailable):  # down: the hits age out with their window
        windows = _windows(store())
        if windows is not _local:
            deleted += sum(windows.delete_matching(pattern) for pattern in patterns)
    return deleted


def clear(*, email: str | None = None, ip: str | None = None) -> None:
    """Forget every action's hits for this e-mail address and/or client address (the account from any address,
    the address with any account), so a person locked out can try again now (`manage.py clear_throttle`)."""
    email, ip = normalise_email(email), (ip or "").strip()
    patterns = []
    for action in LIMITS:
        if email:
            patterns += [
                f"{KEY_PREFIX}:{action}:email:{_digest(email)}",
                f"{KEY_PREFIX}:{action}:pair:{_digest(email)}:*",
            ]
        if ip:
            patterns += [f"{KEY_PREFIX}:{action}:ip:{_digest(ip)}", f"{KEY_PREFIX}:{action}:pair:*:{_digest(ip)}"]
    _forget(patterns)


def clear_all() -> int:
    """Forget every rate-limit count (only the rate limits' keys: the page cache may share the database); returns
    how many counters were dropped."""
    return _forget([f"{KEY_PREFIX}:*"])
