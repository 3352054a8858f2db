"""The events app's rules: registration (seats, waiting list, cancelling) and check-in at the door.

Views, admin views, tasks and commands call these functions; each is a transaction and handles its own races.
"""

from events.services.checkin import (
    CheckInError,
    ScanResult,
    assign_volunteer,
    check_in,
    check_in_batch,
    checks_people_in,
    door_event,
    find_attendees,
    may_scan,
    may_undo,
    parse_code,
    scannable_events,
    search_attendees,
    unassign_volunteer,
    undo_check_in,
)
from events.services.registration import (
    RegistrationError,
    cancel,
    cancel_event,
    event_counts,
    is_event_staff,
    leave_waiting_list,
    may_cancel,
    register,
    seats_left,
)

__all__ = [
    "CheckInError",
    "RegistrationError",
    "ScanResult",
    "assign_volunteer",
    "cancel",
    "cancel_event",
    "check_in",
    "check_in_batch",
    "checks_people_in",
    "door_event",
    "event_counts",
    "find_attendees",
    "is_event_staff",
    "leave_waiting_list",
    "may_cancel",
    "may_scan",
    "may_undo",
    "parse_code",
    "register",
    "scannable_events",
    "search_attendees",
    "seats_left",
    "unassign_volunteer",
    "undo_check_in",
]
