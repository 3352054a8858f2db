"""No input makes a server error, and a refused request changes nothing.

Every URL pattern of the resolver (tests/security/walk.py fills the parameters from the demo data, both
languages' pages) is visited as an anonymous visitor, a member, a volunteer and an editor; then every query
parameter and form field the page shows, every JSON endpoint and every upload gets garbage: empty, 10,000
characters, NUL, a lone surrogate, search operators and quotes, HTML/JS, integers of 2^63 and more, multipart
to JSON endpoints and JSON of the wrong shape. Each request runs in a transaction rolled back afterwards (the
demo stays as it was for the next one), and a POST that was refused (4xx, or the form shown again) must not
have added or removed a row anywhere.
"""

import logging
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.security.walk import (
    COMMON_QUERY,
    GARBAGE,
    JSON_BODIES,
    all_patterns,
    encode,
    forms_on,
    query_string,
    row_counts,
    snapshot_sql,
    urls_for,
)

# How many of the garbage values each URL gets per role, in turn (the next URL and the next role get the next
# ones): the site's pages over four roles get all twelve; the admin, slower and Wagtail's own, gets one.
GARBAGE_PER_URL = {"site": 3, "admin": 1, "garbage path": 0}
# Wagtail's deliberate error page, for trying the error reporting.
NOT_WALKED = {"wagtailadmin_error_test"}

ROLES = {
    "anonymous": None,
    "member": "member@ddsc.example",
    "volunteer": "volunteer@ddsc.example",
    "editor": "editor@ddsc.example",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@dataclass
class Walk:
    snapshot: tuple
    baseline: dict
    requests: int = 0
    server_errors: list = field(default_factory=list)
    changed: list = field(default_factory=list)

    def send(self, client: Client, role: str, method: str, url: str, **kwargs):
        cookies = SimpleCookie(client.cookies.output(header="", sep="\n"))
        with transaction.atomic():
            response = getattr(client, method)(url, **kwargs)
            self.requests += 1
            if response.status_code >= 500:
                error = response.exc_info[1] if response.exc_info else None
                name = type(error).__name__
                report = (
                    f"{role} {method.upper()} {url[:200]} {kwargs.get('content_type', '')}: {response.status_code} "
                )
                report += f"{name}: {str(error)[:160]}"
                self.server_errors.append(report)
            elif method == "post" and refused(response):
                counts = row_counts(*self.snapshot)
                if counts != self.baseline:
                    diff = {t: (self.baseline[t], n) for t, n in counts.items() if n != self.baseline[t]}
                    self.changed.append(f"{role} POST {url[:200]} -> {response.status_code}: {diff}")
            transaction.set_rollback(True)
        client.cookies = cookies  # a log-out or log-in through garbage does not change who walks on
        return response


FORM_ERROR_MARKS = (b'aria-invalid="true"', b"errorlist", b"invalid-feedback", b'role="alert"')


def refused(response) -> bool:
    """Refused: a 4xx, or a page that shows the form again with its errors. (A 200 page without them is an answer
    to a POST that did something, e.g. a volunteer's check-in through the ticket's confirm step.)"""
    if response.status_code >= 400:
        return True
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return False
    return any(mark in response.content for mark in FORM_ERROR_MARKS)


def client_for(email: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    return client


def rotated(values: list, start: int, count: int) -> list:
    return [values[(start + i) % len(values)] for i in range(count)]


def upload(value: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("x.png", value.encode("utf-8", "surrogatepass")[:20_000], "image/png")


def walk_url(walk: Walk, client: Client, role: str, url: str, kind: str, start: int) -> None:
    """One URL as one role: a plain GET, then garbage in its query and in every form it shows, blind POSTs."""
    if kind == "admin" and role == "volunteer":
        return  # refused by the same rule as the member's (home.middleware.AdminAccessMiddleware)
    response = walk.send(client, role, "get", url)
    if kind == "admin" and role != "editor" or kind == "garbage path":
        if kind == "garbage path":
            walk.send(client, role, "post", url, data={"code": "x"})
        return
    garbage = rotated(GARBAGE, start, GARBAGE_PER_URL[kind])
    forms = forms_on(url, response) if response.status_code == 200 else []
    query_names = list(dict.fromkeys(COMMON_QUERY + [n for f in forms if f.method == "get" for n in f.fields]))
    for value in garbage:
        walk.send(client, role, "get", f"{url}?{query_string(query_names, value)}")
    if kind == "admin":
        return  # the admin's own forms: see ADMIN_FORMS_NOT_WALKED
    for form in (f for f in forms if f.method == "post"):
        for value in garbage:
            body = query_string(form.fields, value)
            walk.send(client, role, "post", form.action, data=body, content_type="application/x-www-form-urlencoded")
        if form.files:
            files = {name: upload(value) for name, value in zip(form.files, garbage, strict=False)}
            walk.send(client, role, "post", form.action, data={**dict.fromkeys(form.fields, "x"), **files})
    # Blind POSTs: what a script sends to any URL, a multipart form with a file, and to the JSON endpoints (the
    # door's: GET is not allowed, or they answer JSON) JSON of every wrong shape and text that is not JSON.
    walk.send(client, role, "post", url, data={"code": "x", "file": upload("<svg onload=alert(1)>")})
    if response.status_code == 405 or "json" in response.get("Content-Type", ""):
        for body in JSON_BODIES:
            walk.send(client, role, "post", url, data=body, content_type="application/json")
        walk.send(client, role, "post", url, data=encode("a\x00b"), content_type="text/plain")


@pytest.mark.django_db
def test_no_input_gives_a_server_error_and_a_refused_post_changes_nothing(demo):
    started_cpu, started = time.process_time(), time.monotonic()
    walk = Walk(snapshot=snapshot_sql(), baseline={})
    walk.baseline = row_counts(*walk.snapshot)
    patterns = [pattern for pattern in all_patterns() if pattern.name not in NOT_WALKED]
    urls = [url for pattern in patterns for url in urls_for(pattern)]

    logging.disable(logging.CRITICAL)  # thousands of refusals; the walk collects what matters
    try:
        for role_number, (role, email) in enumerate(ROLES.items()):
            caches["ratelimit"].clear()
            client = client_for(email)
            for number, url in enumerate(urls):
                walk_url(walk, client, role, url.url, url.kind, (number + role_number) * GARBAGE_PER_URL[url.kind])
    finally:
        logging.disable(logging.NOTSET)

    print(
        f"\nwalk: {len(patterns)} patterns, {len(urls)} URLs, {walk.requests} requests, "
        f"{len(walk.server_errors)} server errors, "
        f"{time.monotonic() - started:.0f} s ({time.process_time() - started_cpu:.0f} s CPU)"
    )
    assert not walk.server_errors, "\n".join(walk.server_errors)
    assert not walk.changed, "\n".join(walk.changed)
