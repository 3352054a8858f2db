"""The site's Redis cache: a Redis outage makes it a cache that misses, not a site that fails.

Every error (Redis stopped, hung past the short socket timeout, restarting) is logged and answered as a miss,
and this process then leaves Redis alone for CACHE_RETRY_AFTER_SECONDS, so during an outage no request waits
for a timeout more than once in that span. With `"RAISE": True` in OPTIONS (the rate limits' alias) errors are
raised as `CacheUnavailable` instead, for callers that must decide what a missing store means.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisError, OSError)

# Per process and per Redis server: when to try it again after an error.
_paused_until: dict[str, float] = {}
_lock = threading.Lock()


class CacheUnavailable(Exception):
    """The cache's store did not answer (or answered with an error) just now."""


def _miss(default=None):
    return lambda *args, **kwargs: default


# What each operation answers while Redis is away: what an empty cache would answer.
ON_ERROR = {
    "get": lambda key, default=None, version=None: default,
    "get_many": _miss({}),
    "add": _miss(False),
    "set": _miss(None),
    "touch": _miss(False),
    "delete": _miss(False),
    "delete_many": _miss(None),
    "has_key": _miss(False),
    "clear": _miss(False),
    "set_many": lambda data, timeout=None, version=None: list(data),
    "incr": None,  # Django raises ValueError for a key that is not there; so does a missing cache
}


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self._raise = options.pop("RAISE", False)
        super().__init__(server, {**params, "OPTIONS": options})
        self._server_key = str(server)

    def _guarded(self, name, args, kwargs):
        if time.monotonic() < _paused_until.get(self._server_key, 0):
            return self._unavailable(name, args, kwargs, None)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except CACHE_ERRORS as exc:
            with _lock:
                _paused_until[self._server_key] = time.monotonic() + settings.CACHE_RETRY_AFTER_SECONDS
            logger.warning(
                "Cache unavailable (%s: %s); leaving it alone for %s s",
                type(exc).__name__,
                exc,
                settings.CACHE_RETRY_AFTER_SECONDS,
            )
            return self._unavailable(name, args, kwargs, exc)

    def _unavailable(self, name, args, kwargs, exc):
        if self._raise:
            raise CacheUnavailable(str(exc) if exc else "paused after an earlier error") from exc
        if ON_ERROR[name] is None:
            raise ValueError("the cache is unavailable")
        return ON_ERROR[name](*args, **kwargs)

    def run(self, command):
        """Run `command(client, make_key)` on the raw Redis client (what Django's cache API lacks, e.g. sorted
        sets), under the same pause-after-error rule as the cache's own calls."""
        if time.monotonic() < _paused_until.get(self._server_key, 0):
            return self._unavailable_raw(None)
        try:
            return command(self._cache.get_client(write=True), self.make_and_validate_key)
        except CACHE_ERRORS as exc:
            with _lock:
                _paused_until[self._server_key] = time.monotonic() + settings.CACHE_RETRY_AFTER_SECONDS
            logger.warning("Cache unavailable (%s: %s)", type(exc).__name__, exc)
            return self._unavailable_raw(exc)

    def _unavailable_raw(self, exc):
        raise CacheUnavailable(str(exc) if exc else "paused after an earlier error") from exc


def _guarded_method(name):
    def method(self, *args, **kwargs):
        return self._guarded(name, args, kwargs)

    method.__name__ = name
    return method


for _name in ON_ERROR:
    setattr(TolerantRedisCache, _name, _guarded_method(_name))


def reset_pauses() -> None:
    """Forget earlier errors (tests; nothing else needs it: a pause ends by itself)."""
    _paused_until.clear()
