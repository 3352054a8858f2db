"""The Celery app: reads the CELERY_* settings, finds each app's tasks.py, and holds the beat schedule."""

import os
from datetime import timedelta

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # Mail owed but not sent (broker or SMTP was down) is sent again; each run is also beat's heartbeat.
    "resend-owed-mail": {
        "task": "home.tasks.resend_owed_mail",
        "schedule": timedelta(seconds=float(os.environ.get("MAIL_OUTBOX_SWEEP_SECONDS") or 60)),
    },
    # Memberships that ended become Lapsed and get a renewal mail (idempotent: a rerun finds nothing new).
    "mark-lapsed-members": {"task": "community.tasks.mark_lapsed_members", "schedule": crontab(hour=6, minute=15)},
    # Ticket holders of events starting in 20-28 hours get a reminder (once each: the task claims each ticket).
    "send-event-reminders": {"task": "events.tasks.send_event_reminders", "schedule": crontab(minute=7)},
    # Pages and snippets editors scheduled go live (or expire) within a minute of their time.
    "publish-scheduled": {"task": "home.tasks.publish_scheduled", "schedule": crontab()},
    # Poll invitations when a poll opens, reminders a day before it closes, the eligible count when it has closed
    # (each once: the task claims each poll).
    # The salary calculator's model for the newest survey year, if the fit its import owed never ran.
    "fit-missing-salary-model": {"task": "stats.tasks.fit_missing_salary_model", "schedule": crontab(minute=23)},
    # Search counts older than WAGTAILSEARCH_HITS_MAX_AGE days, and searches left without counts or promotions.
    "prune-search-queries": {"task": "search.tasks.prune_search_queries", "schedule": crontab(hour=4, minute=41)},
    "run-poll-schedule": {"task": "polls.tasks.run_poll_schedule", "schedule": crontab(minute="*/5")},
}
