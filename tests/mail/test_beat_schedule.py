"""The beat schedule in cms/celery.py names tasks that exist, so a renamed task cannot silently stop the resends."""

from celery import current_app


def test_every_beat_entry_names_a_registered_task():
    current_app.loader.import_default_modules()  # what a worker does at start: find every app's tasks.py

    scheduled = {entry["task"] for entry in current_app.conf.beat_schedule.values()}

    assert "home.tasks.resend_owed_mail" in scheduled
    assert scheduled <= set(current_app.tasks)
