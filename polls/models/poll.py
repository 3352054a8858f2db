"""The language-neutral poll and what it holds: its rules, the has-voted list, the tally and open ballots.

Every language version of a poll page points at one `Poll`, so a ballot cast on /da/… and one cast on /en/…
land in the same tally. How secret ballots are kept secret is described in README.md ("Polls").
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Poll(models.Model):
    """The rules and the ballots of one poll, shared by its pages in every language (same `translation_key`).

    The rules are the published values of the poll page's version in `source_language` (the language it was
    written in): publishing that version copies them here, so a translation published from an older copy
    cannot turn them back. `structure` is the questionnaire by language-neutral keys (the questions' and
    choices' translation keys); ballots are checked against it and it is frozen (`locked`) by the first ballot.
    """

    class Eligibility(models.TextChoices):
        MEMBERS = "members", _("Active members")
        ACCOUNTS = "accounts", _("Everyone with an activated account")

    class ResultsShown(models.TextChoices):
        LIVE = "live", _("Live, while the poll is open")
        AFTER_VOTING = "after_voting", _("To each voter once they have voted")
        AFTER_CLOSING = "after_closing", _("When the poll has closed")

    translation_key = models.UUIDField(_("translation key"), unique=True, editable=False)
    source_language = models.CharField(_("language the poll was written in"), max_length=8)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), default=timezone.now)
    eligibility = models.CharField(
        _("who may vote"), max_length=16, choices=Eligibility.choices, default=Eligibility.MEMBERS
    )
    secret = models.BooleanField(_("secret ballot"), default=True)
    results_shown = models.CharField(
        _("results shown"), max_length=16, choices=ResultsShown.choices, default=ResultsShown.AFTER_CLOSING
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (%)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    structure = models.JSONField(_("questions and choices"), default=list, blank=True, editable=False)
    locked = models.BooleanField(_("voting has started"), default=False, editable=False)
    ballots_cast = models.PositiveIntegerField(_("ballots cast"), default=0, editable=False)
    eligible_at_close = models.PositiveIntegerField(_("eligible when it closed"), null=True, editable=False)
    invitations_queued = models.BooleanField(_("invitations queued"), default=False, editable=False)
    reminders_queued = models.BooleanField(_("reminders queued"), default=False, editable=False)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-closes_at", "-pk"]
        permissions = [
            ("view_poll_results", _("Can see every poll's results and turnout, and download them")),
            ("export_open_ballots", _("Can download who voted what in open (not secret) polls")),
        ]
        indexes = [models.Index(fields=["opens_at", "closes_at"], name="polls_poll_window_idx")]

    def __str__(self) -> str:
        return str(self.translation_key)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def has_not_opened(self, now=None) -> bool:
        return (now or timezone.now()) < self.opens_at


class Voter(models.Model):
    """The has-voted list: that `user` voted in `poll`, nothing about how. It has no time of voting, and it is
    the only table of a secret poll that names a person; the unique constraint is the one-ballot rule. The row
    goes with the account (CASCADE); the ballot it stood for stays in the tally and in `Poll.ballots_cast`."""

    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.PROTECT, related_name="voters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="poll_votes"
    )

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "user"],
                name="polls_one_ballot_per_person",
                violation_error_message=_("You have already voted in this poll."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.poll}"


class QuestionTally(models.Model):
    """The anonymous result of one question: how many chose each choice (single and multiple choice), or how
    many ballots ranked the choices in each order (ranked choice: whole rankings, so instant-runoff can be
    counted again at any time). Made for every question at once when the first ballot locks the poll, and
    rewritten by every ballot (each ballot answers every question), so no row keeps a trace of one voter."""

    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.PROTECT, related_name="tallies")
    position = models.PositiveSmallIntegerField(_("position"))
    question_key = models.UUIDField(_("question"))
    answered = models.PositiveIntegerField(_("ballots with a choice"), default=0)
    abstained = models.PositiveIntegerField(_("blank / abstained"), default=0)
    # {choice key: number of ballots that chose it}
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    # {"choice key>choice key>…" (first preference first): number of ballots with that ranking}
    rankings = models.JSONField(_("rankings"), default=dict, blank=True)

    class Meta:
        verbose_name = _("question tally")
        verbose_name_plural = _("question tallies")
        ordering = ["poll", "position"]
        constraints = [models.UniqueConstraint(fields=["poll", "question_key"], name="polls_one_tally_per_question")]

    def __str__(self) -> str:
        return f"{self.poll} #{self.position}"


class OpenBallot(models.Model):
    """Who voted what, kept only for open (not secret) polls, which staff may export. Deleting the account
    keeps the ballot without the link to the person (SET_NULL)."""

    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.PROTECT, related_name="open_ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="open_ballots",
    )
    voted_at = models.DateTimeField(_("voted at"), default=timezone.now)
    # {question key: {"choices": [choice keys, in rank order for ranked questions], "abstained": bool}}
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        verbose_name = _("open ballot")
        verbose_name_plural = _("open ballots")
        ordering = ["voted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.user or '—'} – {self.poll}"
