"""Voting over HTTP: one form for every question, a clear Danish message for anything wrong (never a 500, nothing
saved), CSRF, log in first, and back to where the ballot came from."""

import re

import pytest
from django.test import Client

from polls.factories import question
from polls.models import Poll, Voter
from tests.polls.builders import keys, make_poll, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll_page(index):
    return make_poll(
        index,
        title="Generalforsamling",
        questions=[
            question("Godkender du regnskabet?", ["Ja", "Nej"]),
            question("Hvilke emner?", ["MLOps", "LLM", "Statistik"], kind="multiple", max_choices=2),
            question("Formand", ["Ada", "Grace", "Linus"], kind="ranked", abstain=False),
        ],
    )


def form_data(page, single=0, multiple=(0,), ranks=(1, 2, 3)) -> dict:
    (first, first_choices), (second, second_choices), (third, third_choices) = keys(page)
    data = {}
    if single is not None:
        data[f"q-{first}"] = first_choices[single] if isinstance(single, int) else single
    data[f"q-{second}"] = [second_choices[n] if isinstance(n, int) else n for n in multiple]
    for choice, rank in zip(third_choices, ranks, strict=True):
        data[f"q-{third}-rank-{choice}"] = rank
    return data


def vote(client, page, data):
    return client.post(f"/da/polls/{page.pk}/vote/", data)


def test_a_member_votes_once_and_is_thanked_in_danish(client, poll_page):
    client.force_login(member())

    response = vote(client, poll_page, form_data(poll_page))

    assert response.status_code == 302
    assert response["Location"] == poll_page.url
    assert Poll.objects.get(pk=poll_page.poll_id).ballots_cast == 1
    page = client.get(poll_page.url).content.decode()
    assert "Tak, din stemme er registreret." in page
    assert "Du har stemt i denne afstemning. Tak." in page
    assert 'class="poll-ballot"' not in page


def test_a_second_submission_is_refused_with_a_message(client, poll_page):
    client.force_login(member())
    vote(client, poll_page, form_data(poll_page))

    response = vote(client, poll_page, form_data(poll_page, single=1))

    assert response.status_code == 302
    assert "Du har allerede stemt i denne afstemning." in client.get(poll_page.url).content.decode()
    assert Poll.objects.get(pk=poll_page.poll_id).ballots_cast == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda p: form_data(p, single=None), "Besvar spørgsmålet, eller vælg “blank / undlader at stemme”."),
        (lambda p: form_data(p, multiple=(0, 1, 2)), "Vælg højst 2."),
        (lambda p: form_data(p, single="abc"), "Det er ikke en af spørgsmålets svarmuligheder."),
        (lambda p: form_data(p, multiple=(keys(p)[0][1][0],)), "Det er ikke en af spørgsmålets svarmuligheder."),
        (lambda p: form_data(p, ranks=(1, 1, 2)), "Hver placering kan kun bruges én gang."),
        (lambda p: form_data(p, ranks=(1, 2, "")), "Giv hver svarmulighed en placering, hver med sit eget tal."),
        (lambda p: form_data(p, ranks=(1, 2, 4)), "Vælg en placering fra listen."),
        (lambda p: form_data(p, ranks=("1", "2", "tre")), "Vælg en placering fra listen."),
        (lambda p: form_data(p, ranks=("1", "2", "3.0")), "Vælg en placering fra listen."),
        (lambda p: form_data(p, ranks=("1", "2", "\x00")), "Vælg en placering fra listen."),
        (lambda p: form_data(p, single="x" * 10_000), "Det er ikke en af spørgsmålets svarmuligheder."),
        (lambda p: form_data(p, multiple=("abstain", 0)), "Vælg enten en svarmulighed eller blank, ikke begge."),
    ],
    ids=[
        "no answer",
        "too many",
        "not a choice",
        "a choice of another question",
        "duplicated rank",
        "incomplete ranking",
        "rank out of range",
        "rank not a number",
        "rank not an integer",
        "NUL byte",
        "a huge value",
        "blank and a choice",
    ],
)
def test_bad_input_shows_the_ballot_again_with_a_danish_message_and_saves_nothing(client, poll_page, data, message):
    client.force_login(member())

    response = vote(client, poll_page, data(poll_page))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Nogle svar skal rettes; se de markerede spørgsmål nedenfor." in page
    assert 'class="poll-ballot"' in page
    assert Voter.objects.count() == 0
    assert Poll.objects.get(pk=poll_page.poll_id).ballots_cast == 0


def test_a_refused_ballot_keeps_the_voters_choices(client, poll_page):
    client.force_login(member())
    data = form_data(poll_page, multiple=(0, 1, 2), ranks=(3, 1, 2))

    page = vote(client, poll_page, data).content.decode()

    (first, first_choices), _, (third, third_choices) = keys(poll_page)
    assert re.search(rf'<input type="radio" name="q-{first}" value="{first_choices[0]}"[^>]* checked>', page)
    assert f'<select name="q-{third}-rank-{third_choices[0]}"' in page
    assert '<option value="3" selected>3</option>' in page


def test_an_empty_post_is_a_clear_refusal(client, poll_page):
    client.force_login(member())

    response = vote(client, poll_page, {})

    assert response.status_code == 400
    assert "Besvar spørgsmålet" in response.content.decode()


def test_voting_needs_the_csrf_token(poll_page):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member())

    response = vote(browser, poll_page, form_data(poll_page))

    assert response.status_code == 403
    assert Voter.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_log_in(client, poll_page):
    response = vote(client, poll_page, form_data(poll_page))

    assert response.status_code == 302
    assert response["Location"].startswith("/da/account/login/?next=")
    assert Voter.objects.count() == 0


def test_only_post_is_accepted(client, poll_page):
    client.force_login(member())

    assert client.get(f"/da/polls/{poll_page.pk}/vote/").status_code == 405


def test_a_page_that_is_not_a_published_poll_is_not_found(client, poll_page, index):
    client.force_login(member())
    poll_page.unpublish()

    assert vote(client, poll_page, form_data(poll_page)).status_code == 404
    assert client.post(f"/da/polls/{index.pk}/vote/", {}).status_code == 404
    assert client.post("/da/polls/999999999999999999999/vote/", {}).status_code == 404
    assert client.get("/da/polls/999999999999999999999/results/").status_code == 404


def test_a_closed_poll_says_so_and_records_nothing(client, poll_page):
    from tests.polls.builders import close

    close(poll_page)
    client.force_login(member())

    response = vote(client, poll_page, form_data(poll_page))

    assert response.status_code == 302
    assert "Denne afstemning er lukket." in client.get(poll_page.url).content.decode()
    assert Voter.objects.count() == 0


def test_a_ballot_from_a_poll_block_goes_back_to_that_page(client, poll_page):
    client.force_login(member())

    response = vote(client, poll_page, {**form_data(poll_page), "next": "/da/om/"})
    assert response["Location"] == "/da/om/"


def test_next_never_leads_off_the_site(client, poll_page):
    client.force_login(member())

    response = vote(client, poll_page, {**form_data(poll_page), "next": "https://evil.example/"})

    assert response["Location"] == poll_page.url
