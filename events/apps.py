from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: these modules import models, which are not loaded before ready().
        from events.mails import (
            EVENT_MAILS,
            TICKET_MAIL,
            mark_ticket_mailed,
            registration_mail_context,
            ticket_attachments,
        )
        from home.mail import register_attachments, register_context, register_on_sent

        for template in EVENT_MAILS:
            register_context(template, registration_mail_context)
        register_attachments(TICKET_MAIL, ticket_attachments)
        register_on_sent(TICKET_MAIL, mark_ticket_mailed)

        # "My tickets" on every user's My page (events.views.tickets / events/templates/events/registration).
        from community.dashboard import register_dashboard_section

        register_dashboard_section("events/registration/dashboard_section.html")
        # Volunteers and organisers reach their check-in events from My page (events.views.door.desks).
        register_dashboard_section("events/checkin/dashboard_section.html")

        # The next events on the home page (home.sections).
        from home.sections import register_home_section

        register_home_section("events/includes/next_events.html")

        # A person's registrations and volunteering in their data download (community.services.personal_data).
        from community.services.personal_data import register_data_export
        from events import personal_data

        register_data_export("event_registrations", personal_data.registrations)
        register_data_export("event_volunteering", personal_data.volunteering)
