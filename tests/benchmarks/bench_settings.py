"""Settings for `make bench` and `make load`: production settings on a throwaway database, static and media under
.bench/.

The harness (tests/benchmarks/harness.py) sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and BENCH_DIR in the
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
# `make load` sends them to an SMTP server of its own (EMAIL_URL) and counts what arrives.
if not os.environ.get("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# `make load` gives its Celery worker a queue of its own on the broker, so tasks of other runs never meet it.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("BENCH_CELERY_QUEUE", "celery")
# The page cache in each worker's local memory (`make bench`; nothing is published during a run), or in Redis
# when REDIS_URL is kept (`make load`); PAGE_CACHE_SECONDS=0 turns it off for the uncached server.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
FRAGMENT_CACHE_SECONDS = 600
# Request logging would measure the terminal, not the site.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
