"""`make load`: a bounded crowd (tests/benchmarks/locustfile.py, run by locust headless) against gunicorn on
127.0.0.1, then a check that nothing broke: no 5xx, no oversold seat, no lost or doubled mail.

On the harness `make bench` uses (tests/benchmarks/harness.py: a throwaway database with the demo content,
production settings, gunicorn with 2 sync workers), plus an SMTP server of its own (aiosmtpd, in this process)
that every mail goes to. With REDIS_URL the site runs as deployed: the cache and page cache in Redis, mail
handed to a Celery worker (2 processes) through the broker (CELERY_BROKER_URL, else REDIS_URL itself) on a
queue of this run's own; the run's queue and cache keys are removed afterwards. After the run the outbox is swept
as beat would (locust_site.outcome). Without REDIS_URL tasks run in the web process and the cache is each
process's memory.

For LOAD_SECONDS (default 60), LOAD_USERS (default 60) users: two door volunteers, LOAD_MEMBERS (default 20)
members registering for the demo's monthly meetup (LOAD_REGISTRATIONS_PER_MINUTE between them, default 600;
LOAD_SEATS seats, default a sixth of the registrations aimed for, then the waiting list), and anonymous visitors in
Danish and English for the rest. Locust prints its table (requests/s, failures, percentiles per endpoint); then
the database is read once no mail is owed (at most LOAD_MAIL_WAIT s, default 90) and `verdict` decides: the
run fails on any 5xx, any request without an answer or with another answer than expected, a registration the
server answered (the redirect) but did not record, more tickets than seats, a registration that owes no mail or
owes two, a mail still owed or given up, a mail the SMTP server never got or got twice (counted by Message-ID).
"""

import json
import math
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.benchmarks import harness
from tests.benchmarks.harness import BASE_DIR, free_port, manage_output, start_gunicorn, stop, wait_until_serving

SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
USERS = int(os.environ.get("LOAD_USERS", "60"))
MEMBERS = int(os.environ.get("LOAD_MEMBERS", "20"))
VOLUNTEERS = 2
REGISTRATIONS_PER_MINUTE = float(os.environ.get("LOAD_REGISTRATIONS_PER_MINUTE", "600"))
SCAN_SECONDS = float(os.environ.get("LOAD_SCAN_SECONDS", "1"))
EXPECTED_REGISTRATIONS = math.ceil(REGISTRATIONS_PER_MINUTE / 60 * SECONDS)
# Few enough seats that the meetup fills early even when the machine keeps up with far fewer registrations than
# aimed for: the race for the last seat and the waiting list after it are what the oversold check is about.
SEATS = int(os.environ.get("LOAD_SEATS", max(1, EXPECTED_REGISTRATIONS // 6)))
WORKER_START_TIMEOUT = 60


def _listing(counts: dict) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


def verdict(summary: dict | None, outcome: dict | None, received: list[str]) -> list[str]:
    """What went wrong in a run, one sentence each; empty when it passed. `summary` is what the crowd wrote
    (locustfile.py), `outcome` what the database held afterwards (locust_site.outcome), `received` the
    Message-ID of every mail the SMTP server accepted, in order."""
    if summary is None:
        return ["the crowd wrote no summary (see locust's output above)"]
    if outcome is None:
        return ["the database could not be read after the run (see load.log)"]
    failures = []
    if errors := sum(summary["server_errors"].values()):
        failures.append(f"{errors} server errors (5xx): {_listing(summary['server_errors'])}")
    if unanswered := sum(summary["no_answer"].values()):
        failures.append(f"{unanswered} requests got no answer: {_listing(summary['no_answer'])}")
    if unexpected := sum(summary["unexpected"].values()):
        failures.append(f"{unexpected} unexpected answers: {_listing(summary['unexpected'])}")
    if not summary["registered"]:
        failures.append("nobody registered")
    if not summary["scans"]:
        failures.append("no ticket was scanned at the door")
    if outcome["capacity"] is not None and outcome["confirmed"] > outcome["capacity"]:
        failures.append(f"oversold: {outcome['confirmed']} tickets for {outcome['capacity']} seats")
    if (lost := summary["registered"] - outcome["registrations"]) > 0:
        failures.append(f"{lost} registrations answered with the redirect are not in the database")
    if outcome["without_mail"]:
        failures.append(f"{len(outcome['without_mail'])} registrations owe no mail")
    if outcome["mailed_twice"]:
        failures.append(f"{len(outcome['mailed_twice'])} registrations owe two mails or more")
    if outcome["owed"]:
        failures.append(f"{outcome['owed']} mails still owed {outcome['mail_wait_seconds']:g} s after the run")
    if outcome["given_up"]:
        failures.append(f"{outcome['given_up']} mails given up")
    copies = Counter(received)
    if never := sum(1 for message_id in outcome["message_ids"] if not copies[message_id]):
        failures.append(f"{never} mails never reached the SMTP server")
    if twice := sum(1 for message_id in outcome["message_ids"] if copies[message_id] > 1):
        failures.append(f"{twice} mails reached the SMTP server more than once")
    return failures


def start_worker(env: dict, run_dir: Path, queue: str) -> subprocess.Popen:
    """A Celery worker (2 processes, as docker-compose.yml runs it) on the run's queue. No beat: its other
    schedules (poll invitations to every account, reminders) would mail at random moments of the run; the outbox
    sweep, the one that matters here, locust_site.outcome() does after the crowd has gone."""
    log_path = run_dir / "celery.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "cms", "worker", "--concurrency", "2", "--queues", queue,
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--hostname", f"{queue}@%h"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while " ready." not in log_path.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"the Celery worker did not start; see {log_path}")
        time.sleep(0.3)
    return process


def _json_line(stdout: str, prefix: str) -> dict | None:
    line = next((line for line in stdout.splitlines() if line.startswith(prefix)), None)
    return json.loads(line.removeprefix(prefix)) if line else None


def run_crowd(env: dict, run_dir: Path, port: int, setup_path: Path) -> dict | None:
    """Locust, headless, for SECONDS; its table goes to this terminal. Returns the crowd's summary."""
    summary_path = run_dir / "load-summary.json"
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
         "--users", str(USERS), "--spawn-rate", str(max(1, USERS // 5)), "--run-time", f"{SECONDS:g}s",
         "--host", f"http://127.0.0.1:{port}", "--only-summary", "--stop-timeout", "10",
         "--exit-code-on-error", "0", "--loglevel", "WARNING"],
        cwd=BASE_DIR, check=False,
        env={**env, "PYTHONPATH": str(BASE_DIR), "LOAD_SETUP": str(setup_path), "LOAD_SUMMARY": str(summary_path),
             "LOAD_MEMBERS": str(MEMBERS), "LOAD_REGISTRATIONS_PER_MINUTE": f"{REGISTRATIONS_PER_MINUTE:g}",
             "LOAD_SCAN_SECONDS": f"{SCAN_SECONDS:g}"},
    )  # fmt: skip
    return json.loads(summary_path.read_text()) if summary_path.exists() else None


def report(summary: dict | None, outcome: dict | None, received: list[str], failures: list[str]) -> None:
    if summary and outcome:
        registered = summary["registered"]
        print(
            f"\nRegistrations: {registered} answered ({registered / SECONDS * 60:.0f} a minute, aim"
            f" {REGISTRATIONS_PER_MINUTE:g}); {outcome['confirmed']} tickets for {outcome['capacity']} seats,"
            f" {outcome['waiting']} on the waiting list; {outcome['registrations']} in the database."
        )
        if outcome["confirmed"] < (outcome["capacity"] or 0):
            print("  (the meetup did not fill up: no race for the last seat; lower LOAD_SEATS)")
        owed = outcome["message_ids"]
        copies = Counter(received)
        print(
            f"Mail: {len(owed)} owed by the registrations, {len(owed) - outcome['owed'] - outcome['given_up']} marked"
            f" sent, {sum(1 for message_id in owed if copies[message_id] == 1)} of them at the SMTP server exactly"
            f" once; the outbox was empty {outcome['mail_wait_seconds']:g} s after the run."
        )
        if outcome["other_mail"]:
            print(
                f"  Also {sum(outcome['other_mail'].values())} other mails: {_listing(outcome['other_mail'])};"
                f" {len(received)} mails arrived in all."
            )
        print(f"Door: {summary['scans']} scans answered as expected (new ticket: checked in; shown again: already).")
    print("\nPASSED: no server error, no oversold seat, no lost or doubled mail." if not failures else "\nFAILED:")
    for failure in failures:
        print(f"  - {failure}")


def main() -> int:
    if USERS - MEMBERS - VOLUNTEERS < 0:
        print(f"LOAD_USERS ({USERS}) must be at least LOAD_MEMBERS ({MEMBERS}) + {VOLUNTEERS} door volunteers.")
        return 2
    with harness.throwaway_site(
        name_prefix="ddsc_load", services=frozenset({"REDIS_URL", "CELERY_BROKER_URL"})
    ) as site:
        return run(site)


def run(site: harness.ThrowawaySite) -> int:
    from tests.services import SMTPServer

    # The harness clears the run's keys (cache, and this queue) from the Redis servers site.env names at the end.
    env, run_dir, queue = site.env, site.run_dir, site.name
    smtp = SMTPServer(free_port()).start()
    redis_url = env.get("REDIS_URL")
    if redis_url:
        env.setdefault("CELERY_BROKER_URL", redis_url)
    env.update(
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        BENCH_CELERY_QUEUE=queue,
        # The sweep after the run resends a mail whose hand-over to the broker timed out under load once nobody
        # touched it for 10 s (in production: 120 s).
        MAIL_OUTBOX_RETRY_AFTER_SECONDS="10",
        LOAD_SEATS=str(SEATS),
        LOAD_ACCOUNTS=str(math.ceil(EXPECTED_REGISTRATIONS * 1.25) + MEMBERS),
        LOAD_DOOR_TICKETS=str(math.ceil(VOLUNTEERS * SECONDS / SCAN_SECONDS * 1.25) + 20),
    )
    log_path = run_dir / "load.log"
    server = worker = None
    try:
        prepared = manage_output(env, log_path, "from tests.benchmarks.locust_site import prepare; prepare()")
        setup_line = next((line for line in prepared.stdout.splitlines() if line.startswith("SETUP ")), None)
        if prepared.returncode or not setup_line:
            print(f"Could not prepare the run; see {log_path}")
            return 1
        setup_path = Path(setup_line.removeprefix("SETUP "))
        server = start_gunicorn(env, site.port, run_dir / "gunicorn.log")
        wait_until_serving(site.port, server)
        worker = start_worker(env, run_dir, queue) if redis_url else None
        mail = "a Celery worker (2 processes)" if worker else "in-process tasks (no REDIS_URL)"
        print(
            f"Load: {SECONDS:g} s, {USERS} users ({USERS - MEMBERS - VOLUNTEERS} anonymous visitors in Danish and"
            f" English, {MEMBERS} members registering, {VOLUNTEERS} door volunteers scanning) against gunicorn"
            f" ({harness.WORKERS} sync workers, production settings) on {site.database},"
            f" {'Redis' if redis_url else 'local-memory'} cache, mail through {mail} to a local SMTP server."
            " Locust, the server and the worker share this machine's CPUs.\n",
            flush=True,  # before locust's table, also when the output goes to a file
        )
        summary = run_crowd(env, run_dir, site.port, setup_path)
        stop(server)
        event = json.loads(setup_path.read_text())["meetup"]["event"]
        checked = manage_output(
            env, log_path, "from tests.benchmarks.locust_site import outcome; outcome()", {"LOAD_EVENT": str(event)}
        )
        outcome = _json_line(checked.stdout, "OUTCOME ")
        received = [message["Message-ID"] for _recipients, message in list(smtp.inbox.received)]
        failures = verdict(summary, outcome, received)
        report(summary, outcome, received, failures)
        if failures:
            print(f"Logs: {run_dir} (gunicorn.log, celery.log, load.log; BENCH_KEEP=1 keeps them)")
        return 1 if failures else 0
    finally:
        for process in (server, worker):
            if process is not None:
                stop(process)
        smtp.stop()


if __name__ == "__main__":
    sys.exit(main())
