"""A NUL character in an address, a query or a form is answered 400 with the site's page, before any view hands
it to the database (PostgreSQL cannot compare a string holding one: search, tags and the members page failed)."""

import pytest

from tests.home.tree import ensure_home_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/da/search/?query=data%00", "/da/members/?q=%00", "/da/nyheder/?tag=a%00b", "/da/x%00y/"]
)
def test_a_nul_in_the_address_or_query_is_a_bad_request(client, url):
    ensure_home_page()

    response = client.get(url)

    assert response.status_code == 400
    assert "Ugyldig forespørgsel" in response.content.decode()


def test_a_nul_in_a_form_is_a_bad_request(client):
    ensure_home_page()

    response = client.post(
        "/da/account/login/", "username=a%00b&password=x", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


def test_text_without_nul_goes_through(client):
    ensure_home_page()

    assert client.get("/da/search/?query=data").status_code == 200
