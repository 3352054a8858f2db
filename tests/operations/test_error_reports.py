"""Errors reach the maintainers without personal data: Sentry when SENTRY_DSN is set (captured here with a
transport of our own: Sentry is a third-party service), else one mail to ADMINS per kind of error."""

import logging

import pytest
import sentry_sdk
from django.core import mail
from django.test import Client, override_settings
from sentry_sdk.transport import Transport

from home.error_reporting import ThrottledAdminEmailHandler, init_sentry

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.operations.crash_urls")]

SECRET_BITS = ["ada@example.com", "s3cret-passw0rd", "sessionid-value-that-is-long", "Ada Lovelace"]


def crash(client: Client):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "sessionid-value-that-is-long"
    return client.post(
        "/crash/?ref=ada@example.com",
        {"email": "ada@example.com", "password": "s3cret-passw0rd", "name": "Ada Lovelace"},
    )


class CapturingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events: list[dict] = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                self.events.append(item.payload.json)


@pytest.fixture
def sentry_events():
    transport = CapturingTransport()
    init_sentry("https://public@sentry.example.invalid/1", environment="test", transport=transport)
    yield transport.events
    sentry_sdk.get_client().close()
    # Off again for the other tests. (sentry_sdk.init() without a DSN would leave its Django integration recording
    # a breadcrumb and a span for every query of every later test.)
    sentry_sdk.get_global_scope().set_client(None)


def test_a_server_error_reaches_sentry_without_personal_data(client, sentry_events):
    response = crash(client)

    assert response.status_code == 500
    sentry_sdk.flush()
    assert len(sentry_events) == 1
    event = sentry_events[0]
    text = repr(event)
    assert "RuntimeError" in text
    for secret in SECRET_BITS:
        assert secret not in text
    assert event["request"]["data"] == "[scrubbed]"


def test_without_sentry_the_admins_get_one_scrubbed_mail_per_kind_of_error(client):
    handler = ThrottledAdminEmailHandler()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        with override_settings(ADMINS=[("Ops", "ops@example.com")]):
            crash(client)
            handler.last_thread.join(timeout=10)
            first_thread = handler.last_thread
            crash(client)  # the same error again at once: no second mail
    finally:
        logger.removeHandler(handler)

    assert handler.last_thread is first_thread
    assert len(mail.outbox) == 1
    report = mail.outbox[0]
    assert report.to == ["ops@example.com"]
    assert "RuntimeError" in report.body
    for secret in SECRET_BITS:
        assert secret not in report.subject + report.body
