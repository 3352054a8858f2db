"""Who hears about errors: Sentry when SENTRY_DSN is set, else a mail to ADMINS; personal data scrubbed either way.

What is scrubbed: e-mail addresses and ticket-like tokens anywhere in the text, form data (POST), cookies, query
strings, request headers but a few harmless ones, local variables of the traceback, and the user (kept as an id).
This module is imported by the settings, so it imports nothing of Django's models.
"""

import re
import threading
import time

from django.utils.log import AdminEmailHandler
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

SCRUBBED = "[scrubbed]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Ticket tokens, reset and activation links: long runs of URL-safe characters.
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,}")
SAFE_HEADERS = {"Host", "User-Agent", "Accept-Language", "Content-Type", "Content-Length"}
# The same error is mailed once per process in this many seconds (a database outage fails every request).
THROTTLE_SECONDS = 600


def scrub_text(text: str) -> str:
    return TOKEN.sub(SCRUBBED, EMAIL.sub(SCRUBBED, text))


def _scrub_strings(value):
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_strings(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's before_send: the event without personal data."""
    request = event.get("request") or {}
    for key in ("cookies", "data", "query_string", "env"):
        if key in request:
            request[key] = SCRUBBED
    if isinstance(request.get("headers"), dict):
        request["headers"] = {k: (v if k in SAFE_HEADERS else SCRUBBED) for k, v in request["headers"].items()}
    if "user" in event:
        event["user"] = {"id": event["user"].get("id")} if event["user"].get("id") else {}
    for exception in (event.get("exception") or {}).get("values") or []:
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    return _scrub_strings(event)


def init_sentry(dsn: str, *, environment: str, release: str | None = None, **options) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        # No personal data from the integrations: send_default_pii is left unset, so it is off (setting it, even to
        # False, is deprecated in favour of data_collection, which would also switch Sentry's own scrubber off).
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        **options,
    )


class ScrubbingReporterFilter(SafeExceptionReporterFilter):
    """For Django's error reports (the ADMINS mail): no form data, no local variables, no cookies."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        keep = {"REQUEST_METHOD", "PATH_INFO", "SERVER_NAME", "HTTP_HOST", "HTTP_USER_AGENT"}
        return {key: (value if key in keep else self.cleansed_substitute) for key, value in request.META.items()}

    def get_safe_cookies(self, request):
        return dict.fromkeys(request.COOKIES, self.cleansed_substitute)


class ScrubbingExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        user = getattr(self.request, "user", None) if self.request else None
        if user is not None:
            data["user_str"] = f"user #{user.pk}" if getattr(user, "pk", None) else "anonymous"
        if self.request is not None:
            data["request_GET_items"] = [(key, SCRUBBED) for key in self.request.GET]
        return data


class ThrottledAdminEmailHandler(AdminEmailHandler):
    """Django's error mail to ADMINS, scrubbed, once per kind of error per THROTTLE_SECONDS, and sent on a thread
    so that the request that failed does not also wait for the SMTP server."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("reporter_class", "home.error_reporting.ScrubbingExceptionReporter")
        super().__init__(*args, include_html=False, **kwargs)
        self._last_sent: dict[tuple, float] = {}
        self.last_thread: threading.Thread | None = None

    def emit(self, record):
        kind = (record.name, record.pathname, record.lineno, record.exc_info and record.exc_info[0])
        now = time.monotonic()
        if now - self._last_sent.get(kind, -THROTTLE_SECONDS) < THROTTLE_SECONDS:
            return
        self._last_sent[kind] = now
        super().emit(record)

    def send_mail(self, subject, message, *args, **kwargs):
        from django.core.mail import get_connection, mail_admins

        def send():
            connection = get_connection(fail_silently=True, timeout=10)
            mail_admins(scrub_text(subject), scrub_text(message), fail_silently=True, connection=connection)

        self.last_thread = threading.Thread(target=send, daemon=True, name="admin-error-mail")
        self.last_thread.start()
