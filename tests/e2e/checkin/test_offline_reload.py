"""In Chromium: the scanner's service worker keeps the page, so a volunteer who reloads it without a network (or
whose phone killed the tab) still gets the scanner, can type a code into the offline queue, and sees it checked in
once the network is back. Offline is Chromium's own network emulation (BrowserContext.set_offline), which also cuts
the service worker's requests off."""

import threading

import pytest
from playwright.sync_api import expect

from events.models import CheckIn, EventPage
from events.views import door
from tests.e2e.checkin.conftest import make_volunteer, open_scanner, ticket
from tests.e2e.conftest import TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def wait_until_kept_for_offline(tab) -> None:
    """The worker controls the page and has the page and its files in its cache (the first load did not go
    through it: the page sends it what to keep, and it says when that is done)."""
    tab.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)
    expect(tab.locator("#checkin")).to_have_attribute("data-offline-ready", "true")
    kept = tab.evaluate(
        """async () => {
            const scripts = [...document.scripts].map((script) => script.src).filter(Boolean);
            const styles = [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.href);
            const urls = [location.href, ...scripts, ...styles];
            const found = await Promise.all(urls.map((url) => caches.match(url)));
            return Object.fromEntries(urls.map((url, index) => [url, Boolean(found[index])]));
        }"""
    )
    assert all(kept.values()), kept
    assert any(url.endswith("/static/events/checkin.js") for url in kept)


def test_a_reload_without_a_network_shows_the_scanner_from_the_cache_and_its_queue_is_sent_later(
    live_server, event, phone
):
    registration = ticket(event, first_name="Grace", last_name="Hopper")
    volunteer = make_volunteer(event)
    tab = open_scanner(phone, volunteer, event, live_server)
    wait_until_kept_for_offline(tab)
    scanner_url = tab.url

    # Renamed on the server: a page from the network would show the new title, the kept copy shows the old one.
    EventPage.objects.filter(pk=event.pk).update(title="Vinterfest")

    phone.set_offline(True)
    assert tab.evaluate("navigator.onLine") is False
    tab.reload()

    assert tab.url == scanner_url
    expect(tab.get_by_role("heading", level=1)).to_have_text("Sommerfest")
    assert tab.evaluate("navigator.serviceWorker.controller !== null")
    banner = tab.locator("[data-offline-banner]")
    expect(banner).to_be_visible()  # at once: navigator.onLine is false when the page starts
    # The page's script, the jsQR decoder and the style sheets came from the cache too.
    assert tab.evaluate("typeof window.jsQR") == "function"
    assert tab.evaluate("[...document.styleSheets].every((sheet) => sheet.cssRules.length > 0)")
    expect(tab.locator("[data-camera-toggle]")).to_be_enabled()

    code_field = tab.locator("[data-code-form] input[name=code]")
    code_field.fill(registration.display_code)
    code_field.press("Enter")
    queue_count = tab.locator("[data-queue-count]")
    expect(queue_count).to_have_text("1")
    expect(tab.locator("#checkin [data-result]")).to_have_attribute("data-state", "queued")
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert not CheckIn.objects.exists()

    # Back online: the queue goes out with the CSRF token of the cached page, and the ticket is checked in.
    phone.set_offline(False)
    expect(queue_count).to_have_text("0")
    expect(banner).to_be_hidden()
    expect(tab.locator("[data-sent-list] li[data-state=checked_in]")).to_have_count(1)
    expect(tab.locator("[data-count=checked_in]")).to_have_text("1")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == volunteer
    log = CheckIn.objects.get(registration=registration)
    assert (log.result, log.source) == (CheckIn.Result.CHECKED_IN, CheckIn.Source.CODE)


def test_after_logging_out_the_kept_page_is_dropped_at_the_next_visit_and_not_shown_offline(live_server, event, phone):
    volunteer = make_volunteer(event)
    tab = open_scanner(phone, volunteer, event, live_server)
    wait_until_kept_for_offline(tab)
    scanner_url = tab.url

    # Logged out (the session cookie gone): the scanner sends the visitor to log in, and the worker drops its copy.
    phone.clear_cookies()
    tab.goto(scanner_url)
    assert tab.url != scanner_url
    tab.wait_for_function("async (url) => !(await caches.match(url))", arg=scanner_url)

    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        tab.goto(scanner_url)


def test_a_copy_fetched_while_logged_in_that_arrives_after_the_logout_is_not_kept(
    live_server, event, phone, monkeypatch
):
    """A slow copy of the scanner (asked for while the session was good) must not bring the scanner back offline
    when it arrives after a visit has found the volunteer logged out. The page held on the server makes the race
    certain: it answers only after the logout has been seen."""
    volunteer = make_volunteer(event)
    tab = open_scanner(phone, volunteer, event, live_server)
    wait_until_kept_for_offline(tab)
    scanner_url = tab.url

    hold, held, release = threading.Event(), threading.Event(), threading.Event()
    render = door.render

    def render_when_released(request, template_name, *args, **kwargs):
        response = render(request, template_name, *args, **kwargs)
        if template_name == "events/checkin/scanner.html" and hold.is_set():
            hold.clear()
            held.set()
            release.wait(timeout=TIMEOUT_MS / 1000)
        return response

    monkeypatch.setattr(door, "render", render_when_released)
    hold.set()

    # Another tab of the same phone asks the worker to keep the scanner again (as a second tab, or a page that told
    # the worker twice, does), while the copy is not in its cache: the worker fetches it, logged in.
    tab.evaluate(
        """async (url) => {
            for (const name of await caches.keys()) {
                await (await caches.open(name)).delete(url, { ignoreVary: true });
            }
        }""",
        scanner_url,
    )
    other = phone.new_page()
    other.set_default_timeout(TIMEOUT_MS)
    other.goto(f"{live_server.url}/da/")
    other.evaluate(
        """async (url) => {
            const registration = await navigator.serviceWorker.getRegistration(url);
            window.keptReply = new Promise((resolve) => {
                navigator.serviceWorker.addEventListener("message", (event) => resolve(event.data));
            });
            navigator.serviceWorker.startMessages();
            registration.active.postMessage({ type: "checkin-keep", urls: [url] });
        }""",
        scanner_url,
    )
    assert held.wait(timeout=TIMEOUT_MS / 1000), "the worker did not ask for the scanner"

    # Meanwhile the volunteer is logged out, and the next visit to the scanner tells the worker so.
    phone.clear_cookies()
    tab.goto(scanner_url)
    assert tab.url != scanner_url
    tab.wait_for_function("async (url) => !(await caches.match(url))", arg=scanner_url)

    release.set()
    assert other.evaluate("() => window.keptReply") == {"type": "checkin-kept", "page": False}
    assert not tab.evaluate("async (url) => Boolean(await caches.match(url))", scanner_url)

    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        tab.goto(scanner_url)
