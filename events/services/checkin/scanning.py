"""Check-in at the door: scan a ticket and undo a check-in.

A ticket is checked in by one conditional UPDATE (`checked_in_at IS NULL` in its WHERE clause), so of any
number of simultaneous scans of one ticket exactly one changes the row; the others read it again and answer
"already checked in". Every attempt, refused or not, and every undo is written to the CheckIn log.

Scans queued on a phone while it was offline carry the time they were made and an id made on the device:
`check_in_batch` resolves them in scan order, and a scan sent twice is answered from the log the second time.
"""

import datetime
from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from events.listing import pages_in_language
from events.models import CheckIn, Event, EventPage, Registration
from events.models.event import event_of
from events.services.checkin.access import may_undo
from events.services.checkin.codes import parse_code
from events.services.registration import is_event_staff
from home import dates
from home.errors import DomainError

MAX_BATCH = 200
# A scan made offline keeps the device's time, within reason: never in the future, at most a day back.
OLDEST_OFFLINE_SCAN = datetime.timedelta(hours=24)

Result = CheckIn.Result
Source = CheckIn.Source


class CheckInError(DomainError):
    MESSAGES = {
        "not_found": gettext_lazy("This person is not registered for this event."),
        "not_checked_in": gettext_lazy("This person is not checked in."),
        "not_yours": gettext_lazy("Only the volunteer who checked this person in, or an organiser, can undo it."),
        "bad_request": gettext_lazy("The scanner sent something this site does not understand. Reload the page."),
    }


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email


def checkin_time(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    if timezone.localtime(moment).date() == timezone.localdate():
        return dates.format_time(moment)
    return dates.format_short_datetime(moment)


@dataclass(frozen=True)
class ScanResult:
    """What the door learns from one scan or undo. `registration` has its user and checker loaded."""

    state: str
    registration: Registration | None = None
    code: str = ""
    client_id: str | None = None
    other_event: str = ""

    TONES = {
        Result.CHECKED_IN: "success",
        Result.ALREADY: "warning",
        Result.UNDONE: "info",
    }

    @property
    def tone(self) -> str:
        """success (green), warning (orange), danger (red) or info."""
        return self.TONES.get(self.state, "danger")

    @property
    def name(self) -> str:
        return display_name(self.registration.user) if self.registration else ""

    @property
    def checked_in_by(self) -> str:
        return display_name(self.registration.checked_in_by) if self.registration else ""

    @property
    def title(self) -> str:
        titles = {
            Result.CHECKED_IN: _("Checked in"),
            Result.ALREADY: _("Already checked in"),
            Result.WRONG_EVENT: _("Not a ticket for this event"),
            Result.CANCELLED: _("Cancelled ticket"),
            Result.WAITING: _("Not a ticket"),
            Result.UNKNOWN: _("Unknown ticket"),
            Result.UNDONE: _("Check-in undone"),
        }
        return titles[self.state]

    @property
    def message(self) -> str:
        name = self.name
        if self.state == Result.CHECKED_IN:
            return _("Checked in: %(name)s") % {"name": name}
        if self.state == Result.ALREADY and self.registration.checked_in_at is None:
            # A queued scan sent again after its check-in was undone: the log's answer, with nothing to add.
            return _("This ticket was checked in, and the check-in has since been undone.")
        if self.state == Result.ALREADY:
            when = checkin_time(self.registration.checked_in_at)
            if self.checked_in_by:
                return _("Already checked in at %(time)s by %(volunteer)s") % {
                    "time": when,
                    "volunteer": self.checked_in_by,
                }
            return _("Already checked in at %(time)s") % {"time": when}
        if self.state == Result.WRONG_EVENT:
            return _("This ticket is for %(event)s.") % {"event": self.other_event}
        if self.state == Result.CANCELLED:
            return _("The ticket of %(name)s is cancelled.") % {"name": name}
        if self.state == Result.WAITING:
            return _("%(name)s is on the waiting list and has no seat.") % {"name": name}
        if self.state == Result.UNDONE:
            return _("%(name)s is no longer checked in.") % {"name": name}
        return _("No ticket for this event has this code.")

    def as_dict(self, viewer=None) -> dict:
        # A ticket of another event says only which event it is for: whose it is, is not this door's business.
        registration = None if self.state == Result.WRONG_EVENT else self.registration
        return {
            "state": self.state,
            "tone": self.tone,
            "title": self.title,
            "message": self.message,
            "name": self.name if registration else "",
            "registration": registration.pk if registration else None,
            "checked_in_at": registration.checked_in_at.isoformat()
            if registration and registration.checked_in_at
            else None,
            "checked_in_by": self.checked_in_by if registration else "",
            "can_undo": bool(
                viewer is not None
                and registration
                and registration.checked_in_at
                and self.state in (Result.CHECKED_IN, Result.ALREADY)
                and may_undo(registration, viewer)
            ),
            "duplicate": self.state == Result.ALREADY,
            "client_id": self.client_id,
        }


# --- Scanning --------------------------------------------------------------------------------------------


def _scan_time(scanned_at, now: datetime.datetime) -> datetime.datetime:
    if isinstance(scanned_at, str):
        try:
            scanned_at = datetime.datetime.fromisoformat(scanned_at.strip()[:40])
        except ValueError:
            scanned_at = None
    if not isinstance(scanned_at, datetime.datetime):
        return now
    if timezone.is_naive(scanned_at):
        scanned_at = scanned_at.replace(tzinfo=datetime.UTC)
    return max(min(scanned_at, now), now - OLDEST_OFFLINE_SCAN)


def _tickets(parsed: tuple[str, str], event_id: int):
    kind, value = parsed
    registrations = Registration.objects.select_related("user", "checked_in_by")
    if kind == "short":
        # Typed codes are short (50 bits), so they are unique within one event by chance only, never across
        # events. Two tickets sharing one would be an unknown code, not two check-ins: the QR still works.
        matches = list(
            Registration.objects.filter(event_id=event_id, short_code=value).values_list("pk", flat=True)[:2]
        )
        return registrations.filter(pk=matches[0]) if len(matches) == 1 else registrations.none()
    return registrations.by_token(value)


def _resolve(parsed, event_id: int, volunteer, at: datetime.datetime) -> ScanResult:
    """Read the ticket, then check it in with an UPDATE of its row that holds only while it is still a confirmed
    ticket of this event that nobody checked in: of simultaneous scans exactly one changes the row, and the others
    read it again and answer "already". A ticket that cannot be checked in costs the read alone."""
    if parsed is None:
        return ScanResult(Result.UNKNOWN)
    tickets = _tickets(parsed, event_id)
    registration = None
    for _attempt in range(2):
        registration = tickets.first()
        if registration is None:
            return ScanResult(Result.UNKNOWN)
        if registration.event_id != event_id:
            page = pages_in_language([registration.event_id], get_language()).get(registration.event_id)
            return ScanResult(Result.WRONG_EVENT, registration, other_event=page.title if page else "")
        if registration.status == Registration.Status.CANCELLED:
            return ScanResult(Result.CANCELLED, registration)
        if registration.status == Registration.Status.WAITING:
            return ScanResult(Result.WAITING, registration)
        if registration.checked_in_at is not None:
            return ScanResult(Result.ALREADY, registration)
        checked_in = Registration.objects.filter(
            pk=registration.pk, event_id=event_id, status=Registration.Status.CONFIRMED, checked_in_at__isnull=True
        ).update(checked_in_at=at, checked_in_by=volunteer)
        if checked_in:
            registration.checked_in_at, registration.checked_in_by = at, volunteer
            return ScanResult(Result.CHECKED_IN, registration)
        # Checked in, or cancelled, between the read and the update: read it again.
    return ScanResult(Result.UNKNOWN, registration)


def logged_code(code: str, registration: Registration | None) -> str:
    """What the check-in log keeps of a scan: the ticket's short code, never its token (which checks it in).
    A scan that found no ticket keeps what was scanned, which checks nothing in."""
    if registration is not None:
        return registration.short_code
    return code.strip()[:64]


def _logged_scan(client_id: str) -> CheckIn | None:
    return (
        CheckIn.objects.select_related("registration__user", "registration__checked_in_by")
        .filter(client_id=client_id)
        .first()
    )


def _answer_from_log(log: CheckIn) -> ScanResult:
    return ScanResult(log.result, log.registration, code=log.code, client_id=log.client_id)


def check_in(
    code: str,
    event: Event | EventPage,
    volunteer,
    *,
    source: str = Source.CAMERA,
    scanned_at=None,
    client_id: str | None = None,
) -> ScanResult:
    """Check the ticket `code` (its URL, token or typed code) in at `event`, as `volunteer`, and log it.

    The caller checks `may_scan`. A `client_id` seen before at this event from this volunteer is answered
    from the log, without checking in again: the log's unique `client_id` refuses the second row, which rolls the
    whole attempt back (its check-in too), so a new id, the usual case, costs no lookup beforehand.

    Locks: no explicit lock. The conditional UPDATE row-locks the ticket's registration (FOR NO KEY UPDATE), then
    inserting the CheckIn takes KEY SHARE locks on the event's seat row and the registration; neither conflicts
    with the seat lock of registration.cancel (FOR NO KEY UPDATE), so a scan and a cancel of one ticket queue up
    on the registration row and never deadlock."""
    event = event_of(event)
    event_id = event.pk
    now = timezone.now()
    at = _scan_time(scanned_at, now)
    code = str(code or "").replace("\x00", "")  # PostgreSQL text cannot hold NUL
    client_id = (str(client_id).replace("\x00", "")[:64] or None) if client_id else None
    if source not in Source.values:
        source = Source.CAMERA
    parsed = parse_code(code)
    while True:
        try:
            with transaction.atomic():
                result = _resolve(parsed, event_id, volunteer, at)
                CheckIn.objects.create(
                    event_id=event_id,
                    registration=result.registration,
                    volunteer=volunteer,
                    code=logged_code(code, result.registration),
                    result=result.state,
                    source=source,
                    scanned_at=at,
                    client_id=client_id,
                )
            break
        except IntegrityError:
            log = _logged_scan(client_id) if client_id else None
            if log is None:
                raise
            if log.event_id == event_id and log.volunteer_id == volunteer.pk:
                # Sent before (a queued scan sent again, or twice at once): the first one's answer stands.
                return _answer_from_log(log)
            client_id = None  # another scanner's id (random ids never meet): keep the scan, drop the id
    return replace(result, code=code.strip()[:64], client_id=client_id)


def check_in_batch(scans: list[dict], event: Event | EventPage, volunteer) -> list[ScanResult]:
    """Check in scans queued on a device, in the order they were scanned; answers in the order given.

    Each scan is a dict with `code` and, optionally, `client_id`, `scanned_at` and `source`."""
    event = event_of(event)
    if not isinstance(scans, list) or len(scans) > MAX_BATCH or not all(isinstance(s, dict) for s in scans):
        raise CheckInError("bad_request")
    now = timezone.now()
    order = sorted(range(len(scans)), key=lambda i: (_scan_time(scans[i].get("scanned_at"), now), i))
    results: list[ScanResult | None] = [None] * len(scans)
    for index in order:
        scan = scans[index]
        results[index] = check_in(
            str(scan.get("code") or ""),
            event,
            volunteer,
            source=str(scan.get("source") or Source.CAMERA),
            scanned_at=scan.get("scanned_at"),
            client_id=str(scan.get("client_id") or "") or None,
        )
    return results


def undo_check_in(registration_id: int, event: Event | EventPage, volunteer, *, source: str = Source.SEARCH):
    """Take back a check-in: the volunteer who made it, or an organiser. Logged like a scan.

    Locks: as `check_in` (the conditional UPDATE on the registration row, then the CheckIn insert)."""
    event = event_of(event)
    event_id = event.pk
    with transaction.atomic():
        rows = Registration.objects.filter(pk=registration_id, event_id=event_id, checked_in_at__isnull=False)
        if not is_event_staff(volunteer):
            rows = rows.filter(checked_in_by=volunteer)
        if not rows.update(checked_in_at=None, checked_in_by=None):
            registration = Registration.objects.filter(pk=registration_id, event_id=event_id).first()
            if registration is None:
                raise CheckInError("not_found")
            if registration.checked_in_at is None:
                raise CheckInError("not_checked_in")
            raise CheckInError("not_yours")
        registration = Registration.objects.select_related("user", "checked_in_by").get(pk=registration_id)
        CheckIn.objects.create(
            event_id=event_id,
            registration=registration,
            volunteer=volunteer,
            code=registration.short_code,
            result=Result.UNDONE,
            source=source if source in Source.values else Source.SEARCH,
            scanned_at=timezone.now(),
        )
    return ScanResult(Result.UNDONE, registration)
