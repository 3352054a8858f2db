"""Every response says what the browser may do: the public site runs only our own scripts and is never framed,
the admin gets its looser script policy, and no page but the scanner may ask for the camera."""

import pytest
from django.contrib.auth import get_user_model

from home.browser_policy import content_security_policy
from tests.home.tree import ensure_home_page

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def test_the_public_site_allows_only_its_own_scripts_and_no_device(client):
    ensure_home_page()

    for response in (client.get("/da/"), client.get("/da/search/?query=data"), client.get("/da/no-such-page/")):
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "microphone=()" in response.headers["Permissions-Policy"]
        assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_images_may_come_from_the_media_host(client, settings):
    settings.CSP_SITE = {**settings.CSP_SITE, "img-src": ["'self'", "data:", "https://cdn.example.org"]}
    ensure_home_page()

    assert directives(client.get("/da/"))["img-src"] == ["'self'", "data:", "https://cdn.example.org"]


def test_the_admin_gets_the_policy_its_editor_needs_and_no_device(client):
    admin = get_user_model().objects.create_superuser("admin@example.org", "x", is_verified=True)
    client.force_login(admin)

    response = client.get("/admin/")

    policy = directives(response)
    assert response.status_code == 200
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_a_policy_is_written_as_directives_separated_by_semicolons():
    assert content_security_policy({"default-src": ["'self'"], "upgrade-insecure-requests": []}) == (
        "default-src 'self'; upgrade-insecure-requests"
    )
