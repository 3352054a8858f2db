"""The scanner's offline fallback: the service worker script (no login, no session, GET only, allowed to control
the scanner pages under /<lang>/events/) and the scanner page's config that registers it."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def worker_url(language: str) -> str:
    with translation.override(language):
        return reverse("events:checkin_sw")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_worker_is_javascript_for_anyone_allowed_to_control_the_events_pages_of_its_language(language):
    client = Client()

    response = client.get(worker_url(language))

    assert worker_url(language) == f"/{language}/events/checkin/sw.js"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == f"/{language}/events/"
    assert response["Cache-Control"] == "no-cache"
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not response.cookies  # no Set-Cookie at all: nothing to tie the script to a visitor
    script = response.content.decode()
    assert "{%" not in script and "{{" not in script
    assert re.search(r"const CACHE_NAME = `\$\{CACHE_PREFIX\}\w+`;", script)
    assert f'new URL("{settings.STATIC_URL}", self.location.href)' in script
    for event in ("install", "activate", "fetch", "message"):
        assert f'addEventListener("{event}"' in script


def test_the_worker_is_the_same_for_a_volunteer_and_has_nothing_of_theirs(client, volunteer):
    anonymous = Client().get(worker_url("da")).content
    client.force_login(volunteer)

    response = client.get(worker_url("da"))

    assert response.status_code == 200
    assert response.content == anonymous
    assert b"Vera" not in response.content


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_worker_is_get_only(method):
    response = getattr(Client(), method)(worker_url("da"))

    assert response.status_code == 405


def test_the_checkin_token_path_still_answers_beside_the_worker(client):
    # checkin/<token>/ (a ticket's link) must not be shadowed by checkin/sw.js, nor the other way round.
    assert reverse("events:checkin", kwargs={"token": "sw.js"}) == "/da/events/checkin/sw.js/"
    assert client.get("/da/events/checkin/sw.js/").status_code == 404


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_scanner_page_registers_the_worker_with_its_own_address_as_the_scope(client, event, volunteer, language):
    client.force_login(volunteer)
    page = f"/{language}/events/{event.event_id}/checkin/"

    response = client.get(page)

    assert response.status_code == 200
    match = re.search(
        r'<script id="checkin-config" type="application/json">(.*?)</script>', response.content.decode(), re.S
    )
    config = json.loads(match.group(1))
    assert config["serviceWorker"] == {"url": f"/{language}/events/checkin/sw.js", "scope": page}
    # The scope lies within what the worker's Service-Worker-Allowed header lets it control.
    allowed = client.get(config["serviceWorker"]["url"])["Service-Worker-Allowed"]
    assert config["serviceWorker"]["scope"].startswith(allowed)
    # The page the worker keeps for a reload offline is the one its navigation pattern matches.
    assert re.search(r"/events/\d+/checkin/$", page)
    assert "/static/events/checkin.js" in response.content.decode()
