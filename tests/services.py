"""Real services for tests, started by the tests themselves: an SMTP server (aiosmtpd) that can be stopped and
slowed, a Celery worker in its own process on a Redis broker sharing this run's PostgreSQL database, a Redis
server of the test's own, free ports and a polling wait. The fixtures that start them are in
tests/integration/conftest.py; other folders import the helpers from here."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from aiosmtpd.controller import Controller
from celery import current_app
from django.conf import settings
from django.db import connection

# A Redis database of its own, so a test run never eats the tasks of a developer's worker on db 1.
TEST_BROKER_DB = 5
WORKER_START_TIMEOUT = 60
DELIVERY_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], object], *, timeout: float, what: str, log: Path | None = None):
    """Poll until `condition()` is truthy; fail with `what` (and the worker's log) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    detail = f"\n--- worker log ---\n{log.read_text()[-6000:]}" if log and log.exists() else ""
    pytest.fail(f"Timed out after {timeout:.0f} s waiting for {what}{detail}")


class Inbox:
    """aiosmtpd handler keeping every message it accepts; with a `delay` it confirms each only that many seconds
    after it has the whole message (a slow server: the message counts as received either way)."""

    def __init__(self, delay: float = 0.0):
        self.received: list[tuple[list[str], Message]] = []
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.original_content)))
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server on `port` that a test can stop and start again on the same port (its inbox stays)."""

    def __init__(self, port: int, delay: float = 0.0):
        self.port = port
        self.inbox = Inbox(delay)
        self._controller: Controller | None = None

    def start(self) -> "SMTPServer":
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()
            self._controller = None


def use_broker(url: str, *, eager: bool) -> None:
    """Point this process's Celery app at `url`. Django's settings are read once into app.conf, so the test
    settings' in-process mode is switched off here, and the cached connections are dropped."""
    app = current_app
    # kombu keeps its connection pools per broker URL, so switching back finds the earlier pool again.
    app._pool = None
    app.amqp._producer_pool = None
    # Both spellings: with a namespace, Celery 5.6 reads CELERY_BROKER_URL from Django's settings before a
    # change written under the short name.
    app.conf.update(broker_url=url, task_always_eager=eager, CELERY_BROKER_URL=url, CELERY_TASK_ALWAYS_EAGER=eager)


def database_url_of_this_run() -> str:
    """The URL of the database this test run uses (pytest-django's test_<name>), for another process."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts Celery workers (`celery -A cms worker`) as subprocesses and stops them at the end of the test."""

    def __init__(self, broker_url: str, log_dir: Path):
        self.broker_url = broker_url
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen] = []
        self.log: Path | None = None

    def start(self, *, smtp_port: int, beat: bool = False, extra_env: dict | None = None) -> subprocess.Popen:
        """A worker (with `beat`, a Celery beat instead) for this test's broker, database and SMTP server."""
        name = f"{'beat' if beat else 'test'}-{uuid.uuid4().hex[:8]}"
        self.log = self.log_dir / f"{name}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "TEST_CELERY_WORKER": "1",
            "CELERY_BROKER_URL": self.broker_url,
            "DATABASE_URL": database_url_of_this_run(),
            "DB_CONN_MAX_AGE": "0",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            # The beat task may pick up any owed row at once: the test decides when to run it.
            "MAIL_OUTBOX_RETRY_AFTER_SECONDS": "0",
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }
        if beat:
            schedule = self.log_dir / f"{name}-schedule"
            command = [sys.executable, "-m", "celery", "-A", "cms", "beat", "--loglevel=INFO"]
            command.append(f"--schedule={schedule}")
            ready = "beat: Starting..."
        else:
            command = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo", "--loglevel=INFO"]
            command += ["--without-gossip", "--without-mingle", "--without-heartbeat", f"--hostname={name}@%h"]
            ready = "ready."
        with self.log.open("wb") as log:
            process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        log_file = self.log
        wait_for(
            lambda: process.poll() is not None or ready in log_file.read_text(),
            timeout=WORKER_START_TIMEOUT,
            what="the Celery worker to start",
            log=self.log,
        )
        assert process.poll() is None, f"The worker exited:\n{log_file.read_text()[-6000:]}"
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class OwnRedis:
    """A Redis server of the test's own, on a free port, without persistence: the test can stop it (a restart
    comes back empty, as an unpersisted Redis does), hang it (SIGSTOP: connections are accepted, nothing is
    answered) and start it again."""

    def __init__(self, log_dir: Path):
        self.port = free_port()
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> "OwnRedis":
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        with (self.log_dir / f"redis-{self.port}.log").open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        wait_for(lambda: self._answers(client), timeout=20, what=f"redis-server on port {self.port}")
        client.close()
        return self

    @staticmethod
    def _answers(client) -> bool:
        try:
            return client.ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.resume()
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def hang(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)


def redis_caches(url: str) -> dict:
    """The site's CACHES for a Redis at `url`, as cms/settings/base.py builds them, with a short socket timeout."""
    tolerant = {
        "BACKEND": "home.cache.TolerantRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
    return {"default": tolerant, "ratelimit": {**tolerant, "OPTIONS": {**tolerant["OPTIONS"], "RAISE": True}}}
