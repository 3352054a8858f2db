"""A small HTTP load generator: N client threads, each on its own keep-alive connection, for a fixed time."""

import http.client
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Measurement:
    path: str
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def requests_per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def drive(host: str, port: int, path: str, send, *, clients: int, seconds: float, max_requests: int, items=None):
    """Call `send(connection, item)` from `clients` threads, each on its own keep-alive connection, with the next
    of `items` (an iterator the threads share; None: no items), until `seconds` pass, `max_requests` were sent or
    the items run out. `send` returns whether the answer counts as served; anything else (or a broken
    connection) is an error and is not in the latencies. `path` names the measurement."""
    lock = threading.Lock()
    latencies: list[float] = []
    counters = {"sent": 0, "errors": 0}
    deadline = time.perf_counter() + seconds

    def client() -> None:
        # gunicorn's sync workers close the connection after each answer; http.client then reconnects.
        connection = http.client.HTTPConnection(host, port, timeout=30)
        own: list[float] = []
        errors = 0
        while time.perf_counter() < deadline:
            with lock:
                item = next(items, None) if items is not None else True
                if item is None or counters["sent"] >= max_requests:
                    break
                counters["sent"] += 1
            started = time.perf_counter()
            try:
                ok = send(connection, item)
            except (OSError, http.client.HTTPException):
                connection.close()
                ok = False
            if ok:
                own.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1
        connection.close()
        with lock:
            latencies.extend(own)
            counters["errors"] += errors

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Measurement(path, time.perf_counter() - started, latencies, counters["errors"])


def print_table(rows: list[tuple[str, Measurement]]) -> None:
    """One line per measured URL with its ratio to the first row (the trivial view of the same server)."""
    ceiling = rows[0][1].requests_per_second or float("nan")
    header = f"{'page':<30} {'path':<50} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'x ceiling':>9} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for name, result in rows:
        print(
            f"{name:<30} {result.path:<50} {result.requests_per_second:>8.1f} {result.percentile(0.5):>8.1f}"
            f" {result.percentile(0.95):>8.1f} {result.requests_per_second / ceiling:>9.3f} {result.errors:>6}"
        )


def measure(host: str, port: int, path: str, clients: int, seconds: float, max_requests: int) -> Measurement:
    """GET `path` from `clients` threads until `seconds` pass or `max_requests` were sent. Only 200 answers
    count as served."""

    def get(connection, _item) -> bool:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status == 200

    return drive(host, port, path, get, clients=clients, seconds=seconds, max_requests=max_requests)
