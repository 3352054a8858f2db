"""The demo site's Danish home page is light on a first visit: with an empty browser cache, everything the first
load fetches (document, CSS, JavaScript, images, fonts) weighs under 300 KB on the wire, with static files served
as in production (hashed, compressed, by WhiteNoise), and no request fails. Every picture has its size reserved,
and those below the first screen load lazily."""

import io
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from events.services.checkin import VOLUNTEERS_GROUP
from tests.e2e.conftest import TIMEOUT_MS
from tests.home.tree import ensure_home_page, ensure_root_collection

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The data migrations that make the groups load_demo puts its accounts in (an earlier transactional test flushed
# them); the volunteers' migration also rewrites tickets, so its group is made bare (this test's visitor is
# anonymous).
GROUP_MIGRATIONS = [
    ("community.migrations.0002_groups", "create_roles"),
    ("community.migrations.0004_membership_managers", "create_group"),
    ("events.migrations.0002_event_editors", "create_group"),
    ("polls.migrations.0002_poll_managers", "create_group"),
]

FIRST_LOAD_BUDGET_BYTES = 300 * 1024

# Bytes on the wire (headers and the body as sent, compressed or not) of the document and every resource it
# fetched; same-origin, so the browser reports each transferSize.
TRANSFERRED = """() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return entries.map(entry => ({
        name: entry.name, type: entry.initiatorType, bytes: entry.transferSize, status: entry.responseStatus,
    }));
}"""

IMAGES = """() => [...document.images].map(img => {
    const box = img.getBoundingClientRect();
    return {
        src: img.currentSrc || img.src,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        top: box.top + window.scrollY,
    };
})"""


@pytest.fixture
def production_static(settings, tmp_path):
    """Static files collected as the Dockerfile does (hashed names, gzip copies) and served by WhiteNoise from
    there, not found on the fly."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


@pytest.fixture
def production_like_server(production_static):
    """A live server whose static files go through the site's own middleware (WhiteNoise), as in production;
    pytest-django's live_server serves them uncompressed from the apps' folders instead."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application  # media is still served by Django's test thread
    server.start()
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def demo_site():
    ensure_home_page()
    ensure_root_collection()
    if not Group.objects.exists():
        for module, function in GROUP_MIGRATIONS:
            getattr(import_module(module), function)(apps, None)
        Group.objects.get_or_create(name=VOLUNTEERS_GROUP)
    call_command("load_demo", stdout=io.StringIO())


def test_demo_home_page_first_load_is_under_300_kb_and_its_pictures_are_sized_and_lazy_below_the_fold(
    production_like_server, browser, demo_site
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    try:
        response = tab.goto(production_like_server.url + "/da/", wait_until="networkidle")
        assert response.status == 200
        transferred = tab.evaluate(TRANSFERRED)
        comment_shown = tab.get_by_text("{#").count()
        images = tab.evaluate(IMAGES)
        viewport_height = tab.viewport_size["height"]
    finally:
        context.close()

    total = sum(entry["bytes"] for entry in transferred)
    print(
        f"\nFirst load of /da/ (demo content, empty cache): {total} bytes ({total / 1024:.1f} KB),"
        f" {len(transferred)} responses"
    )
    for entry in sorted(transferred, key=lambda entry: -entry["bytes"]):
        print(f"  {entry['bytes']:>8}  {entry['type']:<10} {entry['name'].removeprefix(production_like_server.url)}")
    assert all(entry["bytes"] > 0 for entry in transferred), "a response the browser reports no size for"
    assert [entry["name"] for entry in transferred if entry["status"] >= 400] == [], "a failed request"
    assert total < FIRST_LOAD_BUDGET_BYTES

    assert comment_shown == 0, "a template comment shows on the page"
    assert images, "the demo home page shows pictures"
    for image in images:
        assert image["width"] and image["height"], f"{image['src']} has no width and height"
        if image["top"] > viewport_height:
            assert image["loading"] == "lazy", f"{image['src']} is below the fold but not lazy"
    assert any(image["top"] > viewport_height for image in images), "the demo home page has pictures below the fold"
