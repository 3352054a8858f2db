"""In Chromium: a volunteer checks tickets in on the scanner page, with the camera (a fake one playing a real
ticket's QR code, decoded by jsQR), by a code typed while offline and sent when back online, and by a name
search with undo. States are read from the result panel's data-state/data-tone, not from its wording."""

import pytest
from playwright.sync_api import expect

from events.models import CheckIn
from events.qr import ticket_qr_png
from tests.conftest import chromium_path
from tests.e2e.checkin.conftest import PHONE, make_volunteer, open_scanner, ticket
from tests.e2e.conftest import CHROMIUM_ARGS
from tests.e2e.fake_camera import write_fake_camera

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def camera_browser(browser, tmp_path):
    """Launch a second Chromium whose camera plays a Y4M file: call it with the PNG to show."""
    launched = []

    def launch(png: bytes):
        video = write_fake_camera(tmp_path / "camera.y4m", png)
        camera_args = [
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ]
        launched.append(
            browser.browser_type.launch(
                executable_path=chromium_path(), headless=True, args=[*CHROMIUM_ARGS, *camera_args]
            )
        )
        return launched[-1]

    yield launch
    for camera in launched:
        camera.close()


def result_panel(tab):
    return tab.locator("#checkin [data-result]")


def test_the_camera_checks_a_ticket_in_once_and_the_next_scan_says_already(live_server, event, camera_browser):
    registration = ticket(event, first_name="Ada", last_name="Lovelace")
    volunteer = make_volunteer(event, first_name="Vera", last_name="Frivillig")
    other_volunteer = make_volunteer(event, first_name="Otto", last_name="Hjælper")
    camera = camera_browser(ticket_qr_png(registration))

    context = camera.new_context(viewport=PHONE, locale="da-DK", permissions=["camera"])
    tab = open_scanner(context, volunteer, event, live_server)
    tab.locator("[data-camera-toggle]").click()
    expect(tab.locator("[data-camera-toggle]")).to_have_attribute("aria-pressed", "true")

    panel = result_panel(tab)
    expect(panel).to_have_attribute("data-state", "checked_in")
    expect(panel).to_have_attribute("data-tone", "success")
    expect(panel).to_have_attribute("aria-live", "assertive")
    expect(panel).to_contain_text("Ada Lovelace")
    expect(tab.locator("[data-count=checked_in]")).to_have_text("1")
    # Headless Chromium on Linux has no BarcodeDetector, so this is jsQR reading canvas frames.
    assert tab.locator("#checkin").get_attribute("data-decoder") in {"jsqr", "barcode-detector"}
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == volunteer
    assert CheckIn.objects.get(registration=registration).source == CheckIn.Source.CAMERA

    # The same code held in front of the camera is not sent again...
    tab.wait_for_timeout(2500)
    assert CheckIn.objects.filter(registration=registration).count() == 1
    expect(panel).to_have_attribute("data-state", "checked_in")

    # ...until the volunteer asks for the next scan: then it is already checked in.
    tab.locator("[data-scan-next]").click()
    expect(panel).to_have_attribute("data-state", "already")
    expect(panel).to_have_attribute("data-tone", "warning")
    context.close()

    # Another volunteer's phone scanning the same ticket hears who checked it in.
    context = camera.new_context(viewport=PHONE, locale="da-DK", permissions=["camera"])
    tab = open_scanner(context, other_volunteer, event, live_server)
    tab.locator("[data-camera-toggle]").click()
    panel = result_panel(tab)
    expect(panel).to_have_attribute("data-state", "already")
    expect(panel).to_have_attribute("data-tone", "warning")
    expect(panel).to_contain_text("Vera Frivillig")
    context.close()

    registration.refresh_from_db()
    assert registration.checked_in_by == volunteer
    assert list(CheckIn.objects.filter(registration=registration).order_by("pk").values_list("result", flat=True)) == [
        CheckIn.Result.CHECKED_IN,
        CheckIn.Result.ALREADY,
        CheckIn.Result.ALREADY,
    ]


def test_codes_typed_offline_wait_in_the_queue_and_are_checked_in_once_back_online(live_server, event, phone):
    registration = ticket(event, first_name="Grace", last_name="Hopper")
    volunteer = make_volunteer(event)
    tab = open_scanner(phone, volunteer, event, live_server)
    queue_count = tab.locator("[data-queue-count]")
    banner = tab.locator("[data-offline-banner]")
    code_field = tab.locator("[data-code-form] input[name=code]")
    expect(banner).to_be_hidden()

    phone.set_offline(True)
    code_field.fill(registration.display_code)
    code_field.press("Enter")
    expect(queue_count).to_have_text("1")
    expect(banner).to_be_visible()
    expect(result_panel(tab)).to_have_attribute("data-state", "queued")
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert not CheckIn.objects.exists()

    # The same code again, lower-case this time: both wait, in this event's queue in localStorage.
    code_field.fill(registration.display_code.lower())
    tab.locator("[data-code-form] button[type=submit]").click()
    expect(queue_count).to_have_text("2")
    queued = tab.evaluate(f"JSON.parse(localStorage.getItem('ddsc.checkin.queue.{event.event_id}'))")
    assert [scan["source"] for scan in queued] == ["code", "code"]
    assert len({scan["client_id"] for scan in queued}) == 2
    assert all(scan["scanned_at"] for scan in queued)

    phone.set_offline(False)
    expect(queue_count).to_have_text("0")
    expect(banner).to_be_hidden()
    sent = tab.locator("[data-sent-list] li")
    expect(sent).to_have_count(2)
    expect(tab.locator("[data-sent-list] li[data-state=checked_in][data-duplicate=false]")).to_have_count(1)
    expect(tab.locator("[data-sent-list] li[data-state=already][data-duplicate=true]")).to_have_count(1)
    expect(tab.locator("[data-count=checked_in]")).to_have_text("1")
    assert tab.evaluate(f"localStorage.getItem('ddsc.checkin.queue.{event.event_id}')") is None

    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by == volunteer
    logged = CheckIn.objects.filter(registration=registration).order_by("scanned_at", "pk")
    assert [(log.result, log.source) for log in logged] == [
        (CheckIn.Result.CHECKED_IN, CheckIn.Source.CODE),
        (CheckIn.Result.ALREADY, CheckIn.Source.CODE),
    ]
    assert {log.client_id for log in logged} == {scan["client_id"] for scan in queued}


def test_search_finds_soren_without_the_o_slash_checks_him_in_with_one_tap_and_undo_is_logged(
    live_server, event, phone
):
    soren = ticket(event, first_name="Søren", last_name="Kierkegaard", email="sk@example.com")
    ticket(event, first_name="Anna", last_name="Hansen")
    volunteer = make_volunteer(event)
    tab = open_scanner(phone, volunteer, event, live_server)
    expect(tab.locator("[data-count=registered]")).to_have_text("2")
    expect(tab.locator("[data-count=capacity]")).to_have_text("10")

    tab.get_by_role("searchbox").fill("soren")
    found = tab.locator("[data-search-results] li")
    expect(found).to_have_count(1)
    expect(found).to_contain_text("Søren Kierkegaard")
    found.locator("button[data-action=check-in]").click()

    panel = result_panel(tab)
    expect(panel).to_have_attribute("data-state", "checked_in")
    expect(panel).to_contain_text("Søren Kierkegaard")
    expect(tab.locator("[data-count=checked_in]")).to_have_text("1")
    soren.refresh_from_db()
    assert soren.checked_in_by == volunteer
    assert CheckIn.objects.get(registration=soren).source == CheckIn.Source.SEARCH

    # Undo from the result panel.
    tab.locator("[data-undo-result]").click()
    expect(panel).to_have_attribute("data-state", "undone")
    expect(tab.locator("[data-count=checked_in]")).to_have_text("0")
    soren.refresh_from_db()
    assert soren.checked_in_at is None

    # The list follows: check in again from it, and undo from it.
    found.locator("button[data-action=check-in]").click()
    expect(panel).to_have_attribute("data-state", "checked_in")
    found.locator("button[data-action=undo]").click()
    expect(panel).to_have_attribute("data-state", "undone")
    expect(found.locator("button[data-action=check-in]")).to_be_visible()

    soren.refresh_from_db()
    assert soren.checked_in_at is None
    assert list(CheckIn.objects.filter(registration=soren).order_by("pk").values_list("result", flat=True)) == [
        CheckIn.Result.CHECKED_IN,
        CheckIn.Result.UNDONE,
        CheckIn.Result.CHECKED_IN,
        CheckIn.Result.UNDONE,
    ]


def test_the_scanner_fits_a_360_px_phone_with_big_labelled_controls_and_a_clear_camera_message(
    live_server, event, phone
):
    tab = open_scanner(phone, make_volunteer(event), event, live_server)
    tab.get_by_role("searchbox").fill("nobody")
    expect(tab.locator("[data-search-status]")).not_to_be_empty()

    # The default browser has no camera: the page says so and the manual paths stay.
    tab.locator("[data-camera-toggle]").click()
    expect(tab.locator("[data-camera-status][data-problem]")).not_to_be_empty()
    expect(tab.locator("[data-camera-view]")).to_be_hidden()

    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    unlabelled = tab.evaluate(
        """[...document.querySelectorAll('#checkin input:not([type=hidden])')]
               .filter((input) => !input.labels.length || !input.labels[0].offsetParent).map((input) => input.name)"""
    )
    assert unlabelled == []
    small = tab.evaluate(
        """[...document.querySelectorAll('#checkin button, #checkin input:not([type=hidden])')]
               .filter((element) => element.offsetParent)
               .map((element) => [element.textContent.trim() || element.name, element.getBoundingClientRect()])
               .filter(([, box]) => box.width < 48 || box.height < 48).map(([name]) => name)"""
    )
    assert small == []
    assert tab.locator("main h2").count() >= 4
