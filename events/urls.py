"""The events app's URLs (under /<language>/events/): registration, tickets and check-in."""

from django.urls import path

from events import calendar, checkin_views, views

app_name = "events"

urlpatterns = [
    path("<int:page_id>/register/", views.register, name="register"),
    path("registrations/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("registrations/<int:pk>/leave-waiting-list/", views.leave_waiting, name="leave_waiting"),
    path("tickets/", views.my_tickets, name="my_tickets"),
    path("tickets/<int:pk>/", views.ticket, name="ticket"),
    path("tickets/<int:pk>/qr.png", views.ticket_qr, name="ticket_qr"),
    path("checkin/", checkin_views.desks, name="checkin_desks"),
    path("checkin/sw.js", checkin_views.service_worker, name="checkin_sw"),
    path("checkin/<str:token>/", views.checkin, name="checkin"),
    path("checkin/<str:token>/confirm/", checkin_views.confirm, name="checkin_confirm"),
    path("<int:event_id>/checkin/", checkin_views.desk, name="checkin_desk"),
    path("<int:event_id>/checkin/scan/", checkin_views.scan, name="checkin_scan"),
    path("<int:event_id>/checkin/sync/", checkin_views.sync, name="checkin_sync"),
    path("<int:event_id>/checkin/undo/", checkin_views.undo, name="checkin_undo"),
    path("<int:event_id>/checkin/attendees/", checkin_views.attendees, name="checkin_attendees"),
    path("<int:event_id>/checkin/counts/", checkin_views.counts, name="checkin_counts"),
    path("<int:page_id>/event.ics", calendar.event_ics, name="event_ics"),
    path("calendar.ics", calendar.calendar_feed, name="calendar_feed"),
]
