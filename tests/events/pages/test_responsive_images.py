"""Event pictures load as the browser needs them: WebP with a JPEG fallback in the widths the layout asks for,
their size reserved; cards lazily, an event page's own picture first. A list of events (the index, the home
page's next events) reads all its cards' renditions in one query."""

import pytest

from tests.events.pages.conftest import add_event
from tests.pictures import assert_responsive, pictures, render_warm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("where", ["index", "home"])
def test_event_cards_are_lazy_webp_pictures_whose_renditions_are_read_in_one_query(client, event_index, where):
    for number in range(3):
        add_event(event_index, f"Møde {number}", days=number + 1, image=True)
    add_event(event_index, "Uden billede", days=5)

    cards, queries = render_warm(client, event_index.url if where == "index" else "/da/")

    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, lazy=True)
    assert queries == 1


def test_an_event_pages_own_picture_is_fetched_first(client, event_index):
    event = add_event(event_index, "Workshop", image=True)

    (picture,) = pictures(client.get(event.url).content.decode())

    assert_responsive(picture, lazy=False, widths=3)
    assert picture.img.get("fetchpriority") == "high"
