"""`manage.py load_demo` gives a newcomer a site in both languages and accounts that log in, however often it runs."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from community.models import ArticlePage, BoardMemberPage
from events.models import EventPage, Registration
from home.demo.accounts import PEOPLE
from home.models import FooterText, NavigationLink, NewsPage

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for this module, in a transaction rolled back after its last test (each test runs
    in a savepoint inside it), so the rest of the suite never sees the demo content."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def content_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "news": NewsPage.objects.count(),
        "board profiles": BoardMemberPage.objects.count(),
        "articles": ArticlePage.objects.count(),
        "users": get_user_model().objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "footers": FooterText.objects.count(),
        "navigation links": NavigationLink.objects.count(),
        "events": EventPage.objects.count(),
        "registrations": Registration.objects.count(),
    }


def test_running_it_twice_adds_nothing_the_second_time(demo_output):
    first = content_counts()

    load_demo()

    assert content_counts() == first
    assert first["news"] == 16  # eight items, each in Danish and English
    assert first["board profiles"] == 12  # six people, each in Danish and English
    assert first["articles"] == 10  # five articles, each in Danish and English
    assert first["users"] == 8 + 6  # the demo accounts and the directory people
    assert first["events"] == 10  # five events, each in Danish and English
    assert first["registrations"] == 4  # the full workshop: three tickets and one waiting


def test_demo_events_render_in_both_languages_and_the_workshop_is_full(client, demo_output):
    index_da, index_en = client.get("/da/arrangementer/"), client.get("/en/events/")
    assert index_da.status_code == index_en.status_code == 200
    assert "Monthly meetup" in index_en.content.decode()
    workshop = client.get("/en/events/workshop-language-models/")
    assert workshop.status_code == 200
    assert "The event is full." in workshop.content.decode()
    assert client.get("/da/arrangementer/maanedligt-meetup/").status_code == 200


def test_each_language_home_and_news_page_render_in_their_own_language(client, demo_output):

    danish_home, english_home = client.get("/da/"), client.get("/en/")
    danish_news, english_news = client.get("/da/nyheder/"), client.get("/en/news/")

    assert danish_home.status_code == english_home.status_code == 200
    assert "Et fællesskab for alle, der arbejder med data i Danmark" in danish_home.content.decode()
    assert "A community for everyone who works with data in Denmark" in english_home.content.decode()
    assert "Et fællesskab" not in english_home.content.decode()
    assert danish_news.status_code == english_news.status_code == 200
    assert "Lønundersøgelsen 2026 er åben" in danish_news.content.decode()
    assert "The 2026 salary survey is open" in english_news.content.decode()
    assert "Lønundersøgelsen" not in english_news.content.decode()


def test_english_news_is_the_translation_of_the_danish_item_so_the_language_switcher_pairs_them(demo_output):

    danish = NewsPage.objects.get(slug="loenundersoegelsen-2026")
    english = danish.get_translation(danish.get_translations().get().locale)

    assert english.title == "The 2026 salary survey is open"
    assert english.live
    assert english.image_id == danish.image_id


def test_demo_editor_logs_in_to_the_admin_with_the_password_the_readme_lists(client, demo_output):

    client.post(reverse("wagtailadmin_login"), {"username": "editor@ddsc.example", "password": "demo-editor-2026"})
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert dashboard.status_code == 200
    assert "editor@ddsc.example" in demo_output and "demo-editor-2026" in demo_output


def test_the_readme_lists_every_demo_account_with_its_password_and_each_logs_in(client, demo_output):
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    table = readme.split("`make run` prints the demo accounts", 1)[1].split("\n\n")[1]
    listed = re.findall(r"^\| `([^`]+@ddsc\.example)` \| `([^`]+)` \|", table, flags=re.MULTILINE)

    assert listed == [(person.email, person.password) for person in PEOPLE]
    number = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ][len(PEOPLE)]
    assert f"the {number} accounts above" in readme
    for email, password in listed:
        assert email in demo_output
        assert client.login(username=email, password=password), email


def test_board_and_articles_render_in_both_languages(client, demo_output):
    board_da, board_en = client.get("/da/bestyrelsen/"), client.get("/en/board/")
    articles_da, articles_en = client.get("/da/artikler/"), client.get("/en/articles/")

    assert board_da.status_code == board_en.status_code == 200
    assert "Karen Holm" in board_da.content.decode() and "Head of data science" in board_en.content.decode()
    assert articles_da.status_code == articles_en.status_code == 200
    assert "Derfor starter vi en mentorordning" in articles_da.content.decode()
    assert "Why we are starting a mentoring scheme" in articles_en.content.decode()
