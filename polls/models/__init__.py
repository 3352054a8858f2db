from .pages import PollChoice, PollIndexPage, PollPage, PollQuestion
from .poll import OpenBallot, Poll, QuestionTally, Voter

__all__ = ["OpenBallot", "Poll", "PollChoice", "PollIndexPage", "PollPage", "PollQuestion", "QuestionTally", "Voter"]
