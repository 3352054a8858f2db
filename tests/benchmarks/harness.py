"""What `make bench` (run.py) and `make load` (locust_run.py) share: a throwaway copy of the site and gunicorn.

`throwaway_site()` makes a run directory under .bench/, a database of its own (SQLite in the run directory, or a
new database on the PostgreSQL server that DATABASE_URL names), migrates it, loads the demo content and collects
static files, all with production settings (tests/benchmarks/bench_settings.py); afterwards it drops the database
and removes the directory (BENCH_KEEP=1 keeps the directory). `start_gunicorn` and `Server` serve that copy with
2 sync workers on a free port of 127.0.0.1.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parents[2]
WORKERS = 2
# The trivial view of bench_urls.py: the fastest answer, and the sign that a server is up.
TRIVIAL_PATH = "/bench/trivial/"
# Services a run leaves out unless it asks for them: local-memory cache, in-process tasks, files on disk.
OUTSIDE_SERVICES = {"REDIS_URL", "CELERY_BROKER_URL", "EMAIL_URL", "S3_PUBLIC_BUCKET", "S3_PRIVATE_BUCKET"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThrowawayPostgres:
    """A database of its own on the server DATABASE_URL points at, dropped afterwards."""

    def __init__(self, url: str, name: str):
        self.parts = urlsplit(url)
        self.name = name

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


def manage_output(env: dict, log_path: Path, code: str, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """`manage.py shell -c code` in the throwaway database: stdout is returned (text), stderr goes to `log_path`."""
    with open(log_path, "a") as log:
        return subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=BASE_DIR, env={**env, **(extra_env or {})},
            stdout=subprocess.PIPE, stderr=log, text=True, check=False,
        )  # fmt: skip


def wait_until_serving(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before serving; see gunicorn.log")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{TRIVIAL_PATH}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a process started in a session of its own (gunicorn and its workers, a Celery worker) as a group."""
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
    """A gunicorn on a free port, started and stopped by the part of a run that needs it."""

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


def forget_redis(url: str, *patterns: str) -> None:
    """Remove a run's keys from a Redis database that may serve other work too."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = [key for pattern in patterns for key in client.scan_iter(pattern)]
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@dataclass
class ThrowawaySite:
    # The run's name: its PostgreSQL database, its cache keys' prefix (and a Celery queue, if the run has one).
    name: str
    run_dir: Path
    # The environment for manage.py, gunicorn and Celery on this copy (settings, database, secret key, SITE_URL).
    # A run may add to it; the Redis servers it names at the end are cleared of the keys starting with `name`.
    env: dict
    # The port SITE_URL names, free when the site is handed over: the run starts its main server there.
    port: int
    database: str  # "PostgreSQL" or "SQLite"


@contextmanager
def throwaway_site(*, name_prefix: str = "ddsc_bench", services: frozenset = frozenset()) -> Iterator[ThrowawaySite]:
    """A migrated copy of the site with the demo content and collected static files, removed afterwards.
    `services` names the variables of OUTSIDE_SERVICES the run keeps from the environment (e.g. REDIS_URL)."""
    name = f"{name_prefix}_{os.getpid()}"
    (BASE_DIR / ".bench").mkdir(exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=BASE_DIR / ".bench"))
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in OUTSIDE_SERVICES - set(services)}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.bench_settings",
        BENCH_DIR=str(run_dir),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TRUSTED_PROXY_COUNT="0",  # gunicorn is reached directly
        SITE_URL=f"http://127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
        # A Redis the run keeps may hold another site's cache: this copy's keys (from load_demo on) are its own.
        CACHE_KEY_PREFIX=name,
    )
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = (
        ThrowawayPostgres(database_url, name) if database_url.startswith(("postgres://", "postgresql://")) else None
    )
    try:
        env["DATABASE_URL"] = postgres.create() if postgres else f"sqlite:///{run_dir / 'bench.sqlite3'}"
        database = "PostgreSQL" if postgres else "SQLite"
        print(
            f"Preparing a throwaway {database} database with the demo content (log: {run_dir / 'setup.log'})",
            flush=True,
        )
        began = time.monotonic()
        with open(run_dir / "setup.log", "w") as log:
            manage(env, log, "migrate", "--noinput")
            manage(env, log, "load_demo")
            manage(env, log, "collectstatic", "--noinput")
        print(f"Ready in {time.monotonic() - began:.0f} s (migrate, load_demo, collectstatic).", flush=True)
        yield ThrowawaySite(name, run_dir, env, port, database)
    finally:
        if postgres:
            postgres.drop()
        for url in {env.get("REDIS_URL"), env.get("CELERY_BROKER_URL")} - {None, ""}:
            forget_redis(url, f"{name}*", f"_kombu.binding.{name}")
        if os.environ.get("BENCH_KEEP"):
            print(f"\nKept {run_dir}")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)
