"""Instant-runoff counting of ranked ballots (one winner), with a tie-break rule anyone can redo by hand.

Each round counts every ballot for its highest-ranked choice still in the race. A choice with more than half of
those ballots wins. Otherwise the choice with the fewest is out, and its ballots go to their next choice.

Ties for the fewest are broken, in this order:
1. by the earlier rounds, latest first: of the tied choices, the one with fewer ballots in the latest earlier
   round where they differed is out (backwards tie-breaking);
2. if they were level in every round, the one listed last in the poll is out (editors should list candidates
   in an order decided beforehand, e.g. alphabetically or by lot).
A two-way tie in the last round is a tie for the fewest too, so the same rule decides the winner; the result
says when a tie-break decided anything.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Round:
    """One round: ballots per choice still in the race (in poll order), ballots with no choice left in the race,
    and the choice that went out at the end of it (None in the deciding round)."""

    counts: dict[str, int]
    exhausted: int = 0
    eliminated: str | None = None
    tie_broken: bool = False

    @property
    def continuing(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Runoff:
    rounds: list[Round] = field(default_factory=list)
    winner: str | None = None

    @property
    def tie_broken(self) -> bool:
        return any(round_.tie_broken for round_ in self.rounds)


def instant_runoff(candidates: Sequence[str], rankings: Mapping[Sequence[str], int]) -> Runoff:
    """Count `rankings` ({ranking: number of ballots}, each ranking a sequence of candidates, first preference
    first) for `candidates` (in poll order). No ballots: no rounds and no winner."""
    if not candidates or not any(rankings.values()):
        return Runoff()
    continuing = list(candidates)
    rounds: list[Round] = []
    while True:
        counts = dict.fromkeys(continuing, 0)
        exhausted = 0
        for ranking, ballots in rankings.items():
            top = next((choice for choice in ranking if choice in counts), None)
            if top is None:
                exhausted += ballots
            else:
                counts[top] += ballots
        active = sum(counts.values())
        leader = max(continuing, key=counts.__getitem__)
        if len(continuing) == 1 or 2 * counts[leader] > active:
            rounds.append(Round(counts, exhausted))
            return Runoff(rounds, leader)
        fewest = min(counts.values())
        tied = [choice for choice in continuing if counts[choice] == fewest]
        loser = _break_tie(tied, rounds) if len(tied) > 1 else tied[0]
        rounds.append(Round(counts, exhausted, eliminated=loser, tie_broken=len(tied) > 1))
        continuing.remove(loser)


def _break_tie(tied: list[str], earlier: list[Round]) -> str:
    """Which of the `tied` choices (in poll order) goes out: see the module's docstring."""
    for round_ in reversed(earlier):
        fewest = min(round_.counts[choice] for choice in tied)
        tied = [choice for choice in tied if round_.counts[choice] == fewest]
        if len(tied) == 1:
            return tied[0]
    return tied[-1]
