"""In Chromium, under the Content-Security-Policy the site sends: the home page, an event page, the door's
scanner and the admin's page editor load and run without one violation reported, and the scanner alone may
ask for the camera."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.factories import StandardPageFactory
from tests.e2e.checkin.conftest import (  # noqa: F401 - fixtures
    event,
    log_in,
    make_volunteer,
    no_mail_sending,
    open_scanner,
    phone,
)
from tests.home.tree import ensure_home_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Chromium reports every blocked script, style, image or frame both as an event and in the console.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def watched(page):
    """The page, with a list that collects every policy violation it reports."""
    violations = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text
            else None
        ),
    )
    return page, violations


def camera_allowed(response) -> bool:
    return "camera=(self)" in response.headers["permissions-policy"]


def test_the_home_page_and_an_event_page_run_under_the_strict_policy(live_server, browser, event):  # noqa: F811
    context = browser.new_context(locale="da-DK")
    tab, violations = watched(context.new_page())

    home = tab.goto(f"{live_server.url}{ensure_home_page().url}")
    event_page = tab.goto(f"{live_server.url}{event.url}")
    expect(tab.get_by_role("heading", level=1)).to_have_text(event.title)
    # A script of ours ran: Bootstrap's menu toggler opens the navigation on a narrow window.
    tab.set_viewport_size({"width": 400, "height": 800})
    tab.locator(".navbar-toggler").click()
    expect(tab.locator(".navbar-collapse")).to_be_visible()

    assert violations == []
    for response in (home, event_page):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy
        assert "frame-ancestors 'none'" in policy
        assert not camera_allowed(response)
    context.close()


def test_the_scanner_runs_under_the_strict_policy_and_may_use_the_camera(live_server, phone, event):  # noqa: F811 - fixtures
    volunteer = make_volunteer(event)
    page_responses = []
    phone.on("response", lambda r: page_responses.append(r) if r.request.resource_type == "document" else None)
    phone.add_init_script(REPORT_VIOLATIONS)
    violations = []
    phone.on("console", lambda m: violations.append(m.text) if "CSP violation" in m.text else None)

    tab = open_scanner(phone, volunteer, event, live_server)
    # checkin.js ran: it filled in the live counts' state and enabled the camera button.
    expect(tab.locator("[data-camera-toggle]")).to_be_enabled()

    assert violations == []
    assert camera_allowed(page_responses[-1])
    assert "script-src 'self';" in page_responses[-1].headers["content-security-policy"]


def test_the_admin_page_editor_works_under_the_admin_policy(live_server, browser):
    page = StandardPageFactory(parent=ensure_home_page(), title="Om foreningen", slug="om")
    admin = get_user_model().objects.create_superuser("admin@example.org", "x", is_verified=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    log_in(context, admin, live_server)
    tab, violations = watched(context.new_page())

    response = tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    # The editor's scripts ran: the StreamField's blocks are drawn by JavaScript, and the side panel opens.
    expect(tab.locator("[data-streamfield-stream-container]").first).to_be_visible()
    tab.get_by_role("button", name="Toggle status").click()
    expect(tab.get_by_role("heading", name=re.compile(r"^Status: "))).to_be_visible()

    assert violations == []
    policy = response.headers["content-security-policy"]
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert not camera_allowed(response)
    context.close()


def test_an_editor_on_the_public_site_opens_the_wagtail_userbar_under_the_strict_policy(live_server, browser):
    home = ensure_home_page()
    admin = get_user_model().objects.create_superuser("admin@example.org", "x", is_verified=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    log_in(context, admin, live_server)
    tab, violations = watched(context.new_page())

    tab.goto(f"{live_server.url}{home.url}")
    tab.locator("wagtail-userbar").get_by_role("button").first.click()
    expect(tab.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()

    assert violations == []
    context.close()
