"""Who may vote in a poll: one rule for the ballot, the count of eligible people, invitations and reminders."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from community.models import Member
from polls.models import Poll


def eligibility_problem(user, poll: Poll) -> str | None:
    """Why `user` may not vote in `poll` (a BallotError code), or None when they may."""
    if not getattr(user, "is_authenticated", False):
        return "login_required"
    if not user.is_active:
        return "not_eligible"
    if not user.is_verified:
        return "not_verified"
    if poll.eligibility == Poll.Eligibility.MEMBERS:
        status = Member.objects.filter(user=user).values_list("status", flat=True).first()
        if status == Member.Status.LAPSED:
            return "lapsed"
        if status != Member.Status.ACTIVE:
            return "not_member"
    return None


def eligible_users(poll: Poll) -> QuerySet:
    """Everyone who may vote in `poll` now (the same rule as eligibility_problem, as one query)."""
    users = get_user_model().objects.filter(is_active=True, is_verified=True)
    if poll.eligibility == Poll.Eligibility.MEMBERS:
        users = users.filter(member__status=Member.Status.ACTIVE)
    return users


def eligible_count(poll: Poll) -> int:
    """How many may vote: counted when the poll closed (frozen by freeze_eligible_count), else counted now.
    Never fewer than the ballots cast (someone who voted may have lapsed or left since)."""
    if poll.eligible_at_close is not None:
        return poll.eligible_at_close
    return max(eligible_users(poll).count(), poll.ballots_cast)


def freeze_eligible_count(poll: Poll) -> bool:
    """Record how many may vote in a closed poll, once (a conditional update: two runs record it once)."""
    if not poll.is_closed() or poll.eligible_at_close is not None:
        return False
    count = max(eligible_users(poll).count(), poll.ballots_cast)
    frozen = Poll.objects.filter(pk=poll.pk, eligible_at_close__isnull=True).update(eligible_at_close=count)
    if frozen:
        poll.eligible_at_close = count
    return bool(frozen)
