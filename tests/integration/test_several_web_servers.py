"""Two gunicorn servers on different ports share PostgreSQL and Redis, as N servers behind a proxy do: a visitor
who logs in on one continues on the other, and what an editor does on one (unpublishing a page) is what every
visitor sees on the other at once, although both keep pages in the page cache."""

import os
import signal
import subprocess
import sys
import uuid

import pytest
import requests
from django.conf import settings

from home.factories import NewsIndexPageFactory, NewsPageFactory
from home.page_cache import HIT_HEADER
from tests.home.tree import ensure_home_page
from tests.services import database_url_of_this_run, free_port, wait_for

pytestmark = [pytest.mark.integration]

PASSWORD = "correct horse battery staple"


class Gunicorn:
    def __init__(self, log_dir, prefix: str):
        self.port = free_port()
        self.log = log_dir / f"gunicorn-{self.port}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.server_settings",
            "DATABASE_URL": database_url_of_this_run(),
            "DB_CONN_MAX_AGE": "0",
            "CACHE_KEY_PREFIX": prefix,
            "PYTHONUNBUFFERED": "1",
        }
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", "1",
                 "--bind", f"127.0.0.1:{self.port}", "--timeout", "60"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        wait_for(self._answers, timeout=60, what=f"gunicorn on port {self.port}", log=self.log)

    def _answers(self) -> bool:
        assert self.process.poll() is None, self.log.read_text()[-4000:]
        try:
            return requests.get(self.url("/health/"), timeout=2).status_code < 500
        except requests.RequestException:
            return False

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    prefix = f"cms-several-{uuid.uuid4().hex[:8]}"
    servers = []
    try:
        servers.append(Gunicorn(tmp_path, prefix))
        servers.append(Gunicorn(tmp_path, prefix))
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def news(transactional_db):
    home = ensure_home_page()
    index = NewsIndexPageFactory(parent=home, title="Nyheder", slug="nyheder")
    return NewsPageFactory(parent=index, title="Nyhed på to servere", slug="to-servere", image=None)


def _log_in(session: requests.Session, server: Gunicorn, email: str) -> None:
    login = server.url("/da/account/login/")
    session.get(login)
    answer = session.post(
        login,
        {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": login},
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[-2000:]


def test_log_in_on_one_server_and_continue_on_the_other(two_servers, django_user_model):
    first, second = two_servers
    django_user_model.objects.create_user("ada@example.com", PASSWORD, is_verified=True, first_name="Ada")
    browser = requests.Session()
    _log_in(browser, first, "ada@example.com")

    # The same cookies, the other server (a proxy may send each request anywhere).
    page = browser.get(second.url("/da/account/"), allow_redirects=False)
    assert page.status_code == 200 and "ada@example.com" in page.text
    assert "no-store" in page.headers["Cache-Control"]


def test_unpublishing_on_one_server_is_seen_on_the_other_at_once(two_servers, news, django_user_model):
    first, second = two_servers
    anonymous = requests.Session()
    for server in (first, second, first, second):
        assert anonymous.get(server.url(news.url)).status_code == 200
    assert anonymous.get(second.url(news.url)).headers.get(HIT_HEADER) == "hit"  # kept in the shared cache

    django_user_model.objects.create_superuser("editor@example.com", PASSWORD, is_verified=True)
    editor = requests.Session()
    _log_in(editor, first, "editor@example.com")
    unpublish = first.url(f"/admin/pages/{news.pk}/unpublish/")
    answer = editor.post(
        unpublish, {"csrfmiddlewaretoken": editor.cookies["csrftoken"]}, headers={"Referer": unpublish}
    )
    assert answer.status_code == 200, answer.text[-2000:]

    assert anonymous.get(second.url(news.url)).status_code == 404
    assert anonymous.get(first.url(news.url)).status_code == 404
