"""With the production settings, static files are collected as the Dockerfile does and served by WhiteNoise: a
file under its hashed name is compressed and cached by browsers for at least a year without asking again
(immutable); the same file under its plain name is cached only briefly, so a deploy is seen at once."""

import json
import os
import subprocess
import sys

import pytest

from cms.settings.test import BASE_DIR

ONE_YEAR = 365 * 24 * 60 * 60

# Runs in a process of its own: production settings are read once, at start-up.
SERVE = """
import json
import django
from django.core.management import call_command

django.setup()
call_command("collectstatic", "--noinput", verbosity=0)

from django.templatetags.static import static
from django.test import Client

client = Client()
answers = {}
for label, url in (("hashed", static("css/site.css")), ("plain", "/static/css/site.css")):
    response = client.get(url, secure=True, headers={"Accept-Encoding": "gzip"})
    answers[label] = {
        "url": url,
        "status": response.status_code,
        "cache_control": response.get("Cache-Control", ""),
        "content_encoding": response.get("Content-Encoding", ""),
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "SENTRY_DSN", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "static-files-test-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "testserver",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
    }
    result = subprocess.run(  # noqa: S603 - our own code with our own arguments
        [sys.executable, "-c", SERVE],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def max_age(cache_control: str) -> int:
    directives = dict(part.strip().partition("=")[::2] for part in cache_control.split(","))
    return int(directives.get("max-age") or 0)


def test_a_hashed_static_file_is_compressed_and_cached_for_a_year_as_immutable(served):
    hashed = served["hashed"]

    assert hashed["url"] != "/static/css/site.css", "the production settings give static files hashed names"
    assert hashed["status"] == 200
    assert hashed["content_encoding"] == "gzip"
    assert "immutable" in hashed["cache_control"] and "public" in hashed["cache_control"]
    assert max_age(hashed["cache_control"]) >= ONE_YEAR


def test_the_same_file_under_its_plain_name_is_cached_only_briefly(served):
    plain = served["plain"]

    assert plain["status"] == 200
    assert "immutable" not in plain["cache_control"]
    assert max_age(plain["cache_control"]) < 60 * 60
