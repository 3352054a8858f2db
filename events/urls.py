"""The events app's URLs (under /<language>/events/): registration, tickets and check-in."""

from django.urls import path

from events import calendar, views

app_name = "events"

urlpatterns = [
    path("<int:page_id>/register/", views.register, name="register"),
    path("registrations/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("registrations/<int:pk>/leave-waiting-list/", views.leave_waiting, name="leave_waiting"),
    path("tickets/", views.my_tickets, name="my_tickets"),
    path("tickets/<str:token>/qr.png", views.ticket_qr, name="ticket_qr"),
    path("checkin/<str:token>/", views.checkin, name="checkin"),
    path("<int:page_id>/event.ics", calendar.event_ics, name="event_ics"),
    path("calendar.ics", calendar.calendar_feed, name="calendar_feed"),
]
