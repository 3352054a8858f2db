"""Board profiles: the board page lists its people by role then name, each profile shows its photo, role, bio,
links and articles, in Danish and English, and an editor adds a profile in the admin."""

import re

import pytest
from django.contrib.auth.models import Group

from community.models import BoardMemberPage
from tests.community.pages.conftest import add_article, add_board_member, small_image
from tests.home.tree import publish_translation

pytestmark = pytest.mark.django_db


def card_names(html: str) -> list[str]:
    return re.findall(r'<h2 class="h5 card-title"><a class="stretched-link" href="[^"]+">(.*?)</a></h2>', html)


def test_board_is_listed_by_role_then_name(client, board_index):
    add_board_member(board_index, "Åse Board", "board_member")
    add_board_member(board_index, "Bo Substitut", "substitute")
    add_board_member(board_index, "Anna Board", "board_member")
    add_board_member(board_index, "Zelma Formand", "chair")
    add_board_member(board_index, "Carl Næstformand", "vice_chair")
    hidden = add_board_member(board_index, "Kladde Person", "chair")
    hidden.unpublish()

    response = client.get("/da/bestyrelsen/")

    assert response.status_code == 200
    assert card_names(response.content.decode()) == [
        "Zelma Formand",
        "Carl Næstformand",
        "Anna Board",
        "Åse Board",
        "Bo Substitut",
    ]


def test_board_card_shows_square_photo_role_and_job_title(client, board_index):
    add_board_member(board_index, "Mette Formand", "chair", job_title="Lead data scientist", photo=small_image())

    html = client.get("/da/bestyrelsen/").content.decode()

    assert "fill-400x400" in html
    assert "Lead data scientist" in html
    assert "Formand" in html  # the role label in the visitor's language, not the stored code
    assert ">chair<" not in html


def test_profile_shows_bio_links_and_the_persons_articles(client, board_index, article_index):
    person = add_board_member(
        board_index,
        "Mette Formand",
        "chair",
        bio="Jeg arbejder med tidsserier.",
        email="mette@example.com",
        linkedin="https://www.linkedin.com/in/mette",
        github="https://github.com/mette",
        website="https://mette.example.com",
        photo=small_image(),
    )
    add_article(article_index, "Prognoser med tidsserier", author_profile=person)
    add_article(article_index, "En andens artikel", author_name="Gæsteskribent")

    html = client.get(person.url).content.decode()

    assert "Jeg arbejder med tidsserier." in html
    assert 'href="mailto:mette@example.com"' in html
    assert '<a href="https://github.com/mette" rel="noopener">GitHub</a>' in html
    assert 'href="https://www.linkedin.com/in/mette" rel="noopener"' in html
    assert 'href="https://mette.example.com" rel="noopener"' in html
    assert "Prognoser med tidsserier" in html
    assert "En andens artikel" not in html


def test_board_pages_render_in_danish_and_english_with_their_own_text(client, board_index, english_home):
    person = add_board_member(board_index, "Mette Formand", "chair", bio="Dansk biografi om data.")
    english_board = publish_translation(board_index, english_home.locale, title="The board", slug="board")
    english_person = publish_translation(person, english_home.locale, bio="English bio about data.")

    danish = client.get("/da/bestyrelsen/").content.decode()
    english = client.get("/en/board/").content.decode()
    english_profile = client.get(english_person.url).content.decode()

    assert "Bestyrelsen" in danish and "Mette Formand" in danish
    assert english_board.title in english and "Mette Formand" in english
    assert english_person.url.startswith("/en/board/")
    assert "English bio about data." in english_profile
    assert "Dansk biografi" not in english_profile


def test_editor_can_create_a_board_member_page_in_the_admin(client, board_index, django_user_model):
    editor = django_user_model.objects.create_user(
        "editor@example.com", "a-long-test-password-1", first_name="E", last_name="Ditor", is_verified=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    form = client.get(f"/admin/pages/add/community/boardmemberpage/{board_index.pk}/")
    response = client.post(
        f"/admin/pages/add/community/boardmemberpage/{board_index.pk}/",
        {
            "title": "Jonas Kasserer",
            "slug": "jonas-kasserer",
            "role": "board_member",
            "job_title": "ML engineer",
            "bio": "Jonas passer på pengene.",
            "email": "",
            "linkedin": "",
            "github": "https://github.com/jonas",
            "website": "",
        },
    )

    assert form.status_code == 200
    assert response.status_code == 302, response.content.decode()[:2000]
    page = BoardMemberPage.objects.get(slug="jonas-kasserer")
    assert page.get_parent().pk == board_index.pk
    assert page.job_title == "ML engineer"
    assert page.owner == editor
