"""`make bench`: the main pages under gunicorn with production settings, next to a trivial Django view.

Builds a throwaway database (SQLite under .bench/, or a new database on the PostgreSQL server that
DATABASE_URL names) with `load_demo`, collects static files, starts gunicorn with 2 workers on a free port of
127.0.0.1, warms every URL up, then measures each with the load generator in load.py and prints requests/s,
p50 and p95 latency and the ratio to the trivial view (the ceiling: same server, same middleware, no work).
gunicorn is stopped and the throwaway database removed whatever happens (tests/benchmarks/harness.py, shared
with `make load`). Not part of `make test`.

Environment: BENCH_CLIENTS (default 8), BENCH_SECONDS per URL (default 5), BENCH_MAX_REQUESTS per URL
(default 20000), BENCH_KEEP=1 to keep .bench/<run>/ (logs, database) afterwards, BENCH_ONLY=pages (the pages'
table only) or BENCH_ONLY=door (the trivial view, registration and the door's scans only), BENCH_MAIL=in-request
(see SERVER_TASKS), BENCH_REGISTRATIONS and BENCH_SEATS for the registration part (tests/benchmarks/registrations.py;
defaults 2000 and 150), BENCH_TICKETS for the check-in part (tests/benchmarks/checkin.py; default 5000),
BENCH_VOTERS for the polls part (tests/benchmarks/polls.py; default 3000), BENCH_SURVEY_ROWS for the salary survey
part (tests/benchmarks/salaries.py; default 200000).
"""

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from tests.benchmarks import checkin, harness, load, polls, registrations, salaries, wrk
from tests.benchmarks.harness import BASE_DIR, Server, start_gunicorn, stop, wait_until_serving

# The ceiling, then the pages; add a (name, path) here to benchmark another page. Paths are load_demo's.
TRIVIAL = ("trivial view (ceiling)", harness.TRIVIAL_PATH)
PAGES = [
    ("home page", "/da/"),
    ("news page", "/da/nyheder/meetup-sprogmodeller-i-produktion/"),
    ("news index", "/da/nyheder/"),
    ("search", "/da/search/?query=data"),
    ("board index", "/da/bestyrelsen/"),
    ("article index", "/da/artikler/"),
    ("event index", "/da/arrangementer/"),
    ("event page", "/da/arrangementer/maanedligt-meetup/"),
    ("polls index", "/da/afstemninger/"),
    ("poll page (anonymous)", "/da/afstemninger/valg-af-formand-2027/"),
]

WORKERS = harness.WORKERS
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 8))
SECONDS = float(os.environ.get("BENCH_SECONDS", 5))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
# BENCH_ONLY=pages stops after the pages' table (no registrations, door, polls or survey parts); BENCH_ONLY=door
# measures only the trivial view, registration and the door's scans (tests/benchmarks/registrations.py, checkin.py).
ONLY = os.environ.get("BENCH_ONLY", "")
ONLY_PAGES = ONLY == "pages"
ONLY_DOOR = ONLY == "door"
# The server that registers people hands each ticket mail to a broker, as production does (a worker elsewhere
# renders and sends it): here an in-process memory broker nobody consumes, so the mail stays owed in the outbox,
# where registrations.py counts it. BENCH_MAIL=in-request renders and "sends" it inside the request instead
# (in-process tasks, the bench's other servers' setting), which measures the mail, not the registration.
SERVER_TASKS = {} if os.environ.get("BENCH_MAIL") == "in-request" else {"CELERY_TASK_ALWAYS_EAGER": "false"}
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", 20_000))
WARM_UP_REQUESTS = 40


# The goals (issue 15) as ratios to the trivial view: (uncached, cached); None where there is none.
GOALS = {
    "home page": (0.025, 0.8),
    "news page": (0.051, 0.8),
    "news index": (0.038, 0.8),
    "search": (0.024, None),
    "event index": (0.056, 0.8),
    "event page": (0.05, 0.8),
}


def count_queries(env: dict, run_dir: Path) -> dict:
    """Each page's SQL queries for an anonymous visitor, uncached (tests/benchmarks/queries.py)."""
    paths = [path for _name, path in PAGES]
    with open(run_dir / "queries.log", "w") as log:
        counted = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", "from tests.benchmarks.queries import report; report()"],
            cwd=BASE_DIR, env={**env, "PAGE_CACHE_SECONDS": "0", "BENCH_QUERY_PATHS": json.dumps(paths)},
            stdout=subprocess.PIPE, stderr=log, text=True, check=False,
        )  # fmt: skip
    line = next((line for line in counted.stdout.splitlines() if line.startswith("QUERIES ")), None)
    return json.loads(line.removeprefix("QUERIES ")) if line else {}


def measure_rounds(servers: dict, targets: list, run_dir: Path) -> dict:
    """{server label: {path: [measurement per round]}}: every URL of every server once per round, in turn, so a
    burst of load from elsewhere on the machine lands on all of them alike."""
    found = {label: {path: [] for _name, path in targets} for label in servers}
    for _round in range(ROUNDS):
        for label, server_port in servers.items():
            for _name, path in targets:
                found[label][path].append(
                    wrk.measure("127.0.0.1", server_port, path, CLIENTS, SECONDS, run_dir, MAX_REQUESTS)
                )
    return found


def median_measurement(measurements: list):
    """The round with the median requests/s (its latencies come with it)."""
    ordered = sorted(measurements, key=lambda measurement: measurement.requests_per_second)
    return ordered[len(ordered) // 2]


def median_ratio(measurements: list, ceilings: list) -> float:
    """The median over rounds of the page's requests/s over the trivial view's in the same round."""
    return statistics.median(
        page.requests_per_second / ceiling.requests_per_second if ceiling.requests_per_second else float("nan")
        for page, ceiling in zip(measurements, ceilings, strict=True)
    )


def print_pages_table(rounds: dict, query_counts: dict) -> None:
    columns = f"{'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'ratio':>6} {'goal':>6}"
    header = f"{'page':<22} {'SQL':>4} | uncached: {columns} | cached: {columns} {'errors':>6}"
    print(header + "\n" + "-" * len(header))
    unmet = []
    for name, path in [TRIVIAL, *PAGES]:
        cells = []
        errors = 0
        for index, label in enumerate(("uncached", "cached")):
            measurements = rounds[label][path]
            median = median_measurement(measurements)
            ratio = median_ratio(measurements, rounds[label][TRIVIAL[1]])
            goal = GOALS.get(name, (None, None))[index]
            if goal is not None and not ratio >= goal:
                unmet.append(f"{name} {label} ({ratio:.4f} < {goal})")
            goal_cell = f"{goal:>6}" if goal is not None else f"{'':>6}"
            cells.append(
                f"{median.requests_per_second:>7.0f} {median.percentile(0.5):>6.1f} {median.percentile(0.95):>6.1f}"
                f" {median.percentile(0.99):>6.1f} {ratio:>6.3f} {goal_cell}"
            )
            errors += sum(measurement.errors for measurement in measurements)
        queries = query_counts.get(path)
        queries_cell = f"{queries:>4}" if queries is not None else f"{'':>4}"
        print(f"{name:<22} {queries_cell} | uncached: {cells[0]} | cached: {cells[1]} {errors:>6}")
    print(
        "\nLatencies in ms (the median round's); ratio: the median over rounds of the page's requests/s over the"
        " trivial view's on the same server in the same round. SQL: queries of an uncached anonymous view."
    )
    print("Goals met." if not unmet else "Goals not met: " + "; ".join(unmet))


def door_parts(port: int, env: dict, run_dir: Path) -> bool:
    """BENCH_ONLY=door: the trivial view (the median of ROUNDS runs), then registering and scanning beside it."""
    load.measure("127.0.0.1", port, TRIVIAL[1], WORKERS, seconds=60, max_requests=WARM_UP_REQUESTS)
    ceiling = median_measurement(
        [wrk.measure("127.0.0.1", port, TRIVIAL[1], CLIENTS, SECONDS, run_dir, MAX_REQUESTS) for _ in range(ROUNDS)]
    )
    print(
        f"gunicorn, {WORKERS} sync workers, production settings, PostgreSQL; the trivial view from"
        f" {'wrk' if wrk.wrk_path() else 'the Python load generator'} ({CLIENTS} connections, the median of {ROUNDS}"
        f" runs of {SECONDS:g} s): {ceiling.requests_per_second:.0f} req/s, p50 {ceiling.percentile(0.5):.1f} ms,"
        f" p95 {ceiling.percentile(0.95):.1f} ms. Load average {os.getloadavg()[0]:.2f}."
    )
    registrations_ok = registrations.report(port, env, run_dir, BASE_DIR, ceiling)
    scans_ok = checkin.report(port, env, run_dir, BASE_DIR, ceiling)
    return registrations_ok and scans_ok


def main() -> int:
    with harness.throwaway_site() as site:
        return measure(site.env, site.run_dir, site.port, site.database)


def measure(env: dict, run_dir: Path, port: int, database: str) -> int:
    server = cached_server = None
    try:
        if ONLY_DOOR:  # the same server as the full run's door parts: the page cache off
            server = start_gunicorn({**env, **SERVER_TASKS, "PAGE_CACHE_SECONDS": "0"}, port, run_dir / "gunicorn.log")
            wait_until_serving(port, server)
            return 0 if door_parts(port, env, run_dir) else 1
        query_counts = count_queries(env, run_dir)
        # Two servers side by side: the page cache off (every request renders) and on (the default).
        server = start_gunicorn({**env, **SERVER_TASKS, "PAGE_CACHE_SECONDS": "0"}, port, run_dir / "gunicorn.log")
        wait_until_serving(port, server)
        cached_server, cached_port = Server.start(env, run_dir)
        servers = {"uncached": port, "cached": cached_port}

        targets = [TRIVIAL, *PAGES]
        for server_port in servers.values():  # first requests make image renditions and fill per-process caches
            for _name, path in targets:
                load.measure("127.0.0.1", server_port, path, WORKERS, seconds=60, max_requests=WARM_UP_REQUESTS)

        generator = "wrk" if wrk.wrk_path() else "the Python load generator (wrk is missing)"
        print(
            f"gunicorn, {WORKERS} sync workers, production settings, {database}; load from {generator}, {CLIENTS}"
            f" connections for {SECONDS:g} s per URL, {ROUNDS} interleaved rounds (medians). Client and server"
            " share this machine's CPUs.\n"
        )
        rounds = measure_rounds(servers, targets, run_dir)
        print_pages_table(rounds, query_counts)
        trivial = median_measurement(rounds["uncached"][TRIVIAL[1]])
        rows = [(TRIVIAL[0], trivial)] + [(name, median_measurement(rounds["uncached"][path])) for name, path in PAGES]
        cached_server.stop()
        pages_failed = any(result.errors or not result.latencies_ms for _name, result in rows)
        if ONLY_PAGES:
            return 1 if pages_failed else 0
        # Registering over HTTP, then the door's scan endpoint (PostgreSQL only), beside the trivial view above.
        registrations_ok = registrations.report(port, env, run_dir, BASE_DIR, rows[0][1])
        scans_ok = checkin.report(port, env, run_dir, BASE_DIR, rows[0][1])
        # Voting and the results page (PostgreSQL only), beside the same trivial view.
        polls_ok = polls.report(port, env, run_dir, BASE_DIR, rows[0][1])
        stop(server)
        # The salary survey at full size, on servers of its own (uncached, then cached).
        survey_ok = salaries.report(
            env, run_dir, BASE_DIR, lambda server_env: Server.start(server_env, run_dir), TRIVIAL[1]
        )
        return 1 if pages_failed or not registrations_ok or not scans_ok or not polls_ok or not survey_ok else 0
    finally:
        if server is not None:
            stop(server)
        if cached_server is not None:
            cached_server.stop()


if __name__ == "__main__":
    sys.exit(main())
