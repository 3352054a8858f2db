"""Recurring meetups: a series (e.g. monthly on the first Tuesday, 17:00-19:00) and the dates it made pages for."""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class EventSeries(models.Model):
    """What the events of a series share. Each date becomes its own EventPage (own capacity and registrations,
    edited one by one); the series only makes the pages that are missing."""

    class Rule(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        MONTHLY = "monthly", _("Every month on the n-th weekday")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    class Week(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")
        THIRD = 3, _("third")
        FOURTH = 4, _("fourth")
        LAST = -1, _("last")

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), max_length=500)
    index = models.ForeignKey(
        "events.EventIndexPage",
        verbose_name=_("event index"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The events are created under this page, in its language."),
    )
    rule = models.CharField(_("repeats"), max_length=10, choices=Rule.choices, default=Rule.MONTHLY)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices, default=Weekday.TUESDAY)
    week_of_month = models.SmallIntegerField(
        _("week of the month"), choices=Week.choices, default=Week.FIRST, help_text=_("Only for monthly series.")
    )
    starts_on = models.DateField(_("first possible date"), default=timezone.localdate)
    start_time = models.TimeField(_("starts at"), help_text=_("Local time in Copenhagen."))
    end_time = models.TimeField(_("ends at"))
    number_of_dates = models.PositiveSmallIntegerField(
        _("number of dates"), default=6, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    location_name = models.CharField(_("location"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Seats per event.")
    )
    publish = models.BooleanField(
        _("publish the events"), default=False, help_text=_("Otherwise they are created as drafts to review.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("index"),
        MultiFieldPanel(
            [
                FieldPanel("rule"),
                FieldRowPanel([FieldPanel("week_of_month"), FieldPanel("weekday")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("number_of_dates")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("street"), FieldPanel("postal_code"), FieldPanel("city")],
            heading=_("Where"),
        ),
        FieldPanel("capacity"),
        FieldPanel("publish"),
    ]

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The events must end after they start.")})

    def dates(self) -> list[date]:
        """The next `number_of_dates` dates of the series, from `starts_on` on."""
        found: list[date] = []
        if self.rule == self.Rule.WEEKLY:
            day = self.starts_on + timedelta(days=(self.weekday - self.starts_on.weekday()) % 7)
            while len(found) < self.number_of_dates:
                found.append(day)
                day += timedelta(days=7)
            return found
        year, month = self.starts_on.year, self.starts_on.month
        while len(found) < self.number_of_dates:
            day = nth_weekday(year, month, self.weekday, self.week_of_month)
            if day >= self.starts_on:
                found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-4, or -1 for the last) `weekday` (0 = Monday) of the month."""
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    return date(year, month, days[n - 1] if n > 0 else days[-1])


class EventSeriesDate(models.Model):
    """A date of a series that has its event page; the page is then the editors' to change or delete."""

    series = models.ForeignKey(EventSeries, on_delete=models.CASCADE, related_name="occurrences")
    date = models.DateField()
    page = models.OneToOneField("events.EventPage", on_delete=models.CASCADE, related_name="series_date")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "date"], name="events_one_page_per_series_date")]
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.series} – {self.date.isoformat()}"
