"""Who may vote: an anonymous visitor, an activated account without membership, a lapsed member and a member,
for a members' poll and for a poll open to every activated account; the service refuses and the page says why."""

import pytest

from community.factories import MemberFactory, UserFactory
from community.models import Member
from polls import services
from polls.models import Voter
from tests.polls.builders import choose, make_poll

pytestmark = pytest.mark.django_db


def test_an_active_member_may_vote_in_a_members_poll(index):
    poll_page = make_poll(index)
    person = MemberFactory().user

    services.cast_ballot(person, poll_page, choose(poll_page, 0))

    assert Voter.objects.filter(poll=poll_page.poll, user=person).exists()


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("anonymous", "login_required"),
        ("not_activated", "not_verified"),
        ("activated_non_member", "not_member"),
        ("pending_member", "not_member"),
        ("lapsed_member", "lapsed"),
        ("deactivated_account", "not_eligible"),
    ],
)
def test_a_members_poll_refuses_everyone_else_and_records_nothing(index, who, code):
    from django.contrib.auth.models import AnonymousUser

    poll_page = make_poll(index)
    people = {
        "anonymous": lambda: AnonymousUser(),
        "not_activated": lambda: MemberFactory(user=UserFactory(verified=False)).user,
        "activated_non_member": lambda: UserFactory(),
        "pending_member": lambda: MemberFactory(status=Member.Status.PENDING).user,
        "lapsed_member": lambda: MemberFactory(status=Member.Status.LAPSED).user,
        "deactivated_account": lambda: MemberFactory(user=UserFactory(is_active=False)).user,
    }

    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(people[who](), poll_page, choose(poll_page, 0))

    assert refused.value.code == code
    assert Voter.objects.count() == 0
    assert poll_page.poll.tallies.count() == 0


def test_a_poll_for_every_activated_account_lets_non_members_vote_but_not_unactivated_accounts(index):
    poll_page = make_poll(index, eligibility="accounts")
    services.cast_ballot(UserFactory(), poll_page, choose(poll_page, 0))
    services.cast_ballot(MemberFactory(status=Member.Status.LAPSED).user, poll_page, choose(poll_page, 1))

    with pytest.raises(services.BallotError) as refused:
        services.cast_ballot(UserFactory(verified=False), poll_page, choose(poll_page, 0))

    assert refused.value.code == "not_verified"
    assert Voter.objects.filter(poll=poll_page.poll).count() == 2


@pytest.mark.parametrize(
    ("who", "says"),
    [
        ("anonymous", "Log ind for at stemme"),
        ("activated_non_member", "Kun aktive medlemmer af foreningen kan stemme i denne afstemning."),
        ("lapsed_member", "Dit medlemskab er udløbet. Forny det for at stemme i denne afstemning."),
    ],
)
def test_the_poll_page_tells_each_visitor_in_danish_why_they_cannot_vote(client, index, who, says):
    poll_page = make_poll(index)
    if who == "activated_non_member":
        client.force_login(UserFactory())
    elif who == "lapsed_member":
        client.force_login(MemberFactory(status=Member.Status.LAPSED).user)

    page = client.get(poll_page.url).content.decode()

    assert says in page
    assert 'class="poll-ballot"' not in page


def test_a_member_sees_the_ballot(client, index):
    poll_page = make_poll(index)
    client.force_login(MemberFactory().user)

    page = client.get(poll_page.url).content.decode()

    assert 'class="poll-ballot"' in page
    assert f'action="/da/polls/{poll_page.pk}/vote/"' in page
