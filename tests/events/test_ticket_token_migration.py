"""Migration 0011 takes ticket tokens out of the database: tickets made before keep scanning with the token they
were mailed (by its hash), keep their typed code, and lose the stored QR file named after the token."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from events.models import Registration
from tests.events.test_event_migration import BEFORE, leaf_nodes, migrate, old_world

pytestmark = pytest.mark.django_db(transaction=True)

HASHED = [("events", "0011_ticket_token_hash")]
STORED = [("events", "0010_event_cleanup")]


def test_old_tickets_still_scan_by_their_mailed_token_and_their_qr_files_are_gone():
    latest = leaf_nodes()
    private = storages["private"]
    try:
        apps = migrate(BEFORE)
        old_world(apps)
        apps = migrate(STORED)
        Old = apps.get_model("events", "Registration")
        Old.objects.filter(token="t1").update(short_code="7KQ2MXD9PA")
        qr_name = private.save("tickets/t1.png", ContentFile(b"\x89PNG t1"))
        Old.objects.filter(token="t1").update(qr_image=qr_name)

        migrate(HASHED)

        ticket = Registration.objects.by_token("t1").get()
        assert ticket.short_code == "7KQ2MXD9PA"  # as printed on the ticket
        assert ticket.token != "t1" and Registration.objects.by_token(ticket.token).get() == ticket
        assert "t1" not in repr(list(Registration.objects.values()))
        assert not private.exists(qr_name)
        assert Registration.objects.values("token_hash").distinct().count() == 5

        # Going back stores tokens again: each ticket's current one, all different.
        apps = migrate(STORED)
        tokens = set(apps.get_model("events", "Registration").objects.values_list("token", flat=True))
        assert ticket.token in tokens and len(tokens) == 5
    finally:
        migrate(latest)
