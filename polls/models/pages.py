"""Poll pages: the polls index, the poll page (one per language) and its questions and choices.

A poll page is what editors write, translate, preview, schedule and publish. Its ballots are not its own: they
belong to the language-neutral `Poll` that every language version points at (see polls.models.poll).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.pages import IndexPage
from polls.forms.admin import PollPageForm
from polls.models.poll import Poll
from polls.panels import VotingStartedNotice

RULE_FIELDS = ["opens_at", "closes_at", "eligibility", "secret", "results_shown", "quorum_percent"]


class PollIndexPage(IndexPage):
    """The polls of one language: open ones first, then coming and closed ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["polls.PollPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("polls index page")

    def get_context(self, request, *args, **kwargs):
        from polls.listing import index_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(index_sections(self))
        return context


class PollPage(Page):
    """One poll in one language. Its rules are edited here and take effect when the version in the poll's own
    language is published (they are copied to the `Poll`); questions and choices are ordered inline panels whose
    translation keys are the language-neutral identities ballots are counted by."""

    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    eligibility = models.CharField(
        _("who may vote"), max_length=16, choices=Poll.Eligibility.choices, default=Poll.Eligibility.MEMBERS
    )
    secret = models.BooleanField(
        _("secret ballot"),
        default=True,
        help_text=_("Nobody, staff included, can see what a person voted; the list of who voted is still kept."),
    )
    results_shown = models.CharField(
        _("results shown"),
        max_length=16,
        choices=Poll.ResultsShown.choices,
        default=Poll.ResultsShown.AFTER_CLOSING,
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The smallest turnout, in per cent of those who may vote, for the result to count. Optional."),
    )
    poll = models.ForeignKey(
        Poll,
        verbose_name=_("poll"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="pages",
    )

    content_panels = Page.content_panels + [
        VotingStartedNotice(heading=_("Voting has started")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("eligibility"),
                FieldPanel("secret"),
                FieldPanel("results_shown"),
                FieldPanel("quorum_percent"),
            ],
            heading=_("Voting"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    # The rules only count in the poll's own language (see Poll), so translators never override them.
    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in RULE_FIELDS]
    search_fields = Page.search_fields + [index.SearchField("description")]

    parent_page_types = ["polls.PollIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    # Checks the questionnaire as a whole, and refuses changes to it once voting has started.
    base_form_class = PollPageForm

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    def save(self, *args, **kwargs):
        # Every version of the page shares the Poll of its translation key; a copy (new key) gets its own.
        if self.poll_id is None or self.poll.translation_key != self.translation_key:
            if not self.locale_id:  # what Wagtail's pre_save would set, needed now for the poll's language
                self.locale = self.get_default_locale()
            self.poll = Poll.objects.filter(translation_key=self.translation_key).first() or Poll.objects.create(
                translation_key=self.translation_key,
                source_language=self.locale.language_code,
                **{name: getattr(self, name) for name in RULE_FIELDS},
            )
        result = super().save(*args, **kwargs)
        if not kwargs.get("update_fields"):
            # A full save is a creation or a publication (a draft only touches the revision fields).
            from polls.publishing import apply_page_to_poll

            apply_page_to_poll(self)
        return result

    def get_context(self, request, *args, ballot_form=None, **kwargs):
        from polls.views.poll_page import poll_page_context

        context = super().get_context(request, *args, **kwargs)
        # `ballot_form`: a refused ballot shown again with its choices and messages (polls.views.voting.vote).
        context.update(poll_page_context(request, self, form=ballot_form))
        return context


class PollQuestion(TranslatableMixin, Orderable, ClusterableModel):
    """A question of a poll page. Its translation key (shared by its versions in every language) is how ballots
    name it; kind, maximum and the blank option are the same in every language (wagtail-localize copies them)."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RANKED = "ranked", _("Ranked choice (instant-runoff)")

    page = ParentalKey(PollPage, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SINGLE)
    max_choices = models.PositiveSmallIntegerField(
        _("most choices a voter may tick"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Multiple choice only; leave empty to allow every choice."),
    )
    allow_abstain = models.BooleanField(_("offer “blank / abstain”"), default=True)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("max_choices")]),
        FieldPanel("allow_abstain"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        # A question is in its page's language, whoever copies it (Wagtail's copy for translation sets it on the
        # page's children but not on theirs, so the choices below follow the same rule).
        if self.page_id or self.page:
            self.locale_id = self.page.locale_id
        super().save(*args, **kwargs)


class PollChoice(TranslatableMixin, Orderable):
    """A choice (or, in a ranked question, a candidate). Ballots name it by its translation key."""

    question = ParentalKey(PollQuestion, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        # A choice is in its question's language (see PollQuestion.save).
        self.locale_id = self.question.locale_id
        super().save(*args, **kwargs)
