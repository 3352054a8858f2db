"""Secret ballots stay secret: nothing stored ties a voter to what they voted.

The proof: two people vote in one order on a fresh database, then the same two in the other order on another
fresh database (every table emptied and every sequence reset). Every table and column the voting wrote, in the
order the database stores the rows, must come out the same, except the has-voted list, which says who voted and
nothing more. If a ballot kept a voter's id, a time, a sequential id or an order, the two would differ.
"""

import datetime
import logging
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError, connection

from community.factories import MemberFactory, UserFactory
from home.models import OutboxMail
from polls import services
from polls.factories import question
from polls.models import Poll, PollPage, Voter
from tests.home.tree import ensure_home_page
from tests.polls.builders import choose, keys, make_poll

BUILT = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
FIRST_VOTE = datetime.datetime(2026, 3, 2, 10, 15, 1, tzinfo=datetime.UTC)
SECOND_VOTE = datetime.datetime(2026, 3, 2, 17, 42, 9, tzinfo=datetime.UTC)
HAS_VOTED_LIST = Voter._meta.db_table


def fixed_key(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://ddsc.example/test-poll/{name}")


def build_world() -> tuple[PollPage, dict]:
    """The same site, poll and two members, built the same way (same ids, keys and times) on a fresh database."""
    from polls.factories import PollIndexPageFactory

    with time_machine.travel(BUILT, tick=False):
        index = PollIndexPageFactory(parent=ensure_home_page(), title="Afstemninger", slug="afstemninger")
        questions = [
            question("Formand", ["Ada", "Grace", "Linus"], kind="ranked"),
            question("Regnskab", ["Ja", "Nej"]),
            question("Emner", ["MLOps", "LLM", "Statistik"], kind="multiple", max_choices=2),
        ]
        for number, item in enumerate(questions):
            item.translation_key = fixed_key(f"q{number}")
            for choice_number, choice in enumerate(item.choices.all()):
                choice.translation_key = fixed_key(f"q{number}c{choice_number}")
        page = make_poll(
            index,
            title="Valg",
            slug="valg",
            translation_key=fixed_key("page"),
            opens_at=BUILT,
            closes_at=BUILT + datetime.timedelta(days=7),
            questions=questions,
        )
        people = {
            "ada": MemberFactory(user=UserFactory(email="ada@example.com", first_name="Ada")).user,
            "bob": MemberFactory(user=UserFactory(email="bob@example.com", first_name="Bob")).user,
        }
    return PollPage.objects.get(pk=page.pk), people


def rows_in_storage_order(cursor, table: str) -> list[tuple]:
    """The rows of `table` in the order the database keeps them: by physical location on PostgreSQL, by rowid
    on SQLite (whose full-text search tables have none: they are read in their own order)."""
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    try:
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order}')  # noqa: S608 - table names from the schema
    except DatabaseError:
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
    return [tuple(str(value) for value in row) for row in cursor.fetchall()]


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, in the order the database keeps them."""
    with connection.cursor() as cursor:
        return {table: rows_in_storage_order(cursor, table) for table in connection.introspection.table_names(cursor)}


def election(order: tuple[str, str], *, secret: bool = True) -> tuple[dict, dict]:
    """On a fresh database: build the world, let the two vote in `order`; return what the voting wrote (every
    table whose rows changed, all its rows) without the has-voted list, and the has-voted list."""
    call_command("flush", interactive=False, verbosity=0)  # empties every table and resets every sequence
    page, people = build_world()
    if not secret:
        Poll.objects.filter(pk=page.poll_id).update(secret=False)
        page = PollPage.objects.get(pk=page.pk)
    votes = {"ada": choose(page, (0, 1, 2), 0, (0, 2)), "bob": choose(page, (2, 1, 0), 1, (1,))}
    before = snapshot()
    for moment, name in zip((FIRST_VOTE, SECOND_VOTE), order, strict=True):
        with time_machine.travel(moment, tick=False):
            services.cast_ballot(people[name], page, votes[name])
    after = snapshot()
    written = {table: rows for table, rows in after.items() if rows != before.get(table)}
    has_voted = written.pop(HAS_VOTED_LIST)
    return written, has_voted


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_the_stored_ballots_do_not_show_who_voted_what():
    ada_first, voters_ada_first = election(("ada", "bob"))
    bob_first, voters_bob_first = election(("bob", "ada"))

    # The voting wrote the poll, its tallies and the has-voted list, and nothing else.
    assert set(ada_first) == set(bob_first) == {Poll._meta.db_table, "polls_questiontally"}
    # Column for column and row for row, the ballot data are the same whichever order the two voted in...
    assert ada_first == bob_first
    # ...while the has-voted list (who voted, not what) does record the order: the comparison can tell.
    assert voters_ada_first != voters_bob_first


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_the_comparison_catches_a_ballot_that_records_its_voter():
    """The same comparison, against a poll that keeps a ballot per voter (an open poll): it must tell them apart,
    or the test above would prove nothing."""
    ada_first, _voters = election(("ada", "bob"), secret=False)
    bob_first, _voters = election(("bob", "ada"), secret=False)

    assert "polls_openballot" in ada_first
    assert ada_first != bob_first


@pytest.mark.django_db
def test_a_secret_vote_leaves_no_trace_in_the_log_the_cache_or_the_mail(client, index, caplog):
    page = make_poll(index, secret=True, questions=[question("Formand", ["Ada", "Grace"], kind="ranked")])
    person = MemberFactory(user=UserFactory(email="voter@example.com", first_name="Vera")).user
    client.force_login(person)
    ((question_key, choice_keys),) = keys(page)
    cache.clear()
    mails_before = OutboxMail.objects.count()

    with caplog.at_level(logging.DEBUG):
        response = client.post(
            f"/da/polls/{page.pk}/vote/",
            {f"q-{question_key}-rank-{choice_keys[0]}": "2", f"q-{question_key}-rank-{choice_keys[1]}": "1"},
        )

    assert response.status_code == 302
    logged = "\n".join(f"{record.name} {record.getMessage()}" for record in caplog.records)
    for trace in [*choice_keys, "Grace", "voter@example.com", "Vera", f"user {person.pk}"]:
        assert trace not in logged
    assert not any(str(person.pk) in str(key) or "poll" in str(key) for key in cache._cache)
    assert OutboxMail.objects.count() == mails_before
