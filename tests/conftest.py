"""Shared fixtures, and the rule for tests that need real services or a browser:
skipped with a visible reason on a bare machine, a failure in CI (CI=true)."""

import os
import shutil
import uuid

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def missing_services() -> list[str]:
    missing = []
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        missing.append("DATABASE_URL pointing at PostgreSQL")
    if not os.environ.get("REDIS_URL"):
        missing.append("REDIS_URL")
    return missing


def pytest_runtest_setup(item):
    wanted = []
    if item.get_closest_marker("integration"):
        wanted += missing_services()
    if item.get_closest_marker("e2e") and not chromium_path():
        wanted.append("Chromium (apt-get install chromium, or set CHROMIUM_PATH)")
    if wanted:
        reason = "needs " + ", ".join(wanted)
        if IN_CI:
            pytest.fail(f"CI must run this test but it {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(autouse=True, scope="session")
def _repeatable_factories():
    """One seed for factory_boy's and Faker's randomness (community.factories, home.factories): runs repeat."""
    import factory.random

    factory.random.reseed_random("ddsc-tests")


@pytest.fixture(autouse=True)
def _no_pause_from_an_earlier_test():
    """A broker or cache failure that an earlier test caused (on purpose, or a slow first connection on a busy
    machine) pauses publishing and cache calls in this process for a while; no test starts inside such a pause."""
    from home import cache, publish

    publish.resume()
    cache.reset_pauses()
    yield


@pytest.fixture(autouse=True)
def _no_rendition_from_an_earlier_test():
    """Wagtail caches image renditions by image id, and an id comes back after an earlier test's rollback: a new
    image would be shown with an old one's file and size."""
    from wagtail.images import get_image_model

    get_image_model().get_rendition_model().cache_backend.clear()


@pytest.fixture(autouse=True)
def fresh_rate_limits(monkeypatch):
    """A key space per test for the limiter (community.services.ratelimit): hits never leak from one test into
    the next, and nothing is cleared in a shared Redis."""
    from community.services import ratelimit

    monkeypatch.setattr(ratelimit, "KEY_PREFIX", f"ratelimit-test-{uuid.uuid4().hex}")


@pytest.fixture
def fragments_on(settings):
    """The site shell's fragments kept (FRAGMENT_CACHE_SECONDS; the suite runs with them off, cms/settings/test.py),
    the cache empty before and after the test."""
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_on(settings):
    """The page cache on (the suite runs with it off, cms/settings/test.py), empty before and after the test."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_LIVE_SECONDS = 5
    settings.PAGE_CACHE_CDN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()
