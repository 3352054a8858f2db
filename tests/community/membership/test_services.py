"""The membership service: each change, its rules, and the one mail it owes."""

from datetime import date

import pytest

from community.factories import MemberFactory, StaffFactory, UserFactory
from community.models import Member
from community.services import membership
from community.services.membership import Address, MembershipError, membership_year_end

pytestmark = pytest.mark.django_db
ADDRESS = Address(street="Vesterbrogade 2", postal_code="1620", city="København V")


def test_applying_makes_a_pending_membership_and_mails_application_received(sent):
    user = UserFactory(language="en")

    member, mails = sent(lambda: membership.apply(user, address=ADDRESS, job_title="Data scientist"))

    member.refresh_from_db()
    assert member.status == Member.Status.PENDING
    assert member.accepted_statutes_at is not None
    assert (member.street, member.postal_code, member.city) == ("Vesterbrogade 2", "1620", "København V")
    assert [m.to for m in mails] == [[user.email]]
    assert mails[0].subject == "We received your membership application"


def test_applying_twice_is_refused_with_a_code_and_no_second_row(sent):
    user = UserFactory()
    membership.apply(user, address=ADDRESS, job_title="Analyst")

    with pytest.raises(MembershipError) as refused:
        membership.apply(user, address=ADDRESS, job_title="Analyst")

    assert refused.value.code == "already_applied"
    assert Member.objects.filter(user=user).count() == 1


def test_an_unverified_user_cannot_apply():
    with pytest.raises(MembershipError) as refused:
        membership.apply(UserFactory(verified=False), address=ADDRESS, job_title="")
    assert refused.value.code == "not_verified"
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    ("today", "ends"),
    [
        (date(2026, 3, 5), date(2026, 12, 31)),
        (date(2026, 11, 30), date(2026, 12, 31)),
        (date(2026, 12, 1), date(2027, 12, 31)),
    ],
)
def test_the_membership_year_is_the_calendar_year_and_december_covers_the_next(today, ends):
    assert membership_year_end(today) == ends


def test_approval_makes_the_member_active_to_the_end_of_the_year_and_sends_one_welcome_mail(sent):
    manager = StaffFactory(permissions=["community.approve_member"])
    member = MemberFactory(status=Member.Status.PENDING, user=UserFactory(language="da"))

    _, mails = sent(lambda: membership.approve(member, manager, today=date(2026, 5, 1)))

    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.expires_on == date(2026, 12, 31)
    assert member.decided_by == manager
    assert len(mails) == 1
    assert mails[0].to == [member.user.email]
    assert mails[0].extra_headers["Content-Language"] == "da"  # written in the member's language


def test_approving_a_member_who_is_not_pending_is_refused_and_mails_nothing(sent):
    member = MemberFactory(status=Member.Status.ACTIVE)

    def approve_again():
        with pytest.raises(MembershipError) as refused:
            membership.approve(member, None)
        return refused.value.code

    code, mails = sent(approve_again)
    assert code == "not_pending"
    assert mails == []


def test_rejection_marks_the_application_rejected_and_mails_the_applicant(sent):
    member = MemberFactory(status=Member.Status.PENDING, user=UserFactory(language="en"))

    _, mails = sent(lambda: membership.reject(member, None))

    member.refresh_from_db()
    assert member.status == Member.Status.REJECTED
    assert member.expires_on is None
    assert [m.subject for m in mails] == ["Your membership application to Danish Data Science Community"]


def test_lapsing_mails_each_ended_membership_once_with_a_renew_link(sent):
    ended = MemberFactory(expires_on=date(2025, 12, 31), user=UserFactory(language="en"))
    current = MemberFactory(expires_on=date(2026, 12, 31))
    pending = MemberFactory(status=Member.Status.PENDING)

    count, mails = sent(lambda: membership.mark_lapsed(today=date(2026, 1, 1)))
    again, mails_again = sent(lambda: membership.mark_lapsed(today=date(2026, 1, 2)))

    assert (count, again) == (1, 0)
    assert mails_again == []
    assert [m.to for m in mails] == [[ended.user.email]]
    assert "/en/membership/renew/" in mails[0].body
    statuses = {m.pk: m.status for m in Member.objects.all()}
    assert statuses == {ended.pk: "lapsed", current.pk: "active", pending.pk: "pending"}


def test_renewing_a_lapsed_membership_makes_it_active_to_the_end_of_this_year():
    member = MemberFactory(status=Member.Status.LAPSED, expires_on=date(2025, 12, 31))

    membership.renew(member, today=date(2026, 2, 10))

    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.expires_on == date(2026, 12, 31)


def test_an_active_member_may_renew_in_the_last_30_days_for_the_next_year_but_not_earlier():
    member = MemberFactory(expires_on=date(2026, 12, 31))

    with pytest.raises(MembershipError) as refused:
        membership.renew(member, today=date(2026, 11, 30))
    assert refused.value.code == "not_renewable"

    membership.renew(member, today=date(2026, 12, 1))
    member.refresh_from_db()
    assert member.expires_on == date(2027, 12, 31)


def test_a_rejected_or_pending_application_cannot_be_renewed():
    for status in (Member.Status.PENDING, Member.Status.REJECTED):
        with pytest.raises(MembershipError):
            membership.renew(MemberFactory(status=status))
