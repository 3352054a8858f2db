"""Fixtures for the integration tests: an SMTP server, a Celery worker on a Redis broker of the test run's own
(sharing this run's PostgreSQL database), a Redis server of the test's own. The helpers are in tests/services.py."""

import os

import pytest
import redis
from celery import current_app

from cms.settings.env import redis_url_with_db
from tests.services import TEST_BROKER_DB, OwnRedis, SMTPServer, Workers, free_port, use_broker


@pytest.fixture
def smtp_server():
    server = SMTPServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def test_broker():
    url = redis_url_with_db(os.environ["REDIS_URL"], TEST_BROKER_DB)
    broker = redis.Redis.from_url(url)
    broker.flushdb()  # tasks left by an earlier, interrupted run would point at rows that no longer exist
    saved = current_app.conf.broker_url, current_app.conf.task_always_eager
    use_broker(url, eager=False)
    yield url
    use_broker(saved[0], eager=saved[1])
    broker.flushdb()
    broker.close()


@pytest.fixture
def workers(transactional_db, test_broker, tmp_path):
    # After transactional_db in the fixture order, so the workers are gone (and their database connections
    # closed) before pytest-django empties the tables and, at the end of the run, drops the test database.
    started = Workers(test_broker, tmp_path)
    yield started
    started.stop_all()


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path).start()
    yield server
    server.stop()
