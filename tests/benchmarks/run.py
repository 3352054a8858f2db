"""`make bench`: the main pages under gunicorn with production settings, next to a trivial Django view.

Builds a throwaway database (SQLite under .bench/, or a new database on the PostgreSQL server that
DATABASE_URL names) with `load_demo`, collects static files, starts gunicorn with 2 workers on a free port of
127.0.0.1, warms every URL up, then measures each with the load generator in load.py and prints requests/s,
p50 and p95 latency and the ratio to the trivial view (the ceiling: same server, same middleware, no work).
gunicorn is stopped and the throwaway database removed whatever happens. Not part of `make test`.

Environment: BENCH_CLIENTS (default 8), BENCH_SECONDS per URL (default 5), BENCH_MAX_REQUESTS per URL
(default 20000), BENCH_KEEP=1 to keep .bench/<run>/ (logs, database) afterwards, BENCH_TICKETS for the check-in
part (tests/benchmarks/checkin.py; default 5000), BENCH_VOTERS for the polls part (tests/benchmarks/polls.py;
default 3000), BENCH_SURVEY_ROWS for the salary survey part (tests/benchmarks/salaries.py; default 200000).
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.benchmarks import checkin, polls, salaries
from tests.benchmarks.load import measure, print_table

# The ceiling, then the pages; add a (name, path) here to benchmark another page. Paths are load_demo's.
TRIVIAL = ("trivial view (ceiling)", "/bench/trivial/")
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

BASE_DIR = Path(__file__).resolve().parents[2]
WORKERS = 2
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 8))
SECONDS = float(os.environ.get("BENCH_SECONDS", 5))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", 20_000))
WARM_UP_REQUESTS = 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThrowawayPostgres:
    """A database of its own on the server DATABASE_URL points at, dropped afterwards."""

    def __init__(self, url: str):
        self.parts = urlsplit(url)
        self.name = f"ddsc_bench_{os.getpid()}"

    def _execute(self, statement: str) -> None:
        import psycopg2

        # CREATE/DROP DATABASE cannot run in a transaction: autocommit, on the server's maintenance database.
        connection = psycopg2.connect(urlunsplit(self.parts._replace(path="/postgres")))
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def create(self) -> str:
        self._execute(f'CREATE DATABASE "{self.name}"')
        return urlunsplit(self.parts._replace(path=f"/{self.name}"))

    def drop(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def manage(env: dict, log, *args: str) -> None:
    log.write(f"\n$ manage.py {' '.join(args)}\n")
    log.flush()
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=log, stderr=log)


def wait_until_serving(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before serving; see gunicorn.log")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{TRIVIAL[1]}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers (its own process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start_gunicorn(env: dict, port: int, log_path: Path) -> subprocess.Popen:
    with open(log_path, "w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", str(WORKERS),
             "--bind", f"127.0.0.1:{port}", "--timeout", "60", "--log-level", "warning"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip


class Server:
    """Another gunicorn on a free port for a part of the benchmark with its own settings."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    @classmethod
    def start(cls, env: dict, run_dir: Path) -> tuple["Server", int]:
        port = free_port()
        process = start_gunicorn(env, port, run_dir / f"gunicorn-{port}.log")
        try:
            wait_until_serving(port, process)
        except RuntimeError:
            stop(process)
            raise
        return cls(process), port

    def stop(self) -> None:
        stop(self.process)


def main() -> int:
    (BASE_DIR / ".bench").mkdir(exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=BASE_DIR / ".bench"))
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        # Local-memory cache, in-process tasks, files on disk: the figures are the site's, not the network's.
        if key not in {"REDIS_URL", "CELERY_BROKER_URL", "EMAIL_URL", "S3_PUBLIC_BUCKET", "S3_PRIVATE_BUCKET"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.bench_settings",
        BENCH_DIR=str(run_dir),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TRUSTED_PROXY_COUNT="0",  # gunicorn is reached directly
        SITE_URL=f"http://127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = ThrowawayPostgres(database_url) if database_url.startswith(("postgres://", "postgresql://")) else None
    server = None
    try:
        env["DATABASE_URL"] = postgres.create() if postgres else f"sqlite:///{run_dir / 'bench.sqlite3'}"
        database = "PostgreSQL" if postgres else "SQLite"
        print(f"Preparing a throwaway {database} database with the demo content (log: {run_dir / 'setup.log'})")
        with open(run_dir / "setup.log", "w") as log:
            manage(env, log, "migrate", "--noinput")
            manage(env, log, "load_demo")
            manage(env, log, "collectstatic", "--noinput")

        server = start_gunicorn(env, port, run_dir / "gunicorn.log")
        wait_until_serving(port, server)

        targets = [TRIVIAL, *PAGES]
        for _name, path in targets:  # first requests make image renditions and fill per-process caches
            measure("127.0.0.1", port, path, clients=WORKERS, seconds=60, max_requests=WARM_UP_REQUESTS)

        print(
            f"gunicorn, {WORKERS} sync workers, production settings, {database}; {CLIENTS} clients for {SECONDS:g} s"
            " per URL. Client and server share this machine's CPUs.\n"
        )
        rows = [(name, measure("127.0.0.1", port, path, CLIENTS, SECONDS, MAX_REQUESTS)) for name, path in targets]
        print_table(rows)
        with open(run_dir / "registrations.log", "w") as log:
            registrations = subprocess.run(
                [sys.executable, "manage.py", "shell", "-c",
                 "from tests.benchmarks.registrations import report; report()"],
                cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False,
            )  # fmt: skip
        failed = f"registration throughput: failed (log: {run_dir / 'registrations.log'})"
        print(registrations.stdout.strip() or failed)
        # The door's scan endpoint (PostgreSQL only), beside the trivial view measured above.
        scans_ok = checkin.report(port, env, run_dir, BASE_DIR, rows[0][1])
        # Voting and the results page (PostgreSQL only), beside the same trivial view.
        polls_ok = polls.report(port, env, run_dir, BASE_DIR, rows[0][1])
        stop(server)
        # The salary survey at full size, on servers of its own (uncached, then cached).
        survey_ok = salaries.report(
            env, run_dir, BASE_DIR, lambda server_env: Server.start(server_env, run_dir), TRIVIAL[1]
        )
        failed = any(result.errors or not result.latencies_ms for _name, result in rows)
        return 1 if failed or not scans_ok or not polls_ok or not survey_ok else 0
    finally:
        if server is not None:
            stop(server)
        if postgres:
            postgres.drop()
        if os.environ.get("BENCH_KEEP"):
            print(f"\nKept {run_dir}")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
