"""`make load` fails a run that broke something: the verdict (tests/benchmarks/locust_run.py) on crafted outcomes,
without running the crowd."""

import pytest

from tests.benchmarks.locust_run import verdict

IDS = ["<outbox.1.1@ddsc.example>", "<outbox.2.1@ddsc.example>", "<outbox.3.1@ddsc.example>"]


def clean_run() -> tuple[dict, dict, list[str]]:
    summary = {"server_errors": {}, "no_answer": {}, "unexpected": {}, "registered": 3, "scans": 10}
    outcome = {
        "capacity": 2,
        "confirmed": 2,
        "waiting": 1,
        "registrations": 3,
        "without_mail": [],
        "mailed_twice": [],
        "owed": 0,
        "given_up": 0,
        "message_ids": list(IDS),
        "mail_wait_seconds": 0.0,
        "other_mail": {},
    }
    return summary, outcome, list(IDS)


def test_a_run_where_everything_held_passes():
    assert verdict(*clean_run()) == []


def server_error(summary, outcome, received):
    summary["server_errors"] = {"[da] register": 1}


def no_answer(summary, outcome, received):
    summary["no_answer"] = {"[en] home": 2}


def wrong_door_answer(summary, outcome, received):
    summary["unexpected"] = {"door scan (new ticket) (HTTP 200)": 1}


def oversold(summary, outcome, received):
    outcome["confirmed"] = 3
    outcome["waiting"] = 0


def registration_not_recorded(summary, outcome, received):
    summary["registered"] = 4


def registration_without_mail(summary, outcome, received):
    outcome["without_mail"] = ["member3@load.example.com"]


def registration_mailed_twice(summary, outcome, received):
    outcome["mailed_twice"] = ["member1@load.example.com"]


def mail_still_owed(summary, outcome, received):
    outcome["owed"] = 1


def mail_given_up(summary, outcome, received):
    outcome["given_up"] = 1


def mail_never_arrived(summary, outcome, received):
    received.remove(IDS[1])


def mail_arrived_twice(summary, outcome, received):
    received.append(IDS[0])


def nobody_registered(summary, outcome, received):
    summary["registered"] = 0


def nothing_scanned(summary, outcome, received):
    summary["scans"] = 0


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (server_error, "1 server errors (5xx): [da] register 1"),
        (no_answer, "2 requests got no answer"),
        (wrong_door_answer, "1 unexpected answers: door scan (new ticket)"),
        (oversold, "oversold: 3 tickets for 2 seats"),
        (registration_not_recorded, "1 registrations answered with the redirect are not in the database"),
        (registration_without_mail, "1 registrations owe no mail"),
        (registration_mailed_twice, "1 registrations owe two mails or more"),
        (mail_still_owed, "1 mails still owed"),
        (mail_given_up, "1 mails given up"),
        (mail_never_arrived, "1 mails never reached the SMTP server"),
        (mail_arrived_twice, "1 mails reached the SMTP server more than once"),
        (nobody_registered, "nobody registered"),
        (nothing_scanned, "no ticket was scanned"),
    ],
)
def test_a_run_that_broke_something_fails_and_says_what(spoil, reason):
    summary, outcome, received = clean_run()
    spoil(summary, outcome, received)
    failures = verdict(summary, outcome, received)
    assert len(failures) == 1, failures
    assert failures[0].startswith(reason)


def test_a_run_whose_crowd_or_database_left_nothing_to_read_fails():
    summary, outcome, received = clean_run()
    assert verdict(None, outcome, received) == ["the crowd wrote no summary (see locust's output above)"]
    assert verdict(summary, None, received) == ["the database could not be read after the run (see load.log)"]
