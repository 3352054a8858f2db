"""Settings for the gunicorn servers tests/integration/test_several_web_servers.py starts: the test settings with
the cache, the page cache and the site-shell fragments in the Redis at REDIS_URL, as in production."""

import os

from cms.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "home.cache.TolerantRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ["CACHE_KEY_PREFIX"],
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    },
}
CACHES["ratelimit"] = {**CACHES["default"], "OPTIONS": {**CACHES["default"]["OPTIONS"], "RAISE": True}}
PAGE_CACHE_SECONDS = 600
FRAGMENT_CACHE_SECONDS = 600
