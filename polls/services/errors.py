"""Why a ballot or a look at the results is refused: codes for programs and tests, messages for people."""

from django.utils.translation import gettext_lazy as _

from home.errors import DomainError


class BallotError(DomainError):
    """A ballot the rules refuse. `question` names the question it is about (its key), when it is about one;
    `limit` fills in the message of `too_many`."""

    MESSAGES = {
        "login_required": _("Log in to vote."),
        "not_verified": _("Activate your account with the link we mailed you before voting."),
        "not_member": _("Only active members of the association may vote in this poll."),
        "lapsed": _("Your membership has lapsed. Renew it to vote in this poll."),
        "not_eligible": _("You may not vote in this poll."),
        "not_published": _("This poll is not published."),
        "not_open": _("This poll has not opened yet."),
        "closed": _("This poll has closed."),
        "already_voted": _("You have already voted in this poll. Each person votes once."),
        "unanswered": _("Answer this question, or choose “blank / abstain”."),
        "abstain_not_offered": _("This question has no blank / abstain option."),
        "abstain_and_choice": _("Either choose or abstain, not both."),
        "unknown_choice": _("That is not one of this question's choices."),
        "too_many": _("Choose at most %(limit)s."),
        "duplicate_choice": _("Each choice can only be given once."),
        "incomplete_ranking": _("Rank every choice, each with its own number."),
        "duplicate_rank": _("Each rank can only be used once."),
        "unknown_question": _("That is not one of this poll's questions."),
        "questionnaire_changed": _("The poll's questions have changed since the page was loaded. Please vote again."),
    }

    def __init__(self, code: str, *, question: str | None = None, limit: int | None = None):
        self.question = question
        self.limit = limit
        super().__init__(code)

    @property
    def message(self) -> str:
        text = str(self.MESSAGES.get(self.code, self.code))
        return text % {"limit": self.limit} if self.limit is not None else text
