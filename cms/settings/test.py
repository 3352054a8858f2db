"""Settings for the test suite: fast hashing, plain static files, tasks in-process unless a test starts a worker."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The admin tests log staff in with force_login; the two-factor tests switch this on (tests/community/two_factor).
TWO_FACTOR_REQUIRED = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
if env_bool("TEST_CELERY_WORKER"):
    # This process is a Celery worker that tests/integration started: the broker, the test database and the
    # SMTP server come from the environment it was given (CELERY_BROKER_URL, DATABASE_URL, EMAIL_URL; base.py).
    CELERY_TASK_ALWAYS_EAGER = False
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_BROKER_URL = "memory://localhost/"
# Uploaded files of a test run go to a throwaway folder, never into the developer's media/.
MEDIA_ROOT = BASE_DIR / ".test-media" / "public"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-media" / "private"  # noqa: F405
if not env_str("S3_PUBLIC_BUCKET"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    }
    STORAGES["private"] = {  # noqa: F405
        "BACKEND": "cms.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    }
# Each test run starts with an empty cache (rate-limit counters, health probes), so counts never leak from an
# earlier run through a shared Redis; the tests about Redis itself (rate limits across workers, health) switch
# to it with override_settings.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cms-test"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cms-test"},
}
# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The page cache is off for the suite (tests that change pages through the ORM would read stored copies);
# tests/home/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
