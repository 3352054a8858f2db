"""Registration for `make bench`: the event page's register form (POST /da/events/<page id>/register/) under
gunicorn, from BENCH_CLIENTS concurrent members, next to the trivial view measured in the same run.

`prepare()` runs in the throwaway database through `manage.py shell` (run.py does this after load_demo): it adds an
event with BENCH_SEATS seats (default 150) and a waiting list under the demo's Danish events index, and
BENCH_REGISTRATIONS activated accounts (default 2 000, made in bulk) with an active membership and a logged-in
session each, and prints one JSON line. `report()` then posts the form the way the browser does (the session and
CSRF cookies, the CSRF field, the ticking of the terms), each request as the next member who has not registered, so
every one goes through the seat lock: the first BENCH_SEATS get tickets, the rest the waiting list.

A 302 back to the event page is served; the message it carries (the `messages` cookie) says ticket, waiting list
or error, and an error counts as one. Afterwards the database is asked: the tickets must not exceed the seats
(never oversold), the registrations must equal the served answers, and each must owe exactly one mail in the
outbox (the ticket or the waiting-list mail). PostgreSQL only: without it one line says the part was skipped.

The figures are per minute, the unit of the goal (issue 15: 3 000 a minute with p95 <= 300 ms at 8 clients).
"""

import base64
import binascii
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path
from urllib.parse import unquote, urlencode

from tests.benchmarks.load import Measurement, drive

PEOPLE = int(os.environ.get("BENCH_REGISTRATIONS", "2000"))
SEATS = int(os.environ.get("BENCH_SEATS", "150"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
WARM_UP = 40

# django.contrib.messages levels, as the messages cookie carries them.
ANSWERS = {25: "ticket", 20: "waiting list", 40: "error"}


# --- In the throwaway database (manage.py shell) ------------------------------------------------------------------


def prepare() -> None:
    import datetime

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone, translation

    from community.models import Member
    from events.models import EventIndexPage, EventPage, RegistrationTerms
    from tests.benchmarks.accounts import csrf_secret, sessions_for

    if connection.vendor != "postgresql":
        print(json.dumps({"skip": "needs PostgreSQL; set DATABASE_URL"}))
        return
    index = EventIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    now = timezone.now()
    start = now + datetime.timedelta(days=30)
    page = index.add_child(
        instance=EventPage.with_new_event(
            title="Registration bench", slug=f"registration-bench-{int(time.time())}", start=start,
            end=start + datetime.timedelta(hours=3), summary="Bench", capacity=SEATS,
        )
    )  # fmt: skip
    page.save_revision().publish()
    page = EventPage.objects.select_related("event").get(pk=page.pk)
    event = page.event
    event.waiting_list = True
    event.members_only = True  # every request then asks for the membership too, as a members' event does
    event.terms = RegistrationTerms.objects.first()
    event.save()

    User = get_user_model()
    stamp = page.pk
    people = User.objects.bulk_create(
        [
            User(email=f"member{n}-{stamp}@example.com", first_name=f"Member{n}", last_name="Bench", password="!",
                 is_verified=True)
            for n in range(PEOPLE)
        ],
        batch_size=1000,
    )  # fmt: skip
    Member.objects.bulk_create(
        [
            Member(user=person, status=Member.Status.ACTIVE, street="Benchvej 1", postal_code="2100",
                   city="København", accepted_statutes_at=now, decided_at=now)
            for person in people
        ],
        batch_size=1000,
    )  # fmt: skip
    keys = sessions_for(people)

    csrf = csrf_secret()
    form = {"csrfmiddlewaretoken": csrf}
    if event.terms_id:
        form["accept_terms"] = "1"
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("events:register", kwargs={"page_id": page.pk})
    sessions_file = Path(settings.BENCH_DIR) / "registration-sessions.txt"
    sessions_file.write_text("\n".join(keys))
    print(
        json.dumps(
            {
                "path": path,
                "page_path": page.url,
                "body": urlencode(form),
                "session_cookie_name": settings.SESSION_COOKIE_NAME,
                "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
                "messages_cookie_name": CookieStorage.cookie_name,
                "csrf": csrf,
                "sessions_file": str(sessions_file),
                "event": event.pk,
                "seats": event.capacity,
            }
        )
    )


def tally(event_id: int) -> None:
    """One JSON line: the event's tickets, waiting places, people registered twice and mails owed or sent."""
    from django.db.models import Count

    from events.models import Registration
    from home.models import OutboxMail

    registrations = Registration.objects.filter(event_id=event_id)
    # By recipient (each bench member has an address of their own): a sent row's context is emptied.
    emails = list(registrations.values_list("user__email", flat=True))
    mails = OutboxMail.objects.filter(template__in=["events/mail/ticket", "events/mail/waiting"], recipient__in=emails)
    per_recipient = mails.values("recipient").annotate(n=Count("pk"))
    print(
        json.dumps(
            {
                "tickets": registrations.filter(status=Registration.Status.CONFIRMED).count(),
                "waiting": registrations.filter(status=Registration.Status.WAITING).count(),
                "twice": registrations.values("user_id").annotate(n=Count("pk")).filter(n__gt=1).count(),
                "mails": mails.count(),
                "mails_twice": sum(1 for row in per_recipient if row["n"] > 1),
            }
        )
    )


# --- In run.py's process -----------------------------------------------------------------------------------------


def message_level(set_cookie_headers: list[str], cookie_name: str) -> int | None:
    """The level of the first message the answer sets (django.contrib.messages' cookie: JSON, compressed when that
    is shorter, then signed). The signature is not checked: this only reads what the site just said."""
    for header in set_cookie_headers:
        name, _, rest = header.partition("=")
        if name.strip() != cookie_name:
            continue
        value = unquote(rest.split(";", 1)[0].strip('"'))
        payload = value.split(":", 1)[0]  # URL-safe base64; then the time stamp and the signature
        compressed = payload.startswith(".")
        payload = payload.removeprefix(".")
        try:
            payload = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
            messages = json.loads(zlib.decompress(payload) if compressed else payload)
        except (ValueError, zlib.error, binascii.Error):
            return None
        return messages[0][2] if messages and isinstance(messages[0], list) and len(messages[0]) > 2 else None
    return None


def _register(setup: dict, answers: dict):
    def request(connection, session) -> bool:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{setup['session_cookie_name']}={session}; {setup['csrf_cookie_name']}={setup['csrf']}",
        }
        connection.request("POST", setup["path"], body=setup["body"], headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 302 or not response.getheader("Location", "").endswith(setup["page_path"]):
            answer = f"HTTP {response.status}"
        else:
            level = message_level(response.msg.get_all("Set-Cookie") or [], setup["messages_cookie_name"])
            answer = ANSWERS.get(level, f"message level {level}")
        answers[answer] = answers.get(answer, 0) + 1  # one dict per phase; a lost increment only skews the tally
        return answer in ("ticket", "waiting list")

    return request


def _shell(code: str, env: dict, base_dir: Path, log) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=base_dir, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False,
    )  # fmt: skip


def _json_line(completed: subprocess.CompletedProcess) -> dict | None:
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if completed.returncode == 0 and lines else None


def report(port: int, env: dict, run_dir: Path, base_dir: Path, ceiling: Measurement) -> bool:
    """Prepare the event and its members, measure registering; print the lines. False when something failed."""
    log_path = run_dir / "registrations.log"
    with open(log_path, "w") as log:
        setup = _json_line(_shell("from tests.benchmarks.registrations import prepare; prepare()", env, base_dir, log))
    if setup is None:
        print(f"registrations: failed to prepare (log: {log_path})")
        return False
    if "skip" in setup:
        print(f"registrations: skipped ({setup['skip']})")
        return True
    sessions = Path(setup["sessions_file"]).read_text().split()
    warm_up, fresh = sessions[:WARM_UP], sessions[WARM_UP:]
    warm_up_answers: dict[str, int] = {}
    drive(
        "127.0.0.1", port, setup["path"], _register(setup, warm_up_answers), clients=2, seconds=60,
        max_requests=len(warm_up), items=iter(warm_up),
    )  # fmt: skip
    answers: dict[str, int] = {}
    result = drive(
        "127.0.0.1", port, setup["path"], _register(setup, answers), clients=CLIENTS, seconds=SECONDS,
        max_requests=len(fresh), items=iter(fresh),
    )  # fmt: skip
    load = os.getloadavg()
    with open(log_path, "a") as log:
        counted = _json_line(
            _shell(f"from tests.benchmarks.registrations import tally; tally({setup['event']})", env, base_dir, log)
        )
    served = sum(warm_up_answers.get(key, 0) + answers.get(key, 0) for key in ("ticket", "waiting list"))

    ceiling_rps = ceiling.requests_per_second or float("nan")
    print(
        f"\nRegistrations: POST {setup['path']} (the event page's form: session, CSRF, terms) from {CLIENTS} members"
        f" for {SECONDS:g} s, each request a member not yet registered, on a members' event with {setup['seats']}"
        f" seats and a waiting list. Load average at the end: {load[0]:.2f}."
    )
    header = (
        f"{'registration':<26} {'per min':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'x ceiling':>9} {'errors':>6}  answers"
    )
    print(header)
    print("-" * len(header))
    for name, measured, tallied in [
        ("trivial view (ceiling)", ceiling, {}),
        ("register (form POST)", result, answers),
    ]:
        rps = measured.requests_per_second
        print(
            f"{name:<26} {rps * 60:>8.0f} {rps:>7.1f} {measured.percentile(0.5):>7.1f}"
            f" {measured.percentile(0.95):>7.1f} {measured.percentile(0.99):>7.1f} {rps / ceiling_rps:>9.3f}"
            f" {measured.errors:>6}  " + ", ".join(f"{key} {count}" for key, count in sorted(tallied.items()))
        )
    if counted is None:
        print(f"registrations: the count afterwards failed (log: {log_path})")
        return False
    oversold = counted["tickets"] > setup["seats"]
    registered = counted["tickets"] + counted["waiting"]
    print(
        f"tickets {counted['tickets']} of {setup['seats']} seats ({'OVERSOLD' if oversold else 'not oversold'}),"
        f" waiting {counted['waiting']}; registrations {registered} = served {served}"
        f" ({'agree' if registered == served else 'DISAGREE'}); registered twice {counted['twice']};"
        f" mails owed or sent {counted['mails']} (one each: {'yes' if counted['mails'] == registered else 'NO'},"
        f" twice {counted['mails_twice']})"
    )
    if len(fresh) <= len(result.latencies_ms) + result.errors:
        print(f"(all {len(fresh)} members were used up: raise BENCH_REGISTRATIONS for a full {SECONDS:g} s)")
    return not (
        result.errors
        or not result.latencies_ms
        or oversold
        or registered != served
        or counted["twice"]
        or counted["mails"] != registered
        or counted["mails_twice"]
    )
