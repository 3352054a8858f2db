"""Run callables at the same moment, each in its own thread with its own database connection."""

import threading

from django.db import connection

from home.errors import DomainError


def at_once(jobs) -> list:
    """Run the callables in `jobs` in threads released together by a barrier; return each one's outcome in the
    order of `jobs`: what it returned, the code of the DomainError it raised, or "error: ..." for any other
    failure (which is what the calling test must then show)."""
    start = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(index, job):
        try:
            start.wait()
            outcomes[index] = job()
        except DomainError as error:
            outcomes[index] = error.code
        except Exception as error:  # noqa: BLE001 - any other failure is what the test must show
            outcomes[index] = f"error: {error!r}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes
