"""A mail is delivered once: one Message-ID across attempts, a slow server gets the message at most twice, a mail
whose subject is gone is given up with its reason, and staff can send a given-up mail again with one click."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from home.models import OutboxMail
from home.tasks import resend_owed_mail, send_outbox_mail
from tests.mail.test_outbox import TEST_MAIL, queue_committed
from tests.services import Inbox, SMTPServer, free_port

pytestmark = pytest.mark.django_db
Reason = OutboxMail.GiveUpReason


@pytest.fixture
def slow_smtp():
    """Starts SMTP servers that confirm each message `delay` seconds after they have it."""
    servers = []

    def start(delay: float) -> tuple[Inbox, int]:
        server = SMTPServer(free_port(), delay=delay).start()
        servers.append(server)
        return server.inbox, server.port

    yield start
    for server in servers:
        server.stop()


def smtp_settings(port: int, timeout: float):
    return override_settings(
        EMAIL_BACKEND="home.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_TIMEOUT=timeout
    )


def send(row: OutboxMail) -> str:
    result = send_outbox_mail.apply(args=[row.pk]).result
    row.refresh_from_db()
    return result


def test_every_attempt_carries_the_rows_one_message_id(django_capture_on_commit_callbacks):
    with override_settings(EMAIL_BACKEND="tests.mail.test_outbox.DisconnectingBackend"):
        row = queue_committed(django_capture_on_commit_callbacks)
    assert row.attempts == 1 and row.sent_at is None

    assert send(row) == "sent"

    assert len(mail.outbox) == 1
    assert mail.outbox[0].message()["Message-ID"] == row.message_id
    other = OutboxMail.objects.create(recipient="bob@example.com", template=TEST_MAIL, language="en")
    assert other.message_id != row.message_id
    assert row.message_id.endswith("@ddsc.example>")


def test_a_server_that_confirms_within_the_timeout_gets_the_mail_once(slow_smtp):
    inbox, port = slow_smtp(delay=0.5)
    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, language="en")

    with smtp_settings(port, timeout=5):
        assert send(row) == "sent"

    assert len(inbox.received) == 1
    assert inbox.received[0][1]["Message-ID"] == row.message_id


def test_a_server_slower_than_the_timeout_gets_the_same_message_at_most_twice_then_it_is_given_up(slow_smtp):
    inbox, port = slow_smtp(delay=1.5)
    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, language="en")

    with smtp_settings(port, timeout=0.5):
        assert send(row) == "owed"  # in process; a worker retries with backoff
        assert row.unconfirmed_at is not None and row.gave_up_at is None
        assert "MaybeDelivered" in row.last_error
        assert send(row) == "gave up"
        assert row.gave_up_reason == Reason.UNCONFIRMED
        with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
            assert resend_owed_mail() == 0
        assert send(row) == "already done"

    assert [message["Message-ID"] for _to, message in inbox.received] == [row.message_id, row.message_id]


def test_a_server_that_is_down_before_the_message_is_not_counted_as_an_unconfirmed_hand_over(slow_smtp):
    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, language="en")
    with smtp_settings(free_port(), timeout=0.5):  # nothing listens there
        for _ in range(3):
            assert send(row) == "owed"
    assert row.unconfirmed_at is None and row.gave_up_at is None
    assert row.attempts == 3


def test_a_mail_whose_registration_was_deleted_is_given_up_with_its_reason_not_retried_for_ever():
    row = OutboxMail.objects.create(
        recipient="ada@example.com", template="events/mail/ticket", context={"registration_id": 999999}, language="en"
    )

    assert send(row) == "gave up"

    assert row.gave_up_reason == Reason.SUBJECT_GONE
    assert "DoesNotExist" in row.last_error
    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 0
    assert mail.outbox == []


def test_the_beat_task_leaves_a_row_a_live_worker_is_sending_alone():
    from django.utils import timezone

    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, language="en")
    OutboxMail.objects.filter(pk=row.pk).update(claimed_until=timezone.now() + timezone.timedelta(minutes=5))

    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 0
    assert send(row) == "being sent"
    assert mail.outbox == []


@pytest.fixture
def given_up():
    return OutboxMail.objects.create(
        recipient="ada@example.com",
        template=TEST_MAIL,
        language="en",
        attempts=1,
        last_error="SMTPRecipientsRefused: 550 No such user",
        gave_up_at="2026-01-01T10:00Z",
        gave_up_reason=Reason.REFUSED,
    )


def test_staff_see_given_up_mail_with_its_reason_and_send_it_again_with_one_click(
    client, django_user_model, given_up, django_capture_on_commit_callbacks
):
    admin = django_user_model.objects.create_superuser(email="admin@example.com", password="pw")
    client.force_login(admin)

    listing = client.get(reverse("wagtailsnippets_home_outboxmail:list"), {"state": "given_up"})
    with translation.override(settings.LANGUAGE_CODE):  # the admin speaks the site's language to this user
        assert str(OutboxMail.GiveUpReason.REFUSED.label) in listing.text
    send_again_url = reverse("home_outbox_send_again", args=[given_up.pk])
    assert send_again_url in listing.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_again_url)

    assert response.status_code == 302
    given_up.refresh_from_db()
    assert given_up.sent_at is not None and given_up.gave_up_at is None and given_up.gave_up_reason == ""
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]
    assert client.post(send_again_url).status_code == 302  # a second click sends nothing more
    assert len(mail.outbox) == 1


def test_sending_again_needs_the_permission_and_a_post(client, django_user_model, given_up):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user(email="reader@example.com", password="pw", is_staff=True)
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_outboxmail")
    )
    client.force_login(reader)
    url = reverse("home_outbox_send_again", args=[given_up.pk])

    assert url not in client.get(reverse("wagtailsnippets_home_outboxmail:list")).text
    assert client.post(url).status_code in {302, 403}  # Wagtail's admin turns a refusal into a redirect home
    given_up.refresh_from_db()
    assert given_up.gave_up_at is not None

    reader.user_permissions.add(Permission.objects.get(codename="resend_outboxmail"))
    client.force_login(django_user_model.objects.get(pk=reader.pk))
    assert client.get(url).status_code == 405
