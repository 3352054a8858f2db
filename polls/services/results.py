"""A poll's results: per question counts and shares (and instant-runoff rounds), turnout and quorum, and who may
see them when. Built from the anonymous tallies in a fixed number of queries, whatever the number of ballots."""

from dataclasses import dataclass, field

from django.utils import timezone

from polls.models import Poll, QuestionTally, Voter
from polls.services.eligibility import eligibility_problem, eligible_count
from polls.services.runoff import Runoff, instant_runoff
from polls.services.voting import RANKING_SEPARATOR
from polls.structure import KIND_RANKED, load

RESULTS_PERMISSION = "polls.view_poll_results"


@dataclass(frozen=True)
class ChoiceResult:
    key: str
    text: str
    count: int
    percent: float


@dataclass(frozen=True)
class RoundRow:
    """One choice across the rounds of a runoff: its count in each round (None once it is out)."""

    key: str
    text: str
    counts: list[int | None]
    eliminated_in: int | None  # 1-based round number
    winner: bool


@dataclass(frozen=True)
class QuestionResult:
    key: str
    text: str
    kind: str
    answered: int
    abstained: int
    choices: list[ChoiceResult] = field(default_factory=list)
    runoff: Runoff | None = None
    round_rows: list[RoundRow] = field(default_factory=list)
    winner_text: str = ""

    @property
    def round_numbers(self) -> list[int]:
        return list(range(1, len(self.runoff.rounds) + 1)) if self.runoff else []


@dataclass(frozen=True)
class Turnout:
    ballots: int
    eligible: int
    quorum_percent: int | None

    @property
    def percent(self) -> float:
        return 100 * self.ballots / self.eligible if self.eligible else 0.0

    @property
    def quorum_met(self) -> bool | None:
        if self.quorum_percent is None:
            return None
        return bool(self.eligible) and 100 * self.ballots >= self.quorum_percent * self.eligible


@dataclass(frozen=True)
class PollResults:
    questions: list[QuestionResult]
    turnout: Turnout


def _percent(count: int, total: int) -> float:
    return 100 * count / total if total else 0.0


def _ranked(question, tally: QuestionTally, texts: dict) -> dict:
    rankings = {tuple(ranking.split(RANKING_SEPARATOR)): count for ranking, count in tally.rankings.items()}
    runoff = instant_runoff(question.choices, rankings)
    rows = []
    for key in question.choices:
        counts = [round_.counts.get(key) for round_ in runoff.rounds]
        out = next((number for number, round_ in enumerate(runoff.rounds, 1) if round_.eliminated == key), None)
        rows.append(RoundRow(key, texts.get(key, "—"), counts, out, key == runoff.winner))
    first = runoff.rounds[0].counts if runoff.rounds else {}
    return {
        "runoff": runoff,
        "round_rows": rows,
        "winner_text": texts.get(runoff.winner, "") if runoff.winner else "",
        # First preferences, for the bars and the CSV.
        "choices": [
            ChoiceResult(key, texts.get(key, "—"), first.get(key, 0), _percent(first.get(key, 0), tally.answered))
            for key in question.choices
        ],
    }


def poll_results(poll: Poll, texts: dict[str, str]) -> PollResults:
    """The results of `poll`, worded with `texts` (question and choice texts by key, in the reader's language)."""
    tallies = {str(tally.question_key): tally for tally in QuestionTally.objects.filter(poll=poll)}
    questions = []
    for question in load(poll.structure):
        tally = tallies.get(question.key) or QuestionTally(question_key=question.key)
        extra = {}
        if question.kind == KIND_RANKED:
            extra = _ranked(question, tally, texts)
        else:
            extra["choices"] = [
                ChoiceResult(
                    key,
                    texts.get(key, "—"),
                    tally.counts.get(key, 0),
                    _percent(tally.counts.get(key, 0), tally.answered),
                )
                for key in question.choices
            ]
        questions.append(
            QuestionResult(
                key=question.key,
                text=texts.get(question.key, "—"),
                kind=question.kind,
                answered=tally.answered,
                abstained=tally.abstained,
                **extra,
            )
        )
    return PollResults(questions, Turnout(poll.ballots_cast, eligible_count(poll), poll.quorum_percent))


def may_see_results(user, poll: Poll, *, voted: bool, eligible: bool | None = None, now=None) -> bool:
    """Whether `user` may see `poll`'s results now. They are for those who may vote in it (`eligible`, looked up
    when not given) and those who did, and staff who may see results; when, the poll says: live (once it
    opened), after one has voted, or after it closed. Nobody, staff included, sees them earlier than that."""
    if not getattr(user, "is_authenticated", False):
        return False
    if eligible is None:
        eligible = eligibility_problem(user, poll) is None
    audience = voted or eligible or user.has_perm(RESULTS_PERMISSION)
    if not audience:
        return False
    now = now or timezone.now()
    if poll.is_closed(now):
        return True
    if poll.results_shown == Poll.ResultsShown.LIVE:
        return not poll.has_not_opened(now)
    return poll.results_shown == Poll.ResultsShown.AFTER_VOTING and voted


def results_released(poll: Poll, now=None) -> bool:
    """Whether the results are out to anyone (what the admin's results view waits for): closed, live results,
    or after-voting results (which every voter already sees)."""
    now = now or timezone.now()
    if poll.is_closed(now):
        return True
    return poll.results_shown != Poll.ResultsShown.AFTER_CLOSING and not poll.has_not_opened(now)


def who_voted(poll: Poll) -> list:
    """The people who voted (names only, never what), for after the poll closed."""
    return [
        voter.user
        for voter in Voter.objects.filter(poll=poll)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__pk")
    ]
