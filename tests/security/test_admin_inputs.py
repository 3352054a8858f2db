"""What an editor types into the admin's address gets an answer, never a server error: a search within a tag or a
usage count finds what it should, a quote is searched as text, a number no database holds is a clear 400, and the
log in follows only a `next` on this site (tests/security/test_garbage_walk.py sends the garbage; these pin down
the five failures of Wagtail's own admin it used to tolerate, on SQLite and on PostgreSQL)."""

import pytest
from wagtail_factories import DocumentFactory

from community.factories import PASSWORD, UserFactory
from home.factories import ImageFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = str(2**63)  # one past the largest integer PostgreSQL's bigint and SQLite's INTEGER hold


@pytest.fixture
def editor(client):
    user = UserFactory(email="editor@example.com", groups=["Editors"])
    client.force_login(user)
    return user


@pytest.fixture
def superuser(client):
    user = UserFactory(email="admin@example.com", is_superuser=True)
    client.force_login(user)
    return user


def edit_link(image) -> str:
    return f"/admin/images/{image.pk}/"


def test_the_image_chooser_searches_within_a_tag(client, editor):
    tagged = ImageFactory(width_px=80, height_px=45, title="Medlemstal 2024")
    tagged.tags.add("medlemmer")
    ImageFactory(width_px=80, height_px=45, title="Medlemstal 2023")

    response = client.get("/admin/images/chooser/results/", {"q": "Medlemstal", "tag": "medlemmer"})

    assert response.status_code == 200
    assert "Medlemstal 2024" in response.content.decode()
    assert "Medlemstal 2023" not in response.content.decode()


def test_the_image_listing_searches_with_a_usage_count(client, editor, bilingual_site, small_image):
    unused = ImageFactory(width_px=80, height_px=45, title="Chart kladde")

    used_only = client.get("/admin/images/", {"q": "Chart", "usage_count_min": "1"})
    unused_only = client.get("/admin/images/", {"q": "Chart", "usage_count_max": "0"})

    assert used_only.status_code == unused_only.status_code == 200
    assert edit_link(small_image) in used_only.content.decode()  # on the news page
    assert edit_link(unused) not in used_only.content.decode()
    assert edit_link(unused) in unused_only.content.decode()
    assert edit_link(small_image) not in unused_only.content.decode()


def test_the_document_listing_searches_with_a_usage_count(client, superuser):  # Editors see no document listing
    document = DocumentFactory(title="Vedtægter")

    unused_only = client.get("/admin/documents/", {"q": "Vedtægter", "usage_count_max": "0"})
    used_only = client.get("/admin/documents/", {"q": "Vedtægter", "usage_count_min": "1"})

    assert unused_only.status_code == used_only.status_code == 200
    assert f"/admin/documents/edit/{document.pk}/" in unused_only.content.decode()
    assert f"/admin/documents/edit/{document.pk}/" not in used_only.content.decode()


@pytest.mark.parametrize("query", ['"foreningen', 'foreningen"', '"Om" "foreningen'])
def test_a_quote_in_the_admin_page_search_is_text(client, editor, bilingual_site, query):
    response = client.get("/admin/pages/", {"q": query})

    assert response.status_code == 200
    assert "Om foreningen" in response.content.decode()


def test_a_quote_in_the_image_search_is_text(client, editor, small_image):
    response = client.get("/admin/images/", {"q": '"Chart'})

    assert response.status_code == 200
    assert edit_link(small_image) in response.content.decode()


USAGE = "/admin/pages/usage/home/standardpage/"


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (USAGE, {"content_type": TOO_LARGE}),
        (USAGE, {"site": TOO_LARGE}),
        (USAGE, {"owner": f"-{TOO_LARGE}1"}),
        (USAGE, {"p": TOO_LARGE}),
        (USAGE, {"content_type": "9_223_372_036_854_775_808"}),  # Python reads underscores, and so did the filter
        (USAGE, {"content_type": "9" * 5000}),  # longer than int() converts at all
        ("/admin/images/", {"q": "Chart", "usage_count_min": "1e400"}),
        ("/admin/documents/", {"q": "Vedtægter", "usage_count_max": "-1e19"}),
    ],
)
def test_a_number_no_database_holds_is_a_bad_request_with_a_message(client, superuser, bilingual_site, url, query):
    response = client.get(url, query)

    assert response.status_code == 400
    assert "Adressen indeholder et tal, der er større end noget tal" in response.content.decode()


def test_the_largest_number_a_database_holds_and_a_searched_number_are_answered(client, editor, bilingual_site):
    assert client.get(USAGE, {"content_type": str(2**63 - 1)}).status_code == 200
    assert client.get("/admin/images/", {"usage_count_min": "1e3"}).status_code == 200
    assert client.get("/admin/pages/", {"q": "9" * 40}).status_code == 200


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("data", "/admin/"),
        ("wagtailadmin_pages:index", "/admin/"),  # a view's name, which Wagtail's view followed
        ("https://evil.example/", "/admin/"),
        ("/admin/pages/", "/admin/pages/"),
    ],
)
def test_the_admin_log_in_opened_while_logged_in_follows_only_a_next_on_this_site(client, editor, next_url, lands_on):
    response = client.get("/admin/login/", {"next": next_url})

    assert response.status_code == 302
    assert response["Location"] == lands_on


def test_logging_in_to_the_admin_with_a_bare_word_as_next_lands_on_the_dashboard(client):
    UserFactory(email="editor@example.com", groups=["Editors"])

    response = client.post("/admin/login/?next=data", {"username": "editor@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
