"""Event pages (one per language, each pointing at its language-neutral Event) and the registration terms."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.forms import EventPageForm
from events.models.event import SETTINGS_FIELDS, Event, with_seats_left
from events.models.terms import RegistrationTerms  # noqa: F401 - re-exported
from home.blocks import BodyBlock
from home.models.pages import IndexPage
from home.renditions import CARD, with_renditions
from home.serving import public

EVENTS_PER_PAGE = 12


class EventIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def events(self, request=None):
        """Live, public events under this index with what a card and its cache key need loaded up front (the
        renditions too: a card rendered anew, with the fragment cache cold or off, must not ask for its own)."""
        return (
            public(EventPage.objects.live(), request)
            .child_of(self)
            .select_related("locale", "event")
            .select_related("image")
            .prefetch_related(with_renditions("image", CARD))
        )

    def get_context(self, request, *args, **kwargs):
        from events.listing import month_filter
        from home.models.pages import paginate

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events(request)
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
        # Each card's seats left, counted for this page of the list in one query (EventQuerySet.with_counts).
        listed.object_list = with_seats_left(list(listed.object_list))
        return context


class EventPage(Page):
    """One event in one language. Its versions share a `translation_key` and one `Event` (events.models.event),
    which holds the seats, the sign-up rules and the registrations, so registering from /en/ or /da/ counts
    against the same capacity, and deleting a language version loses nothing."""

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
    # Every language version points at the same Event (its seats, sign-up rules and registrations); the page
    # form edits the Event's settings (events.forms), and save() gives a new page (or a copy) its own Event.
    event = models.ForeignKey(
        Event,
        verbose_name=_("event record"),
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="pages",
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
                # The Event's settings, shared by every language version (fields of EventPageForm).
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("members_only"),
                FieldPanel("waiting_list"),
                FieldPanel("terms"),
            ],
            heading=_("Sign-up"),
            help_text=_("Seats and sign-up rules belong to the event and are the same in every language."),
        ),
    ]
    base_form_class = EventPageForm
    # One Event for every language version: translating never gives a page an Event of its own.
    override_translatable_fields = [SynchronizedField("event", overridable=False)]
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
    ] + [
        APIField("signup_type"),
        APIField("external_signup_url"),
        APIField("members_only", serializer=serializers.BooleanField(source="event.members_only", read_only=True)),
    ]

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
        if self.signup_type == self.SignUp.EXTERNAL and not self.external_signup_url:
            errors["external_signup_url"] = _("Give the link for the external sign-up.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def with_new_event(cls, **fields) -> "EventPage":
        """An unsaved page with an Event of its own: page fields and Event settings (`SETTINGS_FIELDS`, e.g.
        capacity) given together, for code that makes events (factories, the demo, series)."""
        settings = {name: fields.pop(name) for name in [*SETTINGS_FIELDS, "series"] if name in fields}
        page = cls(**fields)
        page.event = Event.objects.create(translation_key=page.translation_key, **settings)
        return page

    def save(self, *args, **kwargs):
        # Every version of the page shares the Event of its translation key; a copy (new key) gets its own,
        # with the settings of the event it was copied from.
        if self.event_id is None or self.event.translation_key != self.translation_key:
            copied_from = self.event if self.event_id else None
            self.event = Event.objects.filter(translation_key=self.translation_key).first() or Event.objects.create(
                translation_key=self.translation_key, **(copied_from.settings() if copied_from else {})
            )
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        # The Event's settings from the page form take effect when the editor saves or publishes (never on a
        # preview, which builds the page from the form without saving a revision).
        from events.forms import apply_event_settings

        revision = super().save_revision(*args, **kwargs)
        apply_event_settings(self)
        return revision

    def get_context(self, request, *args, **kwargs):
        from events.models import Registration

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        # The event with its counts, in one query (events.models.event.EventQuerySet.with_counts).
        event = Event.objects.with_counts().select_related("terms").get(pk=self.event_id)
        self.event = event
        context["seats_left"] = event.seats_left if self.signup_type == "site" else None
        context["registration_not_open"] = bool(event.registration_opens and event.registration_opens > now)
        context["registration_closed"] = bool(event.registration_closes and event.registration_closes <= now)
        context["terms"] = event.terms.localized if event.terms_id else None
        ticket = None
        if request.user.is_authenticated and self.signup_type == "site":
            ticket = (
                Registration.objects.active()
                .filter(event_id=self.event_id, user=request.user)
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
