"""Board portraits and article pictures load as the browser needs them: WebP with a JPEG fallback in the widths
the layout asks for, their size reserved; cards lazily, a profile's own portrait first. The board page and the
article list read all their cards' renditions in one query."""

import pytest

from tests.community.pages.conftest import add_article, add_board_member, small_image
from tests.pictures import assert_responsive, pictures, render_warm

pytestmark = pytest.mark.django_db


def test_board_cards_are_lazy_webp_portraits_whose_renditions_are_read_in_one_query(client, board_index):
    for number, role in enumerate(["chair", "board_member", "substitute"]):
        add_board_member(board_index, f"Person {number}", role, photo=small_image())

    cards, queries = render_warm(client, board_index.url)

    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, lazy=True)
    assert queries == 1


def test_a_board_members_own_portrait_is_fetched_first(client, board_index):
    person = add_board_member(board_index, "Ida Formand", "chair", photo=small_image())

    (portrait,) = pictures(client.get(person.url).content.decode())

    assert_responsive(portrait, lazy=False)
    assert portrait.img.get("fetchpriority") == "high"


def test_article_cards_are_lazy_webp_pictures_whose_renditions_are_read_in_one_query(client, article_index):
    for number in range(3):
        add_article(article_index, f"Artikel {number}", image=small_image(), author_name="Gæst", body=[])

    cards, queries = render_warm(client, article_index.url)

    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, lazy=True)
    assert queries == 1
