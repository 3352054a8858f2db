"""How long a call took, and how much of that it only waited for a CPU, for the tests that bound a request's time.

On a busy machine (two cores shared by other test runs) a thread that is ready to run can wait in the kernel's run
queue for a second and more: that wait is the machine's, not the site's. A socket timeout, a retry's sleep, a
lock or a slow query is not in it: a thread that waits for those is asleep, not queued for a CPU. So the time a
call needed is its wall-clock time less its run-queue wait, read from Linux's scheduler statistics
(/proc/<pid>/task/<tid>/schedstat). Where those are missing the wait reads as 0: plain wall-clock time.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds from call to answer
    cpu_wait: float  # of which the calling thread was ready to run but had no CPU

    @property
    def seconds(self) -> float:
        """What the call took, without the time the machine had no CPU free for it."""
        return self.wall - self.cpu_wait


def run_queue_wait() -> float:
    """Seconds the calling thread has spent waiting for a CPU since it started (0 without scheduler statistics)."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def timed(call: Callable[[], T]) -> tuple[T, Timing]:
    waited = run_queue_wait()
    started = time.perf_counter()
    result = call()
    wall = time.perf_counter() - started
    return result, Timing(wall, run_queue_wait() - waited)
