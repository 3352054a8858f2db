"""Check-in at the door: scanning tickets, undoing check-ins, finding attendees, and who may do it."""

from events.services.checkin.access import (
    CHECK_IN_PERMISSION,
    VOLUNTEERS_GROUP,
    assign_volunteer,
    checks_people_in,
    door_event,
    may_scan,
    may_undo,
    scannable_events,
    unassign_volunteer,
)
from events.services.checkin.attendees import find_attendees, fold, search_attendees
from events.services.checkin.codes import MAX_CODE_LENGTH, clean_text, parse_code
from events.services.checkin.scanning import (
    MAX_BATCH,
    CheckInError,
    ScanResult,
    check_in,
    check_in_batch,
    checkin_time,
    display_name,
    undo_check_in,
)

__all__ = [
    "CHECK_IN_PERMISSION",
    "MAX_BATCH",
    "MAX_CODE_LENGTH",
    "VOLUNTEERS_GROUP",
    "CheckInError",
    "ScanResult",
    "assign_volunteer",
    "check_in",
    "check_in_batch",
    "checkin_time",
    "checks_people_in",
    "clean_text",
    "door_event",
    "display_name",
    "find_attendees",
    "fold",
    "may_scan",
    "may_undo",
    "parse_code",
    "scannable_events",
    "search_attendees",
    "unassign_volunteer",
    "undo_check_in",
]
