"""The events app's URLs (under /<language>/events/): registration, tickets and check-in. Ids go through the
`row_id` converter (home.converters), so an absurdly long number is a 404."""

from django.urls import path

from events import calendar
from events.views import door, registration, tickets

app_name = "events"

urlpatterns = [
    path("<row_id:page_id>/register/", registration.register, name="register"),
    path("registrations/<row_id:pk>/cancel/", registration.cancel, name="cancel"),
    path("registrations/<row_id:pk>/leave-waiting-list/", registration.leave_waiting, name="leave_waiting"),
    path("tickets/", tickets.my_tickets, name="my_tickets"),
    path("tickets/<row_id:pk>/", tickets.ticket, name="ticket"),
    path("tickets/<row_id:pk>/qr.png", tickets.ticket_qr, name="ticket_qr"),
    path("checkin/", door.desks, name="checkin_desks"),
    path("checkin/sw.js", door.service_worker, name="checkin_sw"),
    path("checkin/<str:token>/", tickets.checkin, name="checkin"),
    path("checkin/<str:token>/confirm/", door.confirm, name="checkin_confirm"),
    path("<row_id:event_id>/checkin/", door.desk, name="checkin_desk"),
    path("<row_id:event_id>/checkin/scan/", door.scan, name="checkin_scan"),
    path("<row_id:event_id>/checkin/sync/", door.sync, name="checkin_sync"),
    path("<row_id:event_id>/checkin/undo/", door.undo, name="checkin_undo"),
    path("<row_id:event_id>/checkin/attendees/", door.attendees, name="checkin_attendees"),
    path("<row_id:event_id>/checkin/counts/", door.counts, name="checkin_counts"),
    path("<row_id:page_id>/event.ics", calendar.event_ics, name="event_ics"),
    path("calendar.ics", calendar.calendar_feed, name="calendar_feed"),
]
