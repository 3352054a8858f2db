"""Settings for `make bench`: production settings on a throwaway database, static and media under .bench/.

The runner (tests/benchmarks/run.py) sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and BENCH_DIR in the
environment before anything imports this, since production settings refuse to load without them.
"""

import os
from pathlib import Path

from cms.settings.production import *  # noqa: F403

BENCH_DIR = Path(os.environ["BENCH_DIR"])

ROOT_URLCONF = "tests.benchmarks.bench_urls"
# Plain HTTP on 127.0.0.1: no TLS proxy in front, so no HTTPS redirect and no secure-only cookies.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_DIR / "private-media"
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}}  # noqa: F405
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "cms.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
# The registration benchmark queues thousands of ticket mails; keep them in memory instead of on the terminal.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The page cache in each worker's local memory (nothing is published during a run); PAGE_CACHE_SECONDS=0 turns
# it off for the uncached server.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
FRAGMENT_CACHE_SECONDS = 600
# Request logging would measure the terminal, not the site.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
