"""Check-in throughput for `make bench`: the door's scan endpoint (POST /da/events/<id>/checkin/scan/) under
gunicorn, from BENCH_CLIENTS concurrent scanners, next to the trivial view measured in the same run.

`prepare()` runs in the throwaway database through `manage.py shell` (run.py does this after load_demo): it makes
one event with BENCH_TICKETS tickets (default 5 000, made in bulk), a volunteer assigned to it, a logged-in session
for the volunteer and a CSRF secret, and prints them as one JSON line. `report()` then drives the endpoint the way
the scanner page does (JSON body with a fresh client_id, the session cookie, the CSRF cookie and X-CSRFToken
header) in two phases:

- "first scans": every request scans a ticket nobody has scanned yet, so every answer is "checked_in" (the
  conditional UPDATE, the read-back, the log row and the counts over all tickets);
- "repeat scans": the tickets of the first phase again, round and round, so every answer is "already".

Only a 200 whose state is the expected one counts as served; anything else is an error. PostgreSQL only (as the
registration figure): without it one line says the part was skipped.
"""

import http.client
import itertools
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from tests.benchmarks.load import Measurement

TICKETS = int(os.environ.get("BENCH_TICKETS", "5000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
WARM_UP_SCANS = 40


# --- In the throwaway database (manage.py shell) ------------------------------------------------------------------


def prepare() -> None:
    import datetime

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone, translation
    from django.utils.crypto import get_random_string

    from events import services
    from events.models import EventIndexPage, EventPage, Registration
    from events.models.registrations import new_token_salt, short_code_for, ticket_token_for, ticket_token_hash

    if connection.vendor != "postgresql":
        print(json.dumps({"skip": "needs PostgreSQL; set DATABASE_URL"}))
        return
    index = EventIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    start = timezone.now() + datetime.timedelta(hours=1)
    event = index.add_child(
        instance=EventPage.with_new_event(
            title="Check-in bench", slug=f"checkin-bench-{int(time.time())}", start=start,
            end=start + datetime.timedelta(hours=3), summary="Bench", capacity=None,
        )
    )  # fmt: skip
    event.save_revision().publish()
    User = get_user_model()
    volunteer = User.objects.create_user(email=f"door-{event.pk}@example.com", password=None, is_verified=True)
    volunteer.first_name, volunteer.last_name = "Bench", "Volunteer"
    volunteer.save(update_fields=["first_name", "last_name"])
    services.assign_volunteer(event, volunteer, by=None)  # joins the Volunteers group too

    holders = User.objects.bulk_create(
        [
            User(email=f"guest{n}-{event.pk}@example.com", first_name=f"Guest{n}", last_name="Bench", password="!")
            for n in range(TICKETS)
        ],
        batch_size=1000,
    )
    salts = [new_token_salt() for _ in holders]
    tokens = [ticket_token_for(salt) for salt in salts]
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event.event, user=user, status=Registration.Status.CONFIRMED, token_salt=salt,
                token_hash=ticket_token_hash(token), short_code=short_code_for(token), confirmed_at=now,
                accepted_terms=True,
            )
            for user, salt, token in zip(holders, salts, tokens, strict=True)
        ],
        batch_size=1000,
    )  # fmt: skip

    client = Client()
    client.force_login(volunteer)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("events:checkin_scan", kwargs={"event_id": event.event_id})
    tokens_file = Path(settings.BENCH_DIR) / "checkin-tokens.txt"
    tokens_file.write_text("\n".join(tokens))
    print(
        json.dumps(
            {
                "path": path,
                "session_cookie": f"{settings.SESSION_COOKIE_NAME}={session.value}",
                "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
                "csrf": get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS),
                "tokens_file": str(tokens_file),
                "event": event.event_id,
            }
        )
    )


# --- In run.py's process -----------------------------------------------------------------------------------------


def measure_scans(
    port: int, setup: dict, codes, *, expected: str, clients: int, seconds: float, max_requests: int
) -> tuple[Measurement, dict]:
    """POST a scan of the next code from `codes` (an iterator shared by the threads) from `clients` threads until
    `seconds` pass, `max_requests` were sent or the codes run out. Returns the measurement (a 200 whose state is
    `expected` counts as served) and how many answers had which state."""
    lock = threading.Lock()
    latencies: list[float] = []
    states: dict[str, int] = {}
    counters = {"sent": 0, "errors": 0}
    deadline = time.perf_counter() + seconds
    headers = {
        "Content-Type": "application/json",
        "Cookie": f"{setup['session_cookie']}; {setup['csrf_cookie_name']}={setup['csrf']}",
        "X-CSRFToken": setup["csrf"],
    }

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        own: list[float] = []
        own_states: dict[str, int] = {}
        errors = 0
        while time.perf_counter() < deadline:
            with lock:
                code = next(codes, None)
                if code is None or counters["sent"] >= max_requests:
                    break
                counters["sent"] += 1
            body = json.dumps({"code": code, "client_id": uuid.uuid4().hex, "source": "camera"})
            started = time.perf_counter()
            state = "error"
            try:
                connection.request("POST", setup["path"], body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                ok = response.status == 200
                state = json.loads(payload)["result"]["state"] if ok else f"HTTP {response.status}"
            except (OSError, http.client.HTTPException, ValueError, KeyError):
                connection.close()
            own_states[state] = own_states.get(state, 0) + 1
            if state == expected:
                own.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1
        connection.close()
        with lock:
            latencies.extend(own)
            counters["errors"] += errors
            for key, value in own_states.items():
                states[key] = states.get(key, 0) + value

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Measurement(setup["path"], time.perf_counter() - started, latencies, counters["errors"]), states


def report(port: int, env: dict, run_dir: Path, base_dir: Path, ceiling: Measurement) -> bool:
    """Prepare the event and measure the scan endpoint; print the lines. False when something failed."""
    log_path = run_dir / "checkin.log"
    with open(log_path, "w") as log:
        prepared = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", "from tests.benchmarks.checkin import prepare; prepare()"],
            cwd=base_dir, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False,
        )  # fmt: skip
    lines = [line for line in prepared.stdout.splitlines() if line.startswith("{")]
    if prepared.returncode or not lines:
        print(f"check-in scans: failed to prepare (log: {log_path})")
        return False
    setup = json.loads(lines[-1])
    if "skip" in setup:
        print(f"check-in scans: skipped ({setup['skip']})")
        return True
    tokens = Path(setup["tokens_file"]).read_text().split()
    warm_up, fresh = tokens[:WARM_UP_SCANS], tokens[WARM_UP_SCANS:]
    measure_scans(port, setup, iter(warm_up), expected="checked_in", clients=2, seconds=60, max_requests=len(warm_up))

    first, first_states = measure_scans(
        port, setup, iter(fresh), expected="checked_in", clients=CLIENTS, seconds=SECONDS, max_requests=len(fresh)
    )
    scanned = fresh[: sum(first_states.values())] or warm_up
    repeat, repeat_states = measure_scans(
        port, setup, itertools.cycle(scanned), expected="already", clients=CLIENTS, seconds=SECONDS,
        max_requests=10 * TICKETS,
    )  # fmt: skip

    ceiling_rps = ceiling.requests_per_second or float("nan")
    print(
        f"\nCheck-in scans: POST {setup['path']} as an assigned volunteer (session + CSRF), {CLIENTS} scanners for"
        f" {SECONDS:g} s per row, on an event with {len(tokens)} tickets; each request has a new client_id."
    )
    header = f"{'scan':<34} {'scans/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'x ceiling':>9} {'errors':>6}  answers"
    print(header)
    print("-" * len(header))
    rows = [
        ("trivial view (ceiling)", ceiling, {}),
        ("first scans (each ticket once)", first, first_states),
        ("repeat scans (already checked in)", repeat, repeat_states),
    ]
    for name, result, states in rows:
        answers = ", ".join(f"{state} {count}" for state, count in sorted(states.items()))
        print(
            f"{name:<34} {result.requests_per_second:>8.1f} {result.percentile(0.5):>8.1f}"
            f" {result.percentile(0.95):>8.1f} {result.requests_per_second / ceiling_rps:>9.2f} {result.errors:>6}"
            f"  {answers}"
        )
    if len(fresh) <= sum(first_states.values()):
        print(f"(all {len(fresh)} fresh tickets were used up: raise BENCH_TICKETS for a full {SECONDS:g} s)")
    return not (first.errors or repeat.errors or not first.latencies_ms or not repeat.latencies_ms)
