"""The polls app: polls as Wagtail pages, ballots on a language-neutral Poll, secret ballots, results and mails."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "polls"
    verbose_name = _("Polls")

    def ready(self):
        # Imported here: these modules import models, which are not loaded before ready().
        from community.dashboard import register_dashboard_section
        from community.services.personal_data import register_data_export
        from home.blocks import register_body_block
        from home.mail import register_context
        from polls import mails, personal_data
        from polls.blocks import PollBlock

        # "Polls waiting for your vote" on every user's My page.
        register_dashboard_section("polls/dashboard_section.html")
        # The polls someone voted in (and their answers in open polls) in their data download.
        register_data_export("polls", personal_data.polls_voted_in)
        # Editors can drop a poll into the body of any page.
        register_body_block("poll", PollBlock())
        for template in mails.POLL_MAILS:
            register_context(template, mails.poll_mail_context)
