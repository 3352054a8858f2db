"""A NUL character in the address (path or query string) gets a clear 400 in the visitor's language, not a server
error from whichever view hands it to the database (PostgreSQL refuses NUL in any string it is given)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/da/nyheder/?tag=a%00b",
        "/da/nyheder/?tag=a%00b&page=1",
        "/da/nyh%00eder/",
        "/da/search/?query=data%00",
        "/api/v2/pages/?search=%00",
        "/da/events/checkin/%00/",
        "/da/stats/salaries/?by=job%00title",
    ],
)
def test_a_nul_in_the_address_is_refused_with_a_message(client, news_index, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "Adressen kan ikke læses" in response.content.decode()


def test_the_message_is_in_the_language_of_the_address(client, english_home):
    response = client.get("/en/x%00y/")

    assert response.status_code == 400
    assert "The address cannot be read" in response.content.decode()


def test_an_address_without_nul_is_served_as_before(client, news_index):
    assert client.get("/da/nyheder/?tag=a%2500b").status_code == 200  # "%00" as text, not a NUL


def test_a_nul_in_a_form_is_left_to_the_form(client):
    response = client.post("/da/account/login/", {"username": "a\x00b@example.com", "password": "x"})

    assert response.status_code != 400  # the form answers its own fields
    assert response.status_code < 500
