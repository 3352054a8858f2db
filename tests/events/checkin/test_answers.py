"""What the door's answers reveal, and what a replayed queued scan says after its check-in was undone."""

import pytest
from django.urls import reverse

from events import services
from events.models import Registration
from tests.events.checkin.conftest import make_ticket, post_json

pytestmark = pytest.mark.django_db


def test_a_ticket_of_another_event_names_the_event_but_not_its_holder(client, make_event, event, volunteer):
    other = make_event(title="Generalforsamling")
    ticket = make_ticket(other, first_name="Gertrud", last_name="Hemmelig")
    client.force_login(volunteer)

    answer = post_json(
        client, reverse("events:checkin_scan", kwargs={"event_id": event.event_id}), {"code": ticket.token}
    )

    result = answer.json()["result"]
    assert result["state"] == "wrong_event"
    assert "Generalforsamling" in result["message"]
    assert "Gertrud" not in answer.content.decode()
    assert result["registration"] is None


def test_a_queued_duplicate_sent_again_after_an_undo_says_the_check_in_was_undone(event, volunteer):
    ticket = make_ticket(event)
    services.check_in(ticket.token, event, volunteer, client_id="phone-1-scan-1")
    duplicate = services.check_in(ticket.token, event, volunteer, client_id="phone-1-scan-2")
    services.undo_check_in(ticket.pk, event, volunteer)

    replay = services.check_in(ticket.token, event, volunteer, client_id="phone-1-scan-2")

    assert duplicate.state == replay.state == "already"  # the answer it got the first time, not a new check-in
    answer = replay.as_dict(volunteer)
    assert answer["checked_in_at"] is None
    assert answer["can_undo"] is False
    assert "fortrudt" in answer["message"]  # "…the check-in has since been undone", in Danish


def test_a_typed_code_two_tickets_share_checks_in_neither(event, volunteer):
    # 50-bit codes make this about 4e-10 likely for 1,000 tickets; if it ever happens, nobody is let in twice.
    first, second = make_ticket(event), make_ticket(event)
    Registration.objects.filter(pk=second.pk).update(short_code=first.short_code)

    result = services.check_in(first.display_code, event, volunteer, source="code")

    assert result.state == "unknown"
    assert not Registration.objects.filter(event=event.event, checked_in_at__isnull=False).exists()
    assert services.check_in(first.token, event, volunteer).state == "checked_in"  # the QR code still works
