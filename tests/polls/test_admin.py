"""The admin: editors write a poll page with its questions and choices; once the first ballot is in, the
questionnaire is locked (the form says why) while texts can still be corrected; poll managers see results and
download them as CSV, and who voted what only for open polls."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from community.factories import StaffFactory, UserFactory
from polls import services
from polls.factories import question
from polls.models import Poll, PollPage, QuestionTally
from polls.structure import load
from tests.polls.admin_forms import edit_form_data
from tests.polls.builders import choose, close, keys, make_poll, member

pytestmark = pytest.mark.django_db

LOCKED = "Afstemningen er i gang, så spørgsmål og svarmuligheder kan ikke længere tilføjes, fjernes eller flyttes"
RULE_LOCKED = "Afstemningen er i gang, så dette kan ikke længere ændres"


@pytest.fixture
def admin_user(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def voted_poll(index):
    """A poll with a single- and a multiple-choice question that one member has voted in."""
    page = make_poll(
        index,
        questions=[
            question("Godkender du regnskabet?", ["Ja", "Nej"]),
            question("Emner", ["MLOps", "LLM", "Statistik"], kind="multiple", max_choices=2),
        ],
    )
    services.cast_ballot(member(), page, choose(page, 0, (1,)))
    return PollPage.objects.get(pk=page.pk)


def post_edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_an_editor_writes_a_poll_with_questions_and_choices(client, admin_user, index):
    data = nested_form_data(
        {
            "title": "Valg til bestyrelsen",
            "slug": "valg",
            "description": rich_text("<p>Stem på formanden.</p>"),
            "opens_at": "2030-03-01 09:00",
            "closes_at": "2030-03-08 09:00",
            "eligibility": "members",
            "secret": "on",
            "results_shown": "after_closing",
            "quorum_percent": "25",
            "questions": inline_formset(
                [
                    {
                        "text": "Formand",
                        "kind": "ranked",
                        "allow_abstain": "on",
                        "choices": inline_formset([{"text": "Ada"}, {"text": "Grace"}, {"text": "Linus"}]),
                    },
                    {
                        "text": "Regnskab",
                        "kind": "single",
                        "choices": inline_formset([{"text": "Ja"}, {"text": "Nej"}]),
                    },
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    response = client.post(f"/admin/pages/add/polls/pollpage/{index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = PollPage.objects.get(slug="valg")
    assert page.live
    assert [(q.text, q.kind, [c.text for c in q.choices.all()]) for q in page.questions.all()] == [
        ("Formand", "ranked", ["Ada", "Grace", "Linus"]),
        ("Regnskab", "single", ["Ja", "Nej"]),
    ]
    poll = Poll.objects.get(pk=page.poll_id)
    assert (poll.quorum_percent, poll.secret, poll.source_language) == (25, True, "da")
    assert [question.key for question in load(poll.structure)] == [key for key, _choices in keys(page)]


def test_a_multiple_choice_limit_must_fit_the_choices(client, admin_user, index):
    page = make_poll(index, questions=[question("Emner", ["A", "B", "C"], kind="multiple")])
    data = edit_form_data(page, admin_user)
    data["questions-0-max_choices"] = "4"

    response = post_edit(client, page, data)

    assert response.status_code == 200
    assert "Grænsen kan ikke være større end antallet af svarmuligheder." in response.content.decode()
    assert load(Poll.objects.get(pk=page.poll_id).structure)[0].max_choices is None


def test_a_question_needs_two_choices(client, admin_user, index):
    page = make_poll(index, questions=[question("Emner", ["A", "B", "C"])])
    data = edit_form_data(page, admin_user)
    data["questions-0-choices-1-DELETE"] = "on"
    data["questions-0-choices-2-DELETE"] = "on"

    response = post_edit(client, page, data)

    assert response.status_code == 200
    assert "mindst 2" in response.content.decode()
    assert len(load(Poll.objects.get(pk=page.poll_id).structure)[0].choices) == 3


def test_before_the_first_ballot_the_questionnaire_can_change(client, admin_user, index):
    page = make_poll(index, questions=[question("Emne", ["A", "B"])])
    data = edit_form_data(page, admin_user)
    data.update(
        {"questions-0-choices-TOTAL_FORMS": "3", "questions-0-choices-2-text": "C", "questions-0-choices-2-ORDER": "3"}
    )

    assert post_edit(client, page, data).status_code == 302

    assert len(load(Poll.objects.get(pk=page.poll_id).structure)[0].choices) == 3


def _add_question(data):
    data.update(
        {
            "questions-TOTAL_FORMS": "3",
            "questions-2-text": "Nyt spørgsmål",
            "questions-2-kind": "single",
            "questions-2-ORDER": "3",
            "questions-2-choices-TOTAL_FORMS": "2",
            "questions-2-choices-INITIAL_FORMS": "0",
            "questions-2-choices-MIN_NUM_FORMS": "2",
            "questions-2-choices-MAX_NUM_FORMS": "1000",
            "questions-2-choices-0-text": "Ja",
            "questions-2-choices-1-text": "Nej",
        }
    )


def _add_choice(data):
    data.update({"questions-0-choices-TOTAL_FORMS": "3", "questions-0-choices-2-text": "Ved ikke"})


def _swap(data, first, second):
    data[first], data[second] = data[second], data[first]


CHANGES = {
    "add a question": _add_question,
    "add a choice": _add_choice,
    "remove a choice": lambda d: d.update({"questions-1-choices-2-DELETE": "on"}),
    "remove a question": lambda d: d.update({"questions-1-DELETE": "on"}),
    "reorder the choices": lambda d: _swap(d, "questions-1-choices-0-ORDER", "questions-1-choices-1-ORDER"),
    "reorder the questions": lambda d: _swap(d, "questions-0-ORDER", "questions-1-ORDER"),
    "change the kind": lambda d: d.update({"questions-0-kind": "multiple"}),
    "change the limit": lambda d: d.update({"questions-1-max_choices": "1"}),
    "drop the blank option": lambda d: d.pop("questions-0-allow_abstain"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_after_the_first_ballot_the_questionnaire_is_locked_and_the_form_says_why(
    client, admin_user, voted_poll, change
):
    structure_before = Poll.objects.get(pk=voted_poll.poll_id).structure
    data = edit_form_data(voted_poll, admin_user)
    CHANGES[change](data)

    response = post_edit(client, voted_poll, data)

    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert Poll.objects.get(pk=voted_poll.poll_id).structure == structure_before
    assert keys(PollPage.objects.get(pk=voted_poll.pk)) == keys(voted_poll)


@pytest.mark.parametrize(("field", "value"), [("secret", None), ("eligibility", "accounts")])
def test_after_the_first_ballot_secrecy_and_who_may_vote_are_locked(client, admin_user, voted_poll, field, value):
    data = edit_form_data(voted_poll, admin_user)
    if value is None:
        data.pop(field)
    else:
        data[field] = value

    response = post_edit(client, voted_poll, data)

    assert response.status_code == 200
    assert RULE_LOCKED in response.content.decode()
    poll = Poll.objects.get(pk=voted_poll.poll_id)
    assert (poll.secret, poll.eligibility) == (True, "members")


def test_after_the_first_ballot_texts_and_the_closing_time_can_still_be_corrected(client, admin_user, voted_poll):
    structure_before = Poll.objects.get(pk=voted_poll.poll_id).structure
    data = edit_form_data(voted_poll, admin_user)
    data["questions-0-text"] = "Godkender du årsregnskabet?"
    data["questions-1-choices-1-text"] = "Store sprogmodeller"
    data["closes_at"] = "2031-01-01 12:00"

    response = post_edit(client, voted_poll, data)

    assert response.status_code == 302
    page = PollPage.objects.get(pk=voted_poll.pk)
    assert [q.text for q in page.questions.all()] == ["Godkender du årsregnskabet?", "Emner"]
    assert [c.text for c in page.questions.all()[1].choices.all()] == ["MLOps", "Store sprogmodeller", "Statistik"]
    poll = Poll.objects.get(pk=voted_poll.poll_id)
    assert poll.structure == structure_before
    assert poll.closes_at.year == 2031
    assert sum(QuestionTally.objects.get(poll=poll, position=1).counts.values()) == 1


# --- Results in the admin ------------------------------------------------------------------------------------------


def poll_manager():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Poll managers")[0])
    return type(user).objects.get(pk=user.pk)


def grant_poll_managers_group():
    # A transactional flush or a fresh test database may have lost the data migration's group permissions.
    from django.contrib.auth.models import Permission

    group = Group.objects.get_or_create(name="Poll managers")[0]
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_poll_results", "export_open_ballots", "access_admin"],
        )
    )


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_poll_results_in_the_admin_need_the_results_permission(client, voted_poll):
    client.force_login(StaffFactory())
    assert client.get("/admin/poll-results/").status_code == 403
    assert client.get(f"/admin/poll-results/{voted_poll.poll_id}/").status_code == 403
    assert client.get(f"/admin/poll-results/{voted_poll.poll_id}/results.csv").status_code == 403

    grant_poll_managers_group()
    client.force_login(poll_manager())
    listing = client.get("/admin/poll-results/?p=x")
    assert listing.status_code == 200
    assert voted_poll.title in listing.content.decode()
    for tail in ("", "results.csv", "voters.csv", "ballots.csv"):
        # Not an admin URL at all: the site's language redirect, then not found.
        assert client.get(f"/admin/poll-results/99999999999999999999999/{tail}", follow=True).status_code == 404


def test_staff_see_turnout_at_once_but_results_and_their_csv_only_once_they_are_out(client, voted_poll):
    grant_poll_managers_group()
    client.force_login(poll_manager())
    url = f"/admin/poll-results/{voted_poll.poll_id}/"

    open_page = client.get(url).content.decode()
    assert "Stemmeprocent: 1 af" in open_page
    assert "Resultaterne er ikke offentliggjort endnu" in open_page
    assert client.get(url + "results.csv").status_code == 403
    assert client.get(url + "voters.csv").status_code == 403

    close(voted_poll)
    rows = read_csv(client.get(url + "results.csv"))
    assert rows[0] == ["question", "choice", "votes", "percent", "runoff rounds", "elected"]
    assert ["Godkender du regnskabet?", "Ja", "1", "100.0", "", ""] in rows
    assert ["Emner", "LLM", "1", "100.0", "", ""] in rows
    assert len(read_csv(client.get(url + "voters.csv"))) == 2


def test_who_voted_what_can_be_downloaded_for_open_polls_only(client, index):
    grant_poll_managers_group()
    client.force_login(poll_manager())
    open_poll = make_poll(index, secret=False, questions=[question("Emne", ["=1+1", "LLM"])])
    secret_poll = make_poll(index, secret=True)
    ada = member(first_name="Ada", last_name="Lovelace")
    services.cast_ballot(ada, open_poll, choose(open_poll, 0))
    services.cast_ballot(ada, secret_poll, choose(secret_poll, 0))

    rows = read_csv(client.get(f"/admin/poll-results/{open_poll.poll_id}/ballots.csv"))

    assert rows[0] == ["name", "email", "voted_at", "question", "answer"]
    assert rows[1][:2] == ["Ada Lovelace", ada.email]
    assert rows[1][3:] == ["Emne", "'=1+1"]  # spreadsheet-safe
    assert client.get(f"/admin/poll-results/{secret_poll.poll_id}/ballots.csv").status_code == 403


def test_a_deleted_account_leaves_its_open_ballot_without_a_name(client, index):
    from community.services.personal_data import delete_account

    grant_poll_managers_group()
    client.force_login(poll_manager())
    page = make_poll(index, secret=False)
    person = member()
    services.cast_ballot(person, page, choose(page, 1))
    delete_account(person)

    rows = read_csv(client.get(f"/admin/poll-results/{page.poll_id}/ballots.csv"))

    assert [row[:2] for row in rows[1:]] == [["(slettet konto)", ""]]


def test_an_editor_previews_a_new_poll_before_saving_it(client, admin_user, index):
    data = nested_form_data(
        {
            "title": "Kladde til valg",
            "slug": "kladde",
            "opens_at": "2030-03-01 09:00",
            "closes_at": "2030-03-08 09:00",
            "eligibility": "members",
            "results_shown": "after_closing",
            "questions": inline_formset(
                [{"text": "Formand", "kind": "ranked", "choices": inline_formset([{"text": "Ada"}, {"text": "Bo"}])}]
            ),
            "comments": inline_formset([]),
        }
    )
    preview_url = f"/admin/pages/add/polls/pollpage/{index.pk}/preview/"

    assert client.post(preview_url, data).json()["is_valid"]
    html = client.get(preview_url).content.decode()

    assert "Forhåndsvisning: sådan kommer spørgsmålene til at se ud." in html
    assert "Formand" in html and "Ada" in html
    assert not PollPage.objects.filter(slug="kladde").exists()


def test_the_editor_of_a_poll_with_ballots_says_up_front_that_voting_has_started(
    client, admin_user, index, voted_poll
):
    fresh = make_poll(index)

    assert LOCKED in client.get(f"/admin/pages/{voted_poll.pk}/edit/").content.decode()
    assert LOCKED not in client.get(f"/admin/pages/{fresh.pk}/edit/").content.decode()
