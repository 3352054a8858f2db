"""Production settings refuse to start half-configured: a weak or published SECRET_KEY, TRUSTED_PROXY_COUNT unset;
with everything set, `check --deploy` is clean."""

import os
import secrets
import subprocess
import sys

import pytest
from django.core.management.utils import get_random_secret_key

from cms.settings.env import secret_key_weakness
from cms.settings.test import BASE_DIR

GOOD_KEY = secrets.token_urlsafe(50)


def check_deploy(**env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "TRUSTED_PROXY_COUNT", "DJANGO_SETTINGS_MODULE", "SENTRY_DSN"}
    }
    environment |= {"ALLOWED_HOSTS": "ddsc.example", **env}
    return subprocess.run(  # noqa: S603 - our own manage.py with our own arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "cms.settings.production"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = check_deploy(SECRET_KEY=GOOD_KEY, TRUSTED_PROXY_COUNT="1")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "key",
    [
        "x" * 50,
        "django-insecure-" + secrets.token_urlsafe(50),
        "dev-only-insecure-key-never-used-in-production",
        "short-but-random-" + secrets.token_hex(8),
        "abcde" * 20,
    ],
    ids=["repeated", "django-insecure", "dev key", "short", "low entropy"],
)
def test_production_refuses_to_start_with_a_weak_secret_key(key):
    result = check_deploy(SECRET_KEY=key, TRUSTED_PROXY_COUNT="1")

    assert result.returncode != 0
    assert "SECRET_KEY is not fit for production" in result.stderr


def test_production_refuses_to_start_without_the_proxy_count():
    result = check_deploy(SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "community.E001" in result.stderr


def test_gunicorns_wsgi_module_refuses_to_load_without_the_proxy_count():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import cms.wsgi"],
        cwd=BASE_DIR,
        env={
            **{key: value for key, value in os.environ.items() if key != "TRUSTED_PROXY_COUNT"},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": GOOD_KEY,
            "ALLOWED_HOSTS": "ddsc.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "Refusing to start" in result.stderr and "community.E001" in result.stderr


def test_keys_from_the_usual_generators_pass():
    assert all(secret_key_weakness(get_random_secret_key()) is None for _ in range(500))
    assert all(secret_key_weakness(secrets.token_urlsafe(50)) is None for _ in range(500))
