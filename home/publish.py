"""Handing a task to the broker from a web request: bounded in time, and skipped for a while after a failure.

A request that owes background work (a mail, a newsletter sync) must not wait for a broker that is down, hung or
slow. `publish` gives the broker PUBLISH_TIMEOUT_SECONDS on a background thread and then moves on; after a
failure or a timeout it does not try again in this process for PUBLISH_PAUSE_SECONDS, so during an outage no
request pays the timeout. What could not be published stays owed in the database for its sweeper
(`home.tasks.resend_owed_mail` for mail).
"""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from celery import Task, current_app
from django.conf import settings

logger = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_paused_until = 0.0


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            # A few threads: one stuck on a hung broker (until its socket timeout) does not hold the next publish.
            _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="publish")
        return _executor


def broker_paused() -> bool:
    return time.monotonic() < _paused_until


def resume() -> None:
    """Forget an earlier failure (tests; a process that knows the broker is back)."""
    global _paused_until
    _paused_until = 0.0


def _pause(reason: str) -> None:
    global _paused_until
    _paused_until = time.monotonic() + settings.PUBLISH_PAUSE_SECONDS
    logger.warning(
        "Could not hand a task to the broker (%s); not trying again for %s s", reason, settings.PUBLISH_PAUSE_SECONDS
    )


def _hand_over(task: Task, args: tuple) -> None:
    """Publish on a pooled producer whose connection is made with one try. kombu's own way to a lost connection
    is to retry it, sleeping 2 s and more in between, for up to broker_connection_timeout: a broker that is
    simply stopped would then hold the request for all of PUBLISH_TIMEOUT_SECONDS instead of failing at once."""
    with current_app.producer_or_acquire() as producer:
        producer.connection.ensure_connection(max_retries=0)
        task.apply_async(args, retry=False, producer=producer)


def publish(task: Task, *args) -> bool:
    """Send `task(*args)` to the broker, or run it here when tasks run in process. Returns whether it was sent in
    time; False means it may still go out late or is left to its sweeper (sending twice is harmless: the tasks
    are idempotent). Never raises and never takes much longer than PUBLISH_TIMEOUT_SECONDS."""
    if current_app.conf.task_always_eager:
        task.delay(*args)
        return True
    if broker_paused():
        logger.info("Broker paused after a failure; %s%r left to its sweeper", task.name, args)
        return False
    future = _pool().submit(_hand_over, task, args)
    try:
        future.result(timeout=settings.PUBLISH_TIMEOUT_SECONDS)
    except FutureTimeout:
        _pause(f"no answer within {settings.PUBLISH_TIMEOUT_SECONDS} s")
        # A broker that was only slow (a first connection on a busy machine) still takes the task on the thread;
        # then the pause is lifted at once instead of leaving the next mails to the sweeper.
        future.add_done_callback(lambda done: done.exception() is None and resume())
        return False
    except Exception as exc:  # noqa: BLE001 - whatever the broker does, the request goes on
        _pause(f"{type(exc).__name__}: {exc}")
        return False
    return True
