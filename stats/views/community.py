"""The community's numbers: charts with their tables, and each chart's data as CSV."""

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.exports import csv_response
from stats.services import community_numbers

# The figures change with every approval and registration; a few minutes old is fine for a public dashboard.
CACHE_SECONDS = 300


def _figures() -> dict:
    """The figures in the visitor's language, cached as data (the page around them differs per visitor)."""
    language = get_language()
    key = f"stats:community:{language}"
    figures = cache.get(key)
    if figures is None:
        figures = {
            "members": community_numbers.members_over_time(),
            "new_members": community_numbers.new_members_per_month(),
            "events": community_numbers.events_per_year(),
            "waiting_lists": community_numbers.waiting_lists(language),
        }
        cache.set(key, figures, CACHE_SECONDS)
    return figures


@require_safe
def dashboard(request):
    figures = _figures()
    return render(request, "stats/community.html", {**figures, "empty": not any(figures.values())})


def _month(value) -> str:
    return value.strftime("%Y-%m")


@require_safe
def dashboard_csv(request, figure: str):
    figures = _figures()
    if figure == "members":
        rows = [(_month(m.month), m.count) for m in figures["members"]]
        header = [_("Month"), _("Members")]
    elif figure == "new-members":
        rows = [(_month(m.month), m.count) for m in figures["new_members"]]
        header = [_("Month"), _("New members")]
    elif figure == "events":
        rows = [
            (e.year, e.events, e.tickets, e.checked_in, "" if e.check_in_rate is None else round(e.check_in_rate, 3))
            for e in figures["events"]
        ]
        header = [_("Year"), _("Events"), _("Tickets"), _("Checked in"), _("Check-in rate")]
    elif figure == "waiting-lists":
        rows = [
            (
                w.title,
                formats.date_format(timezone.localtime(w.start), "Y-m-d"),
                w.capacity or "",
                w.tickets,
                w.waiting,
            )
            for w in figures["waiting_lists"]
        ]
        header = [_("Event"), _("Date"), _("Seats"), _("Tickets"), _("Waiting list")]
    else:
        raise Http404
    return csv_response(f"community-{figure}.csv", header, rows)
