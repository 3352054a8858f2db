"""A headless Chromium shared by the browser tests, and a fresh tab (own cookies) for each test.

Tests marked `e2e` are skipped without Chromium (and fail in CI) by the rule in tests/conftest.py, which
runs before these fixtures start a browser.
"""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import chromium_path

# Playwright's sync API keeps an event loop in the main thread; the tests still talk to the database
# synchronously from that thread, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Two shared CPU cores and a live server in a thread can be slow; wait longer than Playwright's 5 s default.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()
