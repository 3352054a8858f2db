"""Settings shared by every environment; everything that differs between machines comes from the environment."""

from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import (
    email_settings_from_url,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    machine_translator,
    redis_url_with_db,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# The dev and test settings set a throwaway key; production.py requires SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "home",
    "community",
    "events",
    "stats",
    "polls",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.browser_policy.BrowserPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, users and the ORM: a stored page for an anonymous visitor costs two cache reads.
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    # A NUL in the address is a 400 here, not a database error in whichever view reads it.
    "home.middleware.UnreadableAddressMiddleware",
    # A number beyond 64 bits in an admin address is a 400, not an OverflowError in Wagtail's filters on SQLite.
    "home.middleware.AdminOversizedNumberMiddleware",
    "home.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every password check of a request goes through the limiter; a used-up limit is answered with 429.
    "community.middleware.ThrottleMiddleware",
    # Admin pages need a session that passed a two-factor code (community.services.two_factor).
    "community.middleware.TwoFactorMiddleware",
    "home.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# --- Database: DATABASE_URL, else a SQLite file beside manage.py ---------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that stops answering fails requests (and /health/) in seconds instead of hanging workers.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5))
    # No runaway query holds a web or worker process: PostgreSQL cancels any statement running longer than this
    # (seconds; below gunicorn's 30 s timeout, so the request gets an error page instead of a killed worker).
    # 0 turns it off, e.g. for a long migration: DB_STATEMENT_TIMEOUT=0 manage.py migrate.
    _statement_timeout_ms = int(env_float("DB_STATEMENT_TIMEOUT", 20) * 1000)
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={_statement_timeout_ms}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: the cache and the Celery broker when REDIS_URL is set ---------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Errors are logged and read as misses, and after one this process leaves Redis alone for a few
            # seconds (home.cache): a Redis outage makes pages slower, never broken.
            "BACKEND": "home.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "cms"),
            "TIMEOUT": 300,
            "OPTIONS": {
                # Redis answers in well under a millisecond; one that takes this long is treated as down.
                "socket_connect_timeout": env_float("CACHE_SOCKET_TIMEOUT", 0.25),
                "socket_timeout": env_float("CACHE_SOCKET_TIMEOUT", 0.25),
            },
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cms"}}
# The rate limits' counters (community.services.ratelimit) are in the same cache, but their errors are not
# swallowed: each limit decides what a down store means for it. Without Redis: the same local memory.
CACHES["ratelimit"] = {**CACHES["default"], "OPTIONS": {**CACHES["default"].get("OPTIONS", {}), "RAISE": True}}
# How long a process leaves the cache alone after an error before trying it again.
CACHE_RETRY_AFTER_SECONDS = env_float("CACHE_RETRY_AFTER_SECONDS", 5)
# --- Whole pages for anonymous visitors (home.page_cache) -------------------------------------------
# Seconds a rendered page is kept (publishing and site-wide edits make it stale sooner); 0 turns the page cache
# off. On by default only with Redis: local memory is per process, so several processes would not see each
# other's invalidations (dev.py turns it on for the single runserver process).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)
# Seconds the menu, footer and social links are kept as fragments (the same staleness rules as pages); 0: off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600 if REDIS_URL else 0)
# Pages that show seats left or what comes next are kept this long at most: seats are never off by more.
PAGE_CACHE_LIVE_SECONDS = env_int("PAGE_CACHE_LIVE_SECONDS", 5)
PAGE_CACHE_LIVE_PAGE_TYPES = ["home.HomePage", "events.EventIndexPage", "events.EventPage"]
# How long a CDN or proxy in front may keep a page (s-maxage); 0: it must ask every time, like browsers.
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 0)
# An edit of any of these makes every cached page stale: every page shows them (menu, footer, settings), or
# shows pages through them (terms on event pages, images everywhere, sites and locales in every URL).
PAGE_CACHE_SITE_WIDE_MODELS = [
    "home.SiteSettings",
    "home.NavigationLink",
    "home.SocialLink",
    "home.FooterText",
    "events.RegistrationTerms",
    "wagtailimages.Image",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # Who may see a page: a stored page must not outlive a new restriction (home.serving reads them cached too).
    "wagtailcore.PageViewRestriction",
]
# Sessions live in the database: they survive a Redis outage or restart, and a log out during an outage is not
# undone afterwards by a session the cache could not forget (what cached_db sessions would do).
# The table keeps a hash of each session key (the cookie), so a read of the database opens no session (home.sessions).
SESSION_ENGINE = "home.sessions"

# --- Celery: a real broker with REDIS_URL, tasks run in-process without one -----------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or (
    redis_url_with_db(REDIS_URL, 1) if REDIS_URL else "memory://localhost/"
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL and not env_str("CELERY_BROKER_URL"))
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker or beat that lost the broker keeps trying to reconnect for as long as it takes (Celery's default gives
# up after 100 tries and exits).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# Socket timeouts so a hung broker frees the threads that publish (home.publish) and the worker's connection.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 3, "socket_timeout": 5}
CELERY_TIMEZONE = "Europe/Copenhagen"
# A web request gives the broker this long to take a task (on a background thread), then moves on; after a
# failure the process stops trying for PUBLISH_PAUSE_SECONDS (home.publish). The sweeper sends what was left.
PUBLISH_TIMEOUT_SECONDS = env_float("PUBLISH_TIMEOUT_SECONDS", 0.5)
PUBLISH_PAUSE_SECONDS = env_float("PUBLISH_PAUSE_SECONDS", 10)

# --- Mail: EMAIL_URL (smtp://user:pass@host:port?tls=1), else printed to the console -------------
EMAIL_URL = env_str("EMAIL_URL")
if EMAIL_URL:
    globals().update(email_settings_from_url(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Danish Data Science Community <noreply@ddsc.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# How long an owed mail nobody touched waits before beat's sweep (every MAIL_OUTBOX_SWEEP_SECONDS, read by
# cms/celery.py) sends it again: its enqueue was lost, or its worker's retries ran out.
MAIL_OUTBOX_RETRY_AFTER_SECONDS = env_int("MAIL_OUTBOX_RETRY_AFTER_SECONDS", 120)
# Sent and given-up mail is deleted this many days after it was sent or given up (home.tasks.prune_outbox).
MAIL_OUTBOX_KEEP_DAYS = env_int("MAIL_OUTBOX_KEEP_DAYS", 30)

# --- Health -----------------------------------------------------------------------------------------
# /health/detail/ answers staff and whoever sends "Authorization: Bearer <HEALTH_TOKEN>" (monitoring).
HEALTH_TOKEN = env_str("HEALTH_TOKEN", "")
# The detailed check says "degraded" when the oldest owed mail, or beat's last outbox sweep, is older than this.
HEALTH_OWED_MAIL_MAX_AGE_SECONDS = env_int("HEALTH_OWED_MAIL_MAX_AGE_SECONDS", 15 * 60)
HEALTH_BEAT_MAX_AGE_SECONDS = env_int("HEALTH_BEAT_MAX_AGE_SECONDS", 5 * 60)

# --- Users -----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = ["community.backends.EmailBackend"]
# The site's own log in (the Wagtail admin keeps its own, WAGTAILADMIN_LOGIN_URL).
LOGIN_URL = "community:login"
LOGIN_REDIRECT_URL = "community:dashboard"
# How many reverse proxies in front of the app append to X-Forwarded-For; 0 means REMOTE_ADDR is the client
# (see community.services.ratelimit.client_ip).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# A password reset link works for 2 hours from when its mail is rendered (Django's default is 3 days).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 2 * 60 * 60)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Community -------------------------------------------------------------------------------------
# Where the association's statutes are published; the membership application links to them when set.
MEMBERSHIP_STATUTES_URL = env_str("MEMBERSHIP_STATUTES_URL", "")
# The newsletter service adapter (dotted path of a community.services.newsletter.NewsletterProvider).
NEWSLETTER_PROVIDER = env_str("NEWSLETTER_PROVIDER", "community.services.newsletter.NullProvider")

# --- Numbers (stats) -------------------------------------------------------------------------------
# How long a salary table stays cached; an import makes every cached table stale at once. 0 turns caching off.
STATS_CACHE_SECONDS = env_int("STATS_CACHE_SECONDS", 30 * 24 * 3600)

# --- Languages -------------------------------------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# Danish and British date and time formats ("30. november 2026 kl. 17.00", "30 November 2026, 17:00").
FORMAT_MODULE_PATH = ["home.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))

# S3-compatible storage switches on when S3_PUBLIC_BUCKET is set (see cms/storage.py).
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")
S3_REGION = env_str("S3_REGION", "us-east-1")
S3_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY")
S3_PUBLIC_BUCKET = env_str("S3_PUBLIC_BUCKET")
S3_PRIVATE_BUCKET = env_str("S3_PRIVATE_BUCKET")
# Where browsers fetch public files: a CDN domain ("cdn.example.org", over https) or a URL with its scheme
# ("http://localhost:9000/ddsc-public" for a local MinIO). Unset: the S3 endpoint's own URL.
S3_PUBLIC_URL = env_str("S3_PUBLIC_URL")
_public_scheme, _, _public_domain = (S3_PUBLIC_URL or "").rstrip("/").rpartition("://")

if S3_PUBLIC_BUCKET:
    _s3_common = {
        "endpoint_url": S3_ENDPOINT_URL,
        "region_name": S3_REGION,
        "access_key": S3_ACCESS_KEY_ID,
        "secret_key": S3_SECRET_ACCESS_KEY,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {
            "BACKEND": "cms.storage.PublicS3Storage",
            "OPTIONS": {
                **_s3_common,
                "bucket_name": S3_PUBLIC_BUCKET,
                "custom_domain": _public_domain or None,
                "url_protocol": f"{_public_scheme or 'https'}:",
            },
        },
        "private": {
            "BACKEND": "cms.storage.PrivateS3Storage",
            "OPTIONS": {**_s3_common, "bucket_name": S3_PRIVATE_BUCKET or S3_PUBLIC_BUCKET + "-private"},
        },
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "cms.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
        },
    }
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Uploads are bounded three times: a request declaring a larger body is refused before it is read (413,
# home.middleware.RequestBodyLimitMiddleware); form fields and non-file bodies are capped by Django; files above
# FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file instead of memory. Pictures are checked for
# their pixel count from the header, before decoding (Pillow's MAX_IMAGE_PIXELS is set from MAX_IMAGE_PIXELS).
MAX_REQUEST_BODY_BYTES = 6 * 1024 * 1024  # a 5 MB profile picture and its form
ADMIN_MAX_REQUEST_BODY_BYTES = 12 * 1024 * 1024  # a 10 MB image or document and its form
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MAX_IMAGE_PIXELS = 30_000_000  # a 24-megapixel camera's 6000 x 4000 fits; a 6300 x 6300 bomb does not

# --- Security defaults that hold everywhere --------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail's preview views override this for their same-origin iframe.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"


# --- What browsers may do on our pages (home.browser_policy) ----------------------------------------
def _origin(url: str) -> str:
    scheme, _, rest = url.rstrip("/").rpartition("://")
    return f"{scheme or 'https'}://{rest.split('/', 1)[0]}"


# Public files come from this origin when S3 is on: the CDN or MinIO address, else the endpoint, else AWS.
if not S3_PUBLIC_BUCKET:
    MEDIA_ORIGINS = []
elif S3_PUBLIC_URL or S3_ENDPOINT_URL:
    MEDIA_ORIGINS = [_origin(S3_PUBLIC_URL or S3_ENDPOINT_URL)]
else:
    MEDIA_ORIGINS = [
        f"https://{S3_PUBLIC_BUCKET}.s3.amazonaws.com",
        f"https://{S3_PUBLIC_BUCKET}.s3.{S3_REGION}.amazonaws.com",
    ]
# Sites whose players an editor's "Embedded media" block may show (comma-separated origins).
CSP_FRAME_ORIGINS = env_list(
    "CSP_FRAME_ORIGINS", ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
)
# The public site: our own scripts only (no inline script, no eval), no plugins, not framed by anyone. Images
# may be data: URIs because Bootstrap's stylesheet draws its form and menu icons with them. Styles allow inline
# style attributes (a result bar's width), never inline <style> or script.
CSP_SITE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", *MEDIA_ORIGINS],
    "frame-src": CSP_FRAME_ORIGINS,
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail admin (and Django's) inserts inline scripts and styles (its vendor.js does; measured in
# tests/e2e/test_browser_policy.py, which needs no 'unsafe-eval') and previews pages in a frame of itself;
# still nothing from other origins, no plugins, and no framing by other sites.
CSP_ADMIN = {
    **CSP_SITE,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-attr": ["'unsafe-inline'"],
    "frame-src": ["'self'", *CSP_FRAME_ORIGINS],
    "frame-ancestors": ["'self'"],
}

# --- Forms -----------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Wagtail ---------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Danish Data Science Community"
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's database backend, repaired for filters and quotes (search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Days of daily search counts kept (search.tasks.prune_search_queries deletes older ones every night).
WAGTAILSEARCH_HITS_MAX_AGE = env_int("WAGTAILSEARCH_HITS_MAX_AGE", 30)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail reads the size from the header and refuses more pixels than this (its default is 128 million).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Two-factor log in (community.services.two_factor) for every account with admin access. Production always requires
# it; dev.py lets `make run` go without (TWO_FACTOR_REQUIRED=true turns it on there too).
TWO_FACTOR_REQUIRED = True
# The name authenticator apps show for the site's entry.
OTP_TOTP_ISSUER = "DDSC"
# The admin's "Forgot password?" leads to the site's reset (cms/urls.py).
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Django's own admin at /django-admin/: development only (production.py switches it off for good).
DJANGO_ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", DEBUG)
# A translation starts as a draft and goes through the same moderation as the page it translates, whatever
# the source's state (wagtail-localize's default would publish the copy at once when the source is live).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# "Machine translate" in the translation editor: DeepL when DEEPL_API_KEY is set; dev.py adds a dummy that marks
# its output; otherwise the button is not shown (home/machine_translation.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env_str("DEEPL_API_KEY"), development=False)

# --- Errors: Sentry when SENTRY_DSN is set, else a mail to ADMINS; personal data scrubbed (home.error_reporting) --
# ADMINS: comma-separated addresses, each optionally "Name <address>".
ADMINS = [parseaddr(entry) for entry in env_list("ADMINS")]
SENTRY_DSN = env_str("SENTRY_DSN")
DEFAULT_EXCEPTION_REPORTER_FILTER = "home.error_reporting.ScrubbingReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "home.error_reporting.ScrubbingExceptionReporter"
if SENTRY_DSN:
    from home.error_reporting import init_sentry

    init_sentry(SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", "production"), release=env_str("SENTRY_RELEASE"))

# --- Logging: to stderr, where gunicorn, Celery and containers collect it -------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{levelname} {asctime} {name} {message}", "style": "{"}},
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "home.error_reporting.ThrottledAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    # Errors from anywhere (requests, tasks) reach the admins by mail, unless Sentry has them.
    "root": {
        "handlers": ["console", "mail_admins"] if ADMINS and not SENTRY_DSN else ["console"],
        "level": env_str("LOG_LEVEL", "INFO"),
    },
    "loggers": {
        # Django's own default handlers (an unscrubbed admin mail among them) are replaced by the root's.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"level": "ERROR"},
    },
}

# The admin shows initials instead of fetching avatars from gravatar.com (the site must work offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
