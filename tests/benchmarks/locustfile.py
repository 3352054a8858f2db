"""The crowd of `make load`, for locust (locust_run.py starts it headless; no Django in this process).

- Visitor: anonymous, in Danish or English (one language per visitor), reading the home page, news, events and
  articles and searching, with 1-4 s between pages.
- Member: logged in (a prepared session, a new account for each registration), opens the meetup's page in the
  account's language, registers (the form's POST with the CSRF token) and reads the page it is sent back to.
  LOAD_MEMBERS of them share LOAD_REGISTRATIONS_PER_MINUTE between them.
- DoorVolunteer: two, each scanning a ticket about every LOAD_SCAN_SECONDS at the door's JSON endpoint as the
  scanner page does (session cookie, CSRF cookie and X-CSRFToken header, a JSON body); one scan in ten is a ticket
  shown a second time; every 5 s the page asks for the counts.

A request counts as failed unless its answer is the expected one (a page 200, the registration's 302, a scan's
200 whose state is "checked_in" for a new ticket and "already" for one shown twice). When locust quits, what
locust_run.py checks is written to LOAD_SUMMARY as JSON: the 5xx answers, requests without an answer, other
unexpected answers, registrations the server answered, and scans.
"""

import json
import os
import random
import time
from collections import Counter
from pathlib import Path

from locust import HttpUser, between, constant_throughput, events, task

from tests.benchmarks.checkin import scan_body, scan_headers

SETUP = json.loads(Path(os.environ["LOAD_SETUP"]).read_text())
MEMBERS = int(os.environ.get("LOAD_MEMBERS", "20"))
REGISTRATIONS_PER_MINUTE = float(os.environ.get("LOAD_REGISTRATIONS_PER_MINUTE", "600"))
SCAN_SECONDS = float(os.environ.get("LOAD_SCAN_SECONDS", "1"))
COUNTS_POLL_SECONDS = 5  # the scanner page's refresh (events/views/door.py POLL_SECONDS)

accounts = iter(SETUP["members"])
door = SETUP["door"]
door_sessions = iter(door["sessions"])
fresh_tickets = iter(Path(door["tokens_file"]).read_text().split())
scanned_tickets: list[str] = []
tally = {"server_errors": Counter(), "no_answer": Counter(), "unexpected": Counter(), "registered": 0, "scans": 0}


@events.request.add_listener
def _tally(name, response, exception, **_kwargs) -> None:
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        tally["server_errors"][name] += 1
    elif exception is not None and not status:
        tally["no_answer"][name] += 1
    elif exception is not None:
        tally["unexpected"][f"{name} (HTTP {status})"] += 1


@events.quitting.add_listener
def _write_summary(**_kwargs) -> None:
    Path(os.environ["LOAD_SUMMARY"]).write_text(json.dumps(tally))


class Visitor(HttpUser):
    """Anonymous browsing in one language."""

    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.language = random.choice(sorted(SETUP["browse"]))
        self.pages = SETUP["browse"][self.language]

    def visit(self, kind: str) -> None:
        self.client.get(random.choice(self.pages[kind]), name=f"[{self.language}] {kind}")

    @task(4)
    def home(self) -> None:
        self.visit("home")

    @task(2)
    def news_index(self) -> None:
        self.visit("news index")

    @task(4)
    def news(self) -> None:
        self.visit("news page")

    @task(2)
    def event_index(self) -> None:
        self.visit("event index")

    @task(3)
    def event(self) -> None:
        self.visit("event page")

    @task(1)
    def article_index(self) -> None:
        self.visit("article index")

    @task(2)
    def article(self) -> None:
        self.visit("article page")

    @task(2)
    def search(self) -> None:
        self.visit("search")


class Member(HttpUser):
    """Registers for the meetup, a different account each time, at its share of the registrations per minute."""

    fixed_count = MEMBERS
    wait_time = constant_throughput(REGISTRATIONS_PER_MINUTE / 60 / MEMBERS)

    @task
    def register(self) -> None:
        account = next(accounts, None)
        if account is None:  # every prepared account has registered
            return
        language = account["language"]
        meetup = SETUP["meetup"]["pages"][language]
        self.client.cookies.clear()
        self.client.cookies.set(SETUP["session_cookie_name"], account["session"])
        self.client.cookies.set(SETUP["csrf_cookie_name"], SETUP["csrf"])
        self.client.get(meetup["page"], name=f"[{language}] meetup page (logged in)")
        with self.client.post(
            meetup["register"],
            data={"csrfmiddlewaretoken": SETUP["csrf"], "accept_terms": "1"},
            allow_redirects=False,
            name=f"[{language}] register",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"expected a redirect, got {response.status_code}")
                return
            tally["registered"] += 1
        self.client.get(response.headers["Location"], name=f"[{language}] meetup page after registering")


class DoorVolunteer(HttpUser):
    """Scans tickets at the door; one in ten is a ticket shown again."""

    fixed_count = 2
    wait_time = constant_throughput(1 / SCAN_SECONDS)

    def on_start(self) -> None:
        self.headers = scan_headers(door, next(door_sessions))
        self.counts_asked = 0.0

    @task
    def scan(self) -> None:
        again = bool(scanned_tickets) and random.random() < 0.1
        code = random.choice(scanned_tickets) if again else next(fresh_tickets, None)
        if code is None:
            return
        expected = "already" if again else "checked_in"
        name = "door scan (shown again)" if again else "door scan (new ticket)"
        with self.client.post(
            door["path"], data=scan_body(code), headers=self.headers, name=name, catch_response=True
        ) as response:
            try:
                state = response.json()["result"]["state"] if response.status_code == 200 else None
            except (ValueError, KeyError, TypeError):
                state = "not the scanner's JSON"
            if state != expected:
                response.failure(f"expected {expected}, got HTTP {response.status_code} {state}")
            else:
                tally["scans"] += 1
                if not again:
                    scanned_tickets.append(code)
        if time.monotonic() - self.counts_asked >= COUNTS_POLL_SECONDS:
            self.counts_asked = time.monotonic()
            self.client.get(door["counts_path"], headers=self.headers, name="door counts")
