from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: these modules import models, which are not loaded before ready().
        from events.tickets import EVENT_MAILS, TICKET_MAIL, registration_mail_context, ticket_attachments
        from home.mail import register_attachments, register_context

        for template in EVENT_MAILS:
            register_context(template, registration_mail_context)
        register_attachments(TICKET_MAIL, ticket_attachments)

        # "My tickets" on every user's My page (events.views / events/templates/events/registration).
        from community.dashboard import register_dashboard_section

        register_dashboard_section("events/registration/dashboard_section.html")
