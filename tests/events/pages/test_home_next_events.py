"""The home page lists the next events in the visitor's language, soonest first, and no past ones."""

import pytest

from tests.events.pages.conftest import add_event, translate_event

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_next_three_events(client, event_index, english_index):
    add_event(event_index, "Forbi", days=-3)
    for n, days in enumerate([9, 2, 5, 20]):
        translate_event(add_event(event_index, f"Event {n}", days=days), title=f"English {n}")

    danish = client.get("/da/").content.decode()
    english = client.get("/en/").content.decode()

    assert danish.index("Event 1") < danish.index("Event 2") < danish.index("Event 0")
    assert "Event 3" not in danish and "Forbi" not in danish
    assert english.index("English 1") < english.index("English 2") < english.index("English 0")
    assert "/en/events/" in english


def test_home_page_without_events_has_no_events_section(client, home_page):
    assert 'id="next-events-title"' not in client.get("/da/").content.decode()
