"""Event pages and the registration terms snippet."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyBlock
from home.models.moderated_snippets import ModeratedSnippetMixin, moderation_relations
from home.models.pages import IndexPage


@register_snippet
class RegistrationTerms(ModeratedSnippetMixin, TranslatableMixin, models.Model):
    """Terms a visitor must accept to register for an event that names them; translated and moderated like
    pages (a new translation is a draft until a moderator approves it)."""

    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("terms"), features=["bold", "italic", "link", "ol", "ul"])

    panels = [FieldPanel("title"), FieldPanel("body")]

    _revisions, workflow_states = moderation_relations("registrationterms")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("registration terms")
        verbose_name_plural = _("registration terms")

    def __str__(self) -> str:
        return self.title


EVENTS_PER_PAGE = 12


class EventIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """Live, public events under this index with what a card needs loaded up front."""
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image", "locale")
            .prefetch_related("image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        from events.listing import month_filter, seats_left_by_page
        from home.models.pages import paginate

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        # ?month=YYYY-MM narrows both lists to events starting that month; a malformed value is ignored.
        month = month_filter(request.GET.get("month", ""))
        if month:
            events = events.filter(start__gte=month[0], start__lt=month[1])
        show_past = request.GET.get("past") == "1"
        if show_past:
            listed = paginate(request, events.filter(end__lt=now).order_by("-start", "-pk"), EVENTS_PER_PAGE)
        else:
            listed = paginate(request, events.filter(end__gte=now).order_by("start", "pk"), EVENTS_PER_PAGE)
        context["show_past"] = show_past
        context["events_page"] = listed
        context["month"] = request.GET.get("month", "")[:7] if month else ""
        # One evaluation of the page's slice, shared by the seat count and the template.
        listed.object_list = list(listed.object_list)
        context["seats_left"] = seats_left_by_page(listed.object_list)
        return context


class EventPage(Page):
    """One event. It exists once per language as Wagtail pages sharing a `translation_key`; seats,
    registrations and check-ins belong to the event itself, kept on its page in the default language
    (`seat_page`), so registering from /en/ or /da/ counts against the same capacity."""

    class SignUp(models.TextChoices):
        ON_SITE = "site", _("On this site")
        EXTERNAL = "external", _("External link")
        NONE = "none", _("No sign-up")

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    location_name = models.CharField(_("location"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signup_type = models.CharField(_("sign-up"), max_length=10, choices=SignUp.choices, default=SignUp.ON_SITE)
    external_signup_url = models.URLField(_("external sign-up link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Number of seats; leave empty for no limit."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    members_only = models.BooleanField(_("members only"), default=False)
    terms = models.ForeignKey(
        RegistrationTerms,
        verbose_name=_("registration terms"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("street"), FieldPanel("postal_code"), FieldPanel("city")],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("signup_type"),
                FieldPanel("external_signup_url"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("members_only"),
                FieldPanel("terms"),
            ],
            heading=_("Sign-up"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location_name"),
        index.SearchField("city"),
        index.FilterField("start"),
    ]

    # What the public API (/api/v2/, home.api) shows of an event.
    api_fields = [
        APIField(name)
        for name in ("start", "end", "location_name", "street", "postal_code", "city", "summary", "image", "body")
    ] + [APIField("signup_type"), APIField("external_signup_url"), APIField("members_only")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"], name="events_eventpage_start_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.signup_type == self.SignUp.EXTERNAL and not self.external_signup_url:
            errors["external_signup_url"] = _("Give the link for the external sign-up.")
        if errors:
            raise ValidationError(errors)

    @property
    def seat_page_id(self) -> int:
        """The id of the page that holds this event's seats: the version in the site's default language,
        or this page when no such version exists."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self.pk
        default = (
            EventPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .values_list("pk", flat=True)
            .first()
        )
        return default or self.pk

    def get_context(self, request, *args, **kwargs):
        from events.listing import seats_left_by_page
        from events.models import Registration

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["seats_left"] = seats_left_by_page([self]).get(self.pk) if self.signup_type == "site" else None
        context["registration_not_open"] = bool(self.registration_opens and self.registration_opens > now)
        context["registration_closed"] = bool(self.registration_closes and self.registration_closes <= now)
        context["terms"] = self.terms.localized if self.terms_id else None
        ticket = None
        if request.user.is_authenticated and self.signup_type == "site":
            ticket = (
                Registration.objects.active()
                .filter(event_id=self.seat_page_id, user=request.user)
                .only("pk", "status")
                .first()
            )
        context["registration"] = ticket
        return context

    @property
    def is_past(self) -> bool:
        return self.end <= timezone.now()

    @property
    def map_url(self) -> str:
        from urllib.parse import quote_plus

        address = ", ".join(part for part in [self.street, f"{self.postal_code} {self.city}".strip()] if part)
        return f"https://www.openstreetmap.org/search?query={quote_plus(address)}" if address else ""
