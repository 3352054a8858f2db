"""With the database down a visitor gets a friendly 503 page in their language, the load balancer's /health/
says "down", and no statement runs past the statement timeout."""

import pytest
from django.db import connection, connections

from tests.services import free_port
from tests.timing import timed

pytestmark = pytest.mark.integration


@pytest.fixture
def database_down(transactional_db):
    database = connections["default"]
    saved = dict(database.settings_dict)
    database.close()
    database.settings_dict["PORT"] = free_port()  # nothing listens there: connections are refused
    yield
    database.close()
    database.settings_dict.clear()
    database.settings_dict.update(saved)


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [
        ("/da/", "Tilbage om lidt", "Sitet kan ikke nå sin database lige nu."),
        ("/en/", "Back in a moment", "The site cannot reach its database just now."),
    ],
)
def test_a_visitor_gets_a_friendly_503_page_in_their_language(client, database_down, path, heading, text):
    client.raise_request_exception = False

    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert text in page


def test_the_public_health_check_says_down(client, database_down):
    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "down"}


@pytest.mark.django_db
def test_every_statement_runs_under_the_20_second_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "20s"


@pytest.mark.django_db
@pytest.mark.urls("tests.operations.crash_urls")
def test_a_runaway_query_is_cancelled_and_the_visitor_gets_the_friendly_503_page(client):
    client.raise_request_exception = False

    response, timing = timed(lambda: client.get("/runaway/"))

    assert response.status_code == 503
    assert "<h1>Tilbage om lidt</h1>" in response.content.decode()  # the site's language: no prefix, no header
    assert timing.seconds < 5, "PostgreSQL cancelled the query instead of letting it run its 10 s"
