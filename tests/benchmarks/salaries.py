"""The salary survey for `make bench`: importing BENCH_SURVEY_ROWS respondents (default 200,000) with
`manage.py import_survey` (time and the process's peak memory), then the salary page on that year under gunicorn,
uncached (STATS_CACHE_SECONDS=0: every request computes the percentiles in the database) and cached, each next to
the trivial view of the same server.

The export is written by the demo's generator (stats.synthetic) in a `manage.py shell` of the throwaway database;
the import runs with Celery off (a memory broker, not eager), so its figures are the import's alone, and the
calculator's fit on the same year is timed on its own line.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.load import Measurement, measure, print_table

ROWS = int(os.environ.get("BENCH_SURVEY_ROWS", "200000"))
YEAR = 2031
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "20000"))
PAGES = [
    ("salary page, one question", f"/da/stats/salaries/?year={YEAR}&by=job_title"),
    ("salary page, two questions", f"/da/stats/salaries/?year={YEAR}&by=job_title&then=region"),
]


# --- In the throwaway database (manage.py shell) ------------------------------------------------------------------


def write_export(path: str, rows: int) -> None:
    from stats.synthetic import write_survey

    with open(path, "w", encoding="utf-8", newline="") as out:
        write_survey(out, YEAR, rows, seed=YEAR)


def fit() -> None:
    from stats.models import SurveyYear
    from stats.services.calculator import fit_model

    started = time.monotonic()
    model = fit_model(SurveyYear.objects.get(year=YEAR))
    print(f"FIT {time.monotonic() - started:.1f} {model.respondents if model else 0}")


# --- In run.py's process -----------------------------------------------------------------------------------------


def _shell(env: dict, base_dir: Path, log, code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=base_dir, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False,
    )  # fmt: skip


def _import(env: dict, base_dir: Path, export: Path, log) -> tuple[float, float, int]:
    """Seconds, peak resident memory (MB) and exit code of `manage.py import_survey` on the export."""
    quiet = {**env, "CELERY_TASK_ALWAYS_EAGER": "false", "CELERY_BROKER_URL": "memory://localhost/"}
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_survey", str(export), "--year", str(YEAR)],
        cwd=base_dir, env=quiet, stdout=log, stderr=log,
    )  # fmt: skip
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - started, usage.ru_maxrss / 1024, process.returncode


def _serve_and_measure(start_server, env: dict, trivial_path: str) -> list[tuple[str, Measurement]]:
    server, port = start_server(env)
    try:
        targets = [("trivial view (ceiling)", trivial_path), *PAGES]
        for _name, path in targets:
            measure("127.0.0.1", port, path, clients=2, seconds=60, max_requests=10)
        return [(name, measure("127.0.0.1", port, path, CLIENTS, SECONDS, MAX_REQUESTS)) for name, path in targets]
    finally:
        server.stop()


def report(env: dict, run_dir: Path, base_dir: Path, start_server, trivial_path: str) -> bool:
    """Import the big year, time the fit, measure the page uncached and cached; print the lines."""
    log_path = run_dir / "salaries.log"
    export = run_dir / "survey.csv"
    with open(log_path, "w") as log:
        written = _shell(env, base_dir, log, f"from tests.benchmarks.salaries import write_export; "
                                              f"write_export({str(export)!r}, {ROWS})")  # fmt: skip
        if written.returncode:
            print(f"salary survey: failed to write the export (log: {log_path})")
            return False
        seconds, peak_mb, code = _import(env, base_dir, export, log)
        if code:
            print(f"salary survey: the import failed (log: {log_path})")
            return False
        fitted = _shell(env, base_dir, log, "from tests.benchmarks.salaries import fit; fit()")
    size_mb = export.stat().st_size / 1024 / 1024
    print(f"\nSalary survey: {ROWS:,} respondents ({size_mb:.0f} MB of CSV) imported by manage.py import_survey")
    print(f"  import: {seconds:.1f} s ({ROWS / seconds:,.0f} rows/s), peak memory of the process {peak_mb:.0f} MB")
    fit_line = next((line.split() for line in fitted.stdout.splitlines() if line.startswith("FIT ")), None)
    if fit_line:
        print(f"  calculator fit (Celery task's work, on a sample of {fit_line[2]} respondents): {fit_line[1]} s")

    ok = True
    for label, cache_seconds in (("uncached (STATS_CACHE_SECONDS=0)", "0"), ("cached", None)):
        server_env = {**env, "STATS_CACHE_SECONDS": cache_seconds} if cache_seconds else dict(env)
        rows = _serve_and_measure(start_server, server_env, trivial_path)
        print(f"\nSalary page at {ROWS:,} responses, {label}:")
        print_table(rows)
        for _name, result in rows:
            ok = ok and not result.errors and bool(result.latencies_ms)
    return ok
