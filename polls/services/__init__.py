"""The polls app's rules: who may vote, casting a ballot, the results and who sees them, the poll mails.

Views, admin views, tasks and the demo call these; each change is one transaction and handles its own races.
"""

from polls.services.eligibility import eligibility_problem, eligible_count, eligible_users, freeze_eligible_count
from polls.services.errors import BallotError
from polls.services.mailing import polls_to_invite, polls_to_remind, queue_invitations, queue_reminders
from polls.services.results import may_see_results, poll_results, results_released, who_voted
from polls.services.runoff import instant_runoff
from polls.services.voting import (
    Answer,
    answer_problems,
    cast_ballot,
    check_answer,
    check_can_vote,
    has_voted,
    ranking_from_ranks,
    window_problem,
)

__all__ = [
    "Answer",
    "BallotError",
    "answer_problems",
    "cast_ballot",
    "check_answer",
    "check_can_vote",
    "eligibility_problem",
    "eligible_count",
    "eligible_users",
    "freeze_eligible_count",
    "has_voted",
    "instant_runoff",
    "may_see_results",
    "poll_results",
    "polls_to_invite",
    "polls_to_remind",
    "queue_invitations",
    "queue_reminders",
    "ranking_from_ranks",
    "results_released",
    "who_voted",
    "window_problem",
]
