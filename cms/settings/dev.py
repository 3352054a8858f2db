"""Settings for `make run`: the embedded defaults (SQLite, local files, local-memory cache, in-process tasks)."""

from .base import *  # noqa: F403
from .env import env_bool, env_str, machine_translator

DEBUG = env_bool("DEBUG", True)
# A fixed key for local development only; production.py refuses to start without its own.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")  # noqa: S105
ALLOWED_HOSTS = ["*"]
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", True)
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Without a DeepL key, "Machine translate" gives a draft marked as such, so the flow can be tried offline.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env_str("DEEPL_API_KEY"), development=True)
# Without a mail server, mail is printed readably: the text part (with its links) and the attachments' names.
if not EMAIL_URL:  # noqa: F405
    EMAIL_BACKEND = "home.console_mail.EmailBackend"
# Without Redis the rate limits count in files rather than in the server's memory, so `manage.py clear_throttle`
# (another process) reaches them.
if not REDIS_URL:  # noqa: F405
    CACHES["ratelimit"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / ".dev-cache" / "ratelimit",  # noqa: F405
    }
