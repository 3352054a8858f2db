"""Poll figures for `make bench`: submitting a ballot (POST /da/polls/<id>/vote/) and reading the results (the poll
page and its live fragment) under gunicorn, next to the trivial view measured in the same run.

`prepare()` runs in the throwaway database through `manage.py shell` (run.py does this after load_demo): it adds a
poll under the demo's Danish polls index (a ranked question of four candidates and a yes/no question, live
results, open to every activated account), BENCH_VOTERS accounts (default 3 000, made in bulk) each with a
logged-in session, and prints one JSON line. `report()` then

- "vote submissions": POSTs the whole ballot (rank selects and a radio, as the form sends them) with the session
  and CSRF cookies, each request as the next voter who has not voted, so every one records a ballot (the poll row
  lock, the has-voted row, every tally rewritten). A 302 back to the poll page is served; afterwards the ballots
  recorded are counted and must equal the 302s;
- "results page" and "results fragment": GETs the poll page (which then shows the results of every ballot cast)
  and the fragment its script refreshes, as a voter.

PostgreSQL only (like the check-in figures): without it one line says the part was skipped.
"""

import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from tests.benchmarks.accounts import csrf_secret, sessions_for
from tests.benchmarks.load import Measurement, drive

VOTERS = int(os.environ.get("BENCH_VOTERS", "3000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
WARM_UP = 40


# --- In the throwaway database (manage.py shell) ------------------------------------------------------------------


def prepare() -> None:
    import datetime

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from home.demo.pages import publish
    from polls.factories import question
    from polls.models import Poll, PollIndexPage, PollPage

    if connection.vendor != "postgresql":
        print(json.dumps({"skip": "needs PostgreSQL; set DATABASE_URL"}))
        return
    index = PollIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    now = timezone.now()
    ranked = question("Formand", ["Ada", "Grace", "Linus", "Margaret"], kind="ranked")
    yes_no = question("Regnskab", ["Ja", "Nej"])
    ranked.sort_order, yes_no.sort_order = 0, 1
    page = index.add_child(
        instance=PollPage(
            title="Bench election", slug=f"bench-election-{int(time.time())}",
            opens_at=now - datetime.timedelta(hours=1), closes_at=now + datetime.timedelta(days=1),
            eligibility=Poll.Eligibility.ACCOUNTS,
            results_shown=Poll.ResultsShown.LIVE, questions=[ranked, yes_no],
        )
    )  # fmt: skip
    page = publish(page).specific
    User = get_user_model()
    stamp = page.pk
    voters = User.objects.bulk_create(
        [
            User(email=f"voter{n}-{stamp}@example.com", first_name=f"Voter{n}", last_name="Bench", password="!",
                 is_verified=True)
            for n in range(VOTERS)
        ],
        batch_size=1000,
    )  # fmt: skip
    keys = sessions_for(voters)

    (ranked_q, candidates), (yes_no_q, answers) = [
        (str(item.translation_key), [str(choice.translation_key) for choice in item.choices.all()])
        for item in page.questions.all()
    ]
    form = {f"q-{ranked_q}-rank-{key}": str(rank) for rank, key in enumerate(candidates, 1)}
    form[f"q-{yes_no_q}"] = answers[0]
    sessions_file = Path(settings.BENCH_DIR) / "poll-sessions.txt"
    sessions_file.write_text("\n".join(keys))
    print(
        json.dumps(
            {
                "vote_path": f"/da/polls/{page.pk}/vote/",
                "page_path": page.url,
                "fragment_path": f"/da/polls/{page.pk}/results/",
                "body": urlencode(form),
                "session_cookie_name": settings.SESSION_COOKIE_NAME,
                "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
                "csrf": csrf_secret(),
                "sessions_file": str(sessions_file),
                "poll": page.poll_id,
            }
        )
    )


def ballots_cast(poll_id: int) -> None:
    from polls.models import Poll

    print(Poll.objects.get(pk=poll_id).ballots_cast)


# --- In run.py's process -----------------------------------------------------------------------------------------


def _measure(port: int, path: str, sessions, request, *, clients: int, seconds: float, max_requests: int):
    """`request(connection, session_key)` from `clients` threads, each request with the next of `sessions`."""
    return drive(
        "127.0.0.1", port, path, request, clients=clients, seconds=seconds, max_requests=max_requests, items=sessions
    )


def _cookies(setup: dict, session: str) -> str:
    return f"{setup['session_cookie_name']}={session}; {setup['csrf_cookie_name']}={setup['csrf']}"


def _vote(setup: dict):
    def request(connection, session) -> bool:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": _cookies(setup, session),
            "X-CSRFToken": setup["csrf"],
        }
        connection.request("POST", setup["vote_path"], body=setup["body"], headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status == 302 and response.getheader("Location", "").endswith(setup["page_path"])

    return request


def _get(path: str, setup: dict, marker: str):
    def request(connection, session) -> bool:
        connection.request("GET", path, headers={"Cookie": _cookies(setup, session)})
        response = connection.getresponse()
        body = response.read()
        return response.status == 200 and marker.encode() in body

    return request


def _shell(code: str, env: dict, base_dir: Path, log) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=base_dir, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False,
    )  # fmt: skip


def report(port: int, env: dict, run_dir: Path, base_dir: Path, ceiling: Measurement) -> bool:
    """Prepare the poll and voters, measure voting and reading the results; print the lines. False on failure."""
    log_path = run_dir / "polls.log"
    with open(log_path, "w") as log:
        prepared = _shell("from tests.benchmarks.polls import prepare; prepare()", env, base_dir, log)
    lines = [line for line in prepared.stdout.splitlines() if line.startswith("{")]
    if prepared.returncode or not lines:
        print(f"polls: failed to prepare (log: {log_path})")
        return False
    setup = json.loads(lines[-1])
    if "skip" in setup:
        print(f"polls: skipped ({setup['skip']})")
        return True
    sessions = Path(setup["sessions_file"]).read_text().split()
    warm_up, fresh = sessions[:WARM_UP], sessions[WARM_UP:]
    vote = _vote(setup)
    _measure(port, setup["vote_path"], iter(warm_up), vote, clients=2, seconds=60, max_requests=len(warm_up))
    votes = _measure(
        port, setup["vote_path"], iter(fresh), vote, clients=CLIENTS, seconds=SECONDS, max_requests=len(fresh)
    )
    with open(log_path, "a") as log:
        code = f"from tests.benchmarks.polls import ballots_cast; ballots_cast({setup['poll']})"
        counted = _shell(code, env, base_dir, log)
    output = counted.stdout.strip().splitlines() if counted.returncode == 0 else []
    ballots = int(output[-1]) if output else -1

    voted = sessions[: len(warm_up) + len(votes.latencies_ms)]
    readers = itertools.cycle(voted)  # drive() takes from it under its lock
    page, fragment = (
        _measure(port, path, readers, _get(path, setup, "poll-results"), clients=CLIENTS, seconds=SECONDS,
                 max_requests=10**6)
        for path in (setup["page_path"], setup["fragment_path"])
    )  # fmt: skip

    ceiling_rps = ceiling.requests_per_second or float("nan")
    print(
        f"\nPolls: {CLIENTS} clients for {SECONDS:g} s per row, logged in (session + CSRF), on a poll with a ranked"
        f" and a yes/no question. Each vote is a new voter's whole ballot; the results rows read the poll with the"
        f" {ballots} ballots cast by then."
    )
    header = f"{'poll':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'x ceiling':>9} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for name, result in [
        ("trivial view (ceiling)", ceiling),
        ("vote submissions", votes),
        ("results page (poll page)", page),
        ("results fragment (live refresh)", fragment),
    ]:
        print(
            f"{name:<34} {result.requests_per_second:>8.1f} {result.percentile(0.5):>8.1f}"
            f" {result.percentile(0.95):>8.1f} {result.requests_per_second / ceiling_rps:>9.2f} {result.errors:>6}"
        )
    recorded = len(warm_up) + len(votes.latencies_ms)
    print(f"ballots recorded: {ballots} (302 answers: {recorded}; they must agree)")
    if len(fresh) <= len(votes.latencies_ms) + votes.errors:
        print(f"(all {len(fresh)} voters were used up: raise BENCH_VOTERS for a full {SECONDS:g} s)")
    return not (votes.errors or page.errors or fragment.errors or not votes.latencies_ms or ballots != recorded)
