"""The way in, in Chromium: register, follow the activation link from the mail that the real SMTP server received
(sent by a real Celery worker), log in, and apply for membership."""

import re

import pytest
from playwright.sync_api import expect

from community.models import Member
from tests.home.tree import ensure_home_page
from tests.integration import conftest as services
from tests.services import DELIVERY_TIMEOUT, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
# The real SMTP server, Redis broker and Celery worker of the integration tests.
smtp_server, test_broker, workers = services.smtp_server, services.test_broker, services.workers

EMAIL = "ada.lovelace@example.com"
PASSWORD = "Analytical-Engine-1843"


def text_of(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    raise AssertionError("The mail has no text part")


def test_a_visitor_registers_activates_from_the_mail_logs_in_and_applies(
    live_server, tab, workers, smtp_server, settings
):
    ensure_home_page()
    # Links in mails point at the site; here the site is the live server. The worker writes the links (they are
    # minted when the mail is rendered), so it is told too.
    settings.SITE_URL = live_server.url
    workers.start(smtp_port=smtp_server.port, extra_env={"SITE_URL": live_server.url})

    tab.goto(f"{live_server.url}/da/account/register/")
    tab.fill("input[name=email]", EMAIL)
    tab.fill("input[name=first_name]", "Ada")
    tab.fill("input[name=last_name]", "Lovelace")
    tab.fill("input[name=password1]", PASSWORD)
    tab.fill("input[name=password2]", PASSWORD)
    tab.locator("form[action$='/account/register/'] button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/da/account/register/done/$"))

    wait_for(lambda: smtp_server.inbox.received, timeout=DELIVERY_TIMEOUT, what="the activation mail", log=workers.log)
    recipients, message = smtp_server.inbox.received[0]
    assert recipients == [EMAIL]
    link = re.search(r"https?://\S+/account/activate/\S+/", text_of(message))
    assert link, text_of(message)
    assert link.group(0).startswith(live_server.url)

    tab.goto(link.group(0))
    # Opening the link only asks (mail scanners open links too); the button activates.
    tab.locator("[data-testid=activate] button[type=submit]").click()
    expect(tab.locator("h1")).to_have_text(re.compile(r"aktiveret|activated", re.IGNORECASE))
    tab.goto(f"{live_server.url}/da/account/login/?next=/da/membership/apply/")
    tab.fill("input[name=username]", EMAIL)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form[action$='/account/login/'] button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/da/membership/apply/$"))

    tab.fill("input[name=street]", "Nørrebrogade 10")
    tab.fill("input[name=postal_code]", "2200")
    tab.fill("input[name=city]", "København N")
    tab.fill("input[name=job_title]", "Data scientist")
    tab.check("input[name=accept_statutes]")
    tab.locator("main form button[type=submit], form button[type=submit]").last.click()

    expect(tab).to_have_url(re.compile(r"/da/membership/$"))
    status = tab.locator("[data-testid=membership-status] .badge")
    expect(status).to_have_text(re.compile(r"Pending|Afvent", re.IGNORECASE))
    member = Member.objects.select_related("user").get(user__email=EMAIL)
    assert member.status == Member.Status.PENDING
    assert member.user.is_verified
