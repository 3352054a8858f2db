"""Redis stopped or hung is not an outage of the site: pages render, logged-in people stay logged in, registration
works and its mail waits in the outbox; publishing a task never holds a request past a second; each rate limit
does what it says when its store is down. (Runs without services: a port nobody listens on is a stopped Redis, a
socket that accepts and never answers is a hung one.)"""

import socket

import pytest
from django.test import override_settings

from community.factories import UserFactory
from community.services import ratelimit
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from home import publish
from home.cache import reset_pauses
from home.models import OutboxMail
from home.tasks import resend_owed_mail, send_outbox_mail
from tests.home.tree import ensure_home_page
from tests.services import free_port, redis_caches, use_broker
from tests.timing import timed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_pauses():
    reset_pauses()
    publish.resume()
    yield
    reset_pauses()
    publish.resume()


@pytest.fixture
def silent_server():
    """Accepts connections and never says a word: a hung Redis."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


@pytest.fixture(params=["stopped", "hung"])
def redis_down(request, silent_server):
    url = f"redis://127.0.0.1:{free_port()}/0" if request.param == "stopped" else silent_server
    with override_settings(CACHES=redis_caches(url)):
        yield url


@pytest.fixture
def event():
    return EventPageFactory(parent=EventIndexPageFactory(parent=ensure_home_page()), capacity=10)


def test_pages_render_and_a_logged_in_person_stays_logged_in(client, redis_down, event):
    person = UserFactory()
    client.force_login(person)

    for path in ["/da/", event.url, "/da/account/"]:
        response, timing = timed(lambda path=path: client.get(path))
        assert response.status_code == 200, path
        assert timing.seconds < 1, f"{path} took {timing.seconds:.2f} s ({timing})"
    assert response.context["user"] == person  # still logged in: the session is in the database


def test_registration_succeeds_and_its_mail_waits_in_the_outbox_when_the_broker_is_down(client, redis_down, event):
    person = UserFactory()
    client.force_login(person)
    use_broker(redis_down.replace("/0", "/1"), eager=False)
    try:
        response, timing = timed(lambda: client.post(f"/da/events/{event.pk}/register/", {"accept_terms": "1"}))
    finally:
        use_broker("memory://localhost/", eager=True)

    assert response.status_code == 302
    assert timing.seconds < 1.5, f"registering took {timing.seconds:.2f} s ({timing})"
    assert Registration.objects.get(user=person).status == Registration.Status.CONFIRMED
    ticket_mail = OutboxMail.objects.get(recipient=person.email)
    assert ticket_mail.sent_at is None and ticket_mail.attempts == 0

    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 1  # beat's sweep, once the broker is back (in process here)
    ticket_mail.refresh_from_db()
    assert ticket_mail.sent_at is not None


def test_publishing_to_a_hung_broker_gives_up_within_a_second_and_then_does_not_wait_at_all(silent_server):
    use_broker(silent_server, eager=False)
    try:
        sent, first = timed(lambda: publish.publish(send_outbox_mail, 1))
        again, second = timed(lambda: publish.publish(send_outbox_mail, 2))
    finally:
        use_broker("memory://localhost/", eager=True)

    assert (sent, again) == (False, False)
    assert first.seconds < 1, f"the first publish held the request {first.seconds:.2f} s"
    assert second.seconds < 0.05, "after a failure the process leaves the broker alone for a while"


@override_settings(PUBLISH_TIMEOUT_SECONDS=5)
def test_publishing_to_a_stopped_broker_fails_at_once_instead_of_waiting_out_the_timeout(caplog):
    # kombu would retry the refused connection, sleeping seconds in between, until the timeout ended the wait.
    use_broker(f"redis://127.0.0.1:{free_port()}/1", eager=False)
    try:
        sent, timing = timed(lambda: publish.publish(send_outbox_mail, 1))
    finally:
        use_broker("memory://localhost/", eager=True)

    assert sent is False
    assert timing.seconds < 2.5, f"a refused connection held the request {timing.seconds:.2f} s"
    assert "Connection refused" in caplog.text
    assert publish.broker_paused()


def test_login_limits_still_hold_per_process_and_account_deletion_is_closed_while_the_store_is_down(
    redis_down, monkeypatch
):
    monkeypatch.setattr(ratelimit, "KEY_PREFIX", f"ratelimit-{redis_down}")  # counters of this case only
    for _ in range(5):
        assert ratelimit.attempt("login", ip="10.0.0.1", email="ada@example.com")
    assert not ratelimit.attempt("login", ip="10.0.0.1", email="ada@example.com")  # counted locally
    assert ratelimit.attempt("register", ip="10.0.0.2")
    assert not ratelimit.attempt("confirm_password", ip="10.0.0.3", email="bob@example.com")
